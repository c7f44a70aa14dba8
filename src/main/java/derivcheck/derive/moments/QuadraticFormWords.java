package derivcheck.derive.moments;

import derivcheck.derive.Names;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Iverson;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import derivcheck.expr.Variance;
import derivcheck.model.Problem;
import java.util.List;

/**
 * The explanations of the moments of a quadratic form q = x'Mx + b'x + c in a centred vector x with
 * independent entries of variance v, built from expressions (so the sheet prints them with its own
 * printer). M, b, c and the indices get names the problem does not use (its own b stays its own).
 */
final class QuadraticFormWords {
    private final Sym x, m, b, c, i, j, k, l;
    private final Expr v;

    QuadraticFormWords(Sym x, Expr v, Shape.Vector shape, Problem p) {
        this.x = x;
        this.v = v;
        this.m = new Sym(name(p, "M"), new Shape.Matrix(shape.n(), shape.n()), SymKind.LET, Pos.NONE);
        this.b = new Sym(name(p, "b"), shape, SymKind.LET, Pos.NONE);
        this.c = new Sym(name(p, "c"), Shape.SCALAR, SymKind.LET, Pos.NONE);
        this.i = index(p, "i");
        this.j = index(p, "j");
        this.k = index(p, "k");
        this.l = index(p, "l");
    }

    private static String name(Problem p, String base) { return p == null ? base : Names.fresh(p, base); }

    private static Sym index(Problem p, String base) {
        return new Sym(p == null ? base : Names.freshIndex(p, base), Shape.SCALAR, SymKind.INDEX, Pos.NONE);
    }

    private Expr xMx(Expr matrix) { return Exprs.mul(new Transpose(x, Pos.NONE), matrix, x); }

    private Expr bx() { return Exprs.mul(new Transpose(b, Pos.NONE), x); }

    private Expr entry(Sym at) { return new Index(x, List.of(at), Pos.NONE); }

    private static Expr same(Sym a, Sym z) { return new Iverson(List.of(new Relation(RelOp.EQ, a, z, Pos.NONE)), Pos.NONE); }

    private static Expr tr(Expr e) { return new Apply(Builtin.TRACE, List.of(e), Pos.NONE); }

    private static Relation eq(Expr a, Expr z) { return new Relation(RelOp.EQ, a, z, Pos.NONE); }

    /** "expand by bilinearity into x'Mx + b'x + c with M, b, c free of x" */
    Object[] expansion() {
        return new Object[] {"expand by bilinearity into ", Exprs.add(xMx(m), bx(), c), " with ", m, ", ", b, ", ", c, " free of ", x};
    }

    /** The mean: E[x_i x_j] = v [i = j], so E[x'Mx] = v tr(M) and E[b'x] = 0. */
    Object[] secondMoments() {
        return new Object[] {"the entries of ", x, " are independent with mean 0 and variance ", v, ": ",
                eq(new Expectation(Exprs.mul(entry(i), entry(j)), Pos.NONE), Exprs.mul(v, same(i, j))), ", so ",
                eq(new Expectation(xMx(m), Pos.NONE), Exprs.mul(v, tr(m))), " and ",
                eq(new Expectation(bx(), Pos.NONE), Num.ZERO)};
    }

    /** The variance by Isserlis: E[x_i x_j x_k x_l] = v^2 ([i = j][k = l] + …), so Var[x'Mx + b'x] = … */
    Object[] fourthMoments() {
        Expr v2 = Exprs.sq(v);
        Expr pairings = Exprs.add(Exprs.mul(same(i, j), same(k, l)), Exprs.mul(same(i, k), same(j, l)), Exprs.mul(same(i, l), same(j, k)));
        Expr quad = Exprs.add(Exprs.mul(v2, Exprs.add(tr(Exprs.mul(new Transpose(m, Pos.NONE), m)), tr(Exprs.mul(m, m)))),
                Exprs.mul(v, Exprs.sq(new Norm(b, NormKind.L2, Pos.NONE))));
        Expr symmetric = Exprs.add(Exprs.mul(Num.of(2), v2, tr(Exprs.sq(m))), Exprs.mul(v, Exprs.sq(new Norm(b, NormKind.L2, Pos.NONE))));
        return new Object[] {"the entries of ", x, " are independent normal with mean 0 and variance ", v,
                ": odd moments vanish and ",
                eq(new Expectation(Exprs.mul(entry(i), entry(j), entry(k), entry(l)), Pos.NONE), Exprs.mul(v2, pairings)),
                " (Isserlis), so ", eq(new Variance(Exprs.add(xMx(m), bx()), Pos.NONE), quad), ", which is ", symmetric,
                " for a symmetric ", m};
    }
}
