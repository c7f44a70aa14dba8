package derivcheck.algebra;

import derivcheck.expr.*;
import derivcheck.numeric.Compiler;
import derivcheck.numeric.Env;
import derivcheck.numeric.Value;
import derivcheck.expr.TextPrinter;
import java.util.Arrays;
import java.util.List;

/** Terse builders for algebra tests: raw nodes (no folding) unless said otherwise. */
final class AlgebraEx {
    private AlgebraEx() {}

    static final Pos P = Pos.NONE;

    static Sym s(String name) { return Sym.scalar(name); }
    static Sym vec(String name) { return new Sym(name, new Shape.Vector(Dim.of("n")), SymKind.GIVEN, P); }
    static Sym mat(String name) { return new Sym(name, new Shape.Matrix(Dim.of("n"), Dim.of("n")), SymKind.GIVEN, P); }
    static Sym mat(String name, String r, String c) { return new Sym(name, new Shape.Matrix(Dim.of(r), Dim.of(c)), SymKind.GIVEN, P); }
    static Sym vec(String name, String d) { return new Sym(name, new Shape.Vector(Dim.of(d)), SymKind.GIVEN, P); }
    static Sym idx(String name) { return new Sym(name, Shape.SCALAR, SymKind.INDEX, P); }
    static Sym dim(String name) { return new Sym(name, Shape.SCALAR, SymKind.DIM, P); }
    static Num n(long v) { return Num.of(v); }
    static Num n(long a, long b) { return Num.of(a, b); }
    static Expr add(Expr... t) { return new Add(Arrays.asList(t), P); }
    static Expr mul(Expr... t) { return new Mul(Arrays.asList(t), P); }
    static Expr neg(Expr a) { return mul(Num.MINUS_ONE, a); }
    static Expr sub(Expr a, Expr b) { return add(a, neg(b)); }
    static Expr pow(Expr a, Expr k) { return new Pow(a, k, P); }
    static Expr inv(Expr a) { return pow(a, Num.MINUS_ONE); }
    static Expr ap(Func f, Expr... a) { return new Apply(f, Arrays.asList(a), P); }
    static Expr inner(Expr a, Expr b) { return new Inner(a, b, P); }
    static Expr norm(Expr a) { return new Norm(a, NormKind.L2, P); }
    static Expr norm(Expr a, NormKind k) { return new Norm(a, k, P); }
    static Expr sqNorm(Expr a) { return pow(norm(a), n(2)); }
    static Expr t(Expr a) { return new Transpose(a, P); }
    static Expr eye() { return new Identity(Dim.of("n"), P); }
    static Expr at(Expr base, Expr... i) { return new Index(base, Arrays.asList(i), P); }
    static Expr sum(Sym i, Expr lo, Expr hi, Expr body) { return new Sum(i, lo, hi, body, P); }

    static String print(Expr e) { return TextPrinter.print(e); }

    static List<String> printAll(List<Expr> es) { return es.stream().map(TextPrinter::print).toList(); }

    static Value eval(Expr e, Env env) { return Compiler.compile(e).evaluate(env); }

    /** Largest absolute entrywise difference of two values of the same shape. */
    static double gap(Value a, Value b) {
        double[] x = a.flatten();
        double[] y = b.flatten();
        if (x.length != y.length) return Double.POSITIVE_INFINITY;
        double g = 0;
        for (int i = 0; i < x.length; i++) g = Math.max(g, Math.abs(x[i] - y[i]) / Math.max(1, Math.abs(x[i])));
        return g;
    }
}
