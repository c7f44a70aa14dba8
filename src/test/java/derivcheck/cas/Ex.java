package derivcheck.cas;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;

import java.util.List;

/** Terse builders for test expressions. */
final class Ex {
    private Ex() {}

    static final Dim N = Dim.of("n");

    static Sym x(String name) { return Sym.scalar(name); }
    static Sym vec(String name) { return new Sym(name, new Shape.Vector(N), SymKind.GIVEN, Pos.NONE); }
    static Sym index(String name) { return new Sym(name, Shape.SCALAR, SymKind.INDEX, Pos.NONE); }
    static Num n(long v) { return Num.of(v); }
    static Num q(long a, long b) { return Num.of(a, b); }
    static Expr add(Expr... t) { return new Add(List.of(t), Pos.NONE); }
    static Expr mul(Expr... f) { return new Mul(List.of(f), Pos.NONE); }
    static Expr pow(Expr b, Expr e) { return new Pow(b, e, Pos.NONE); }
    static Expr neg(Expr a) { return mul(Num.MINUS_ONE, a); }
    static Expr sub(Expr a, Expr b) { return add(a, neg(b)); }
    static Expr div(Expr a, Expr b) { return mul(a, pow(b, Num.MINUS_ONE)); }
    static Expr sq(Expr a) { return pow(a, n(2)); }
    static Expr f(Builtin b, Expr... args) { return Apply.of(b, args); }
    static Expr t(Expr a) { return new Transpose(a, Pos.NONE); }
}
