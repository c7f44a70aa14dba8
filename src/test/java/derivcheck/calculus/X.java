package derivcheck.calculus;

import derivcheck.expr.*;
import java.util.Arrays;
import java.util.List;

/** Terse builders for expressions in the calculus tests (through the checking constructors). */
final class X {
    private X() {}

    static final Pos P = Pos.NONE;

    static Sym s(String name) { return Sym.scalar(name); }
    static Sym vec(String name, String dim) { return new Sym(name, new Shape.Vector(Dim.of(dim)), SymKind.GIVEN, P); }
    static Sym mat(String name, String r, String c) { return new Sym(name, new Shape.Matrix(Dim.of(r), Dim.of(c)), SymKind.GIVEN, P); }
    static Sym idx(String name) { return new Sym(name, Shape.SCALAR, SymKind.INDEX, P); }
    static Sym dim(String name) { return new Sym(name, Shape.SCALAR, SymKind.DIM, P); }
    static Sym random(String name, String dim) { return new Sym(name, new Shape.Vector(Dim.of(dim)), SymKind.RANDOM, P); }
    static Num n(long v) { return Num.of(v); }
    static Num n(long a, long b) { return Num.of(a, b); }
    static Expr add(Expr... t) { return new Add(Arrays.asList(t), P); }
    static Expr mul(Expr... t) { return new Mul(Arrays.asList(t), P); }
    static Expr neg(Expr a) { return mul(Num.MINUS_ONE, a); }
    static Expr sub(Expr a, Expr b) { return add(a, neg(b)); }
    static Expr div(Expr a, Expr b) { return mul(a, pow(b, Num.MINUS_ONE)); }
    static Expr pow(Expr a, Expr k) { return new Pow(a, k, P); }
    static Expr sq(Expr a) { return pow(a, n(2)); }
    static Expr ap(Func f, Expr... a) { return new Apply(f, Arrays.asList(a), P); }
    static Expr inner(Expr a, Expr b) { return new Inner(a, b, P); }
    static Expr norm(Expr a) { return new Norm(a, NormKind.L2, P); }
    static Expr norm(Expr a, NormKind k) { return new Norm(a, k, P); }
    static Expr t(Expr a) { return new Transpose(a, P); }
    static Expr inv(Expr a) { return new Inverse(a, P); }
    static Expr eye(String d) { return new Identity(Dim.of(d), P); }
    static Expr at(Expr base, Expr... i) { return new Index(base, Arrays.asList(i), P); }
    static Expr sum(Sym i, Expr lo, Expr hi, Expr body) { return new Sum(i, lo, hi, body, P); }
    static Relation rel(RelOp op, Expr a, Expr b) { return new Relation(op, a, b, P); }
    static Piecewise.Arm arm(Expr v, Relation... g) { return new Piecewise.Arm(v, Arrays.asList(g)); }
    static Expr cases(Piecewise.Arm... arms) { return new Piecewise(Arrays.asList(arms), P); }
    static Expr iverson(Relation... r) { return new Iverson(List.of(r), P); }
    static Expr e(Expr a) { return new Expectation(a, P); }
    static UserFunc fn(String name) { return new UserFunc(name, 0); }

    static String str(Expr e) { return Ascii.print(e); }
}
