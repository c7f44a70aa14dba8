package derivcheck.expr;

import java.util.Arrays;
import java.util.List;

/**
 * Terse builders for expressions in tests, through the checking constructors. Test helper
 * classes of other packages extend it, so its static members are reachable by their names.
 */
public class ExprBuilders {
    protected ExprBuilders() {}

    public static final Pos P = Pos.NONE;

    public static Sym s(String name) { return Sym.scalar(name); }
    public static Sym vec(String name, String dim) { return new Sym(name, new Shape.Vector(Dim.of(dim)), SymKind.GIVEN, P); }
    public static Sym mat(String name, String r, String c) { return new Sym(name, new Shape.Matrix(Dim.of(r), Dim.of(c)), SymKind.GIVEN, P); }
    public static Sym idx(String name) { return new Sym(name, Shape.SCALAR, SymKind.INDEX, P); }
    public static Sym dim(String name) { return new Sym(name, Shape.SCALAR, SymKind.DIM, P); }
    public static Sym random(String name, String dim) { return new Sym(name, new Shape.Vector(Dim.of(dim)), SymKind.RANDOM, P); }
    public static Num n(long v) { return Num.of(v); }
    public static Num n(long a, long b) { return Num.of(a, b); }
    public static Expr add(Expr... t) { return new Add(Arrays.asList(t), P); }
    public static Expr mul(Expr... t) { return new Mul(Arrays.asList(t), P); }
    public static Expr neg(Expr a) { return mul(Num.MINUS_ONE, a); }
    public static Expr sub(Expr a, Expr b) { return add(a, neg(b)); }
    public static Expr div(Expr a, Expr b) { return mul(a, pow(b, Num.MINUS_ONE)); }
    public static Expr pow(Expr a, Expr k) { return new Pow(a, k, P); }
    public static Expr sq(Expr a) { return pow(a, n(2)); }
    public static Expr ap(Func f, Expr... a) { return new Apply(f, Arrays.asList(a), P); }
    public static Expr inner(Expr a, Expr b) { return new Inner(a, b, P); }
    public static Expr norm(Expr a) { return new Norm(a, NormKind.L2, P); }
    public static Expr norm(Expr a, NormKind k) { return new Norm(a, k, P); }
    public static Expr t(Expr a) { return new Transpose(a, P); }
    public static Expr inv(Expr a) { return new Inverse(a, P); }
    public static Expr eye(String d) { return new Identity(Dim.of(d), P); }
    public static Expr at(Expr base, Expr... i) { return new Index(base, Arrays.asList(i), P); }
    public static Expr sum(Sym i, Expr lo, Expr hi, Expr body) { return new Sum(i, lo, hi, body, P); }
    public static Relation rel(RelOp op, Expr a, Expr b) { return new Relation(op, a, b, P); }
    public static Piecewise.Arm arm(Expr v, Relation... g) { return new Piecewise.Arm(v, Arrays.asList(g)); }
    public static Expr cases(Piecewise.Arm... arms) { return new Piecewise(Arrays.asList(arms), P); }
    public static Expr iverson(Relation... r) { return new Iverson(List.of(r), P); }
    public static Expr e(Expr a) { return new Expectation(a, P); }
    public static UserFunc fn(String name) { return new UserFunc(name, 0); }
}
