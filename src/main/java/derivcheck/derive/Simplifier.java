package derivcheck.derive;

import derivcheck.algebra.Canonical;
import derivcheck.algebra.LinearCombination;
import derivcheck.expr.Expr;
import derivcheck.expr.Num;

/** Simplification for results: canonical atoms, Gram expansion, then the CAS on scalars. */
public final class Simplifier {
    private Simplifier() {}

    public static Expr scalar(Expr e, DeriveContext ctx) {
        Expr c = Canonical.sorted(resolveAbs(Canonical.atoms(e), ctx));
        Expr expanded = LinearCombination.of(c).toExpr(Num.ZERO);
        return Canonical.displayOrder(ctx.simplify(Canonical.atoms(expanded)));
    }

    /** |c| is c where c is provably >= 0 and -c where it is provably <= 0. */
    public static Expr resolveAbs(Expr e, DeriveContext ctx) {
        return derivcheck.expr.Exprs.transform(e, x -> {
            if (x instanceof derivcheck.expr.Apply a && a.fn() == derivcheck.expr.Builtin.ABS && a.isScalar()) {
                Expr arg = resolveAbs(a.args().get(0), ctx);
                derivcheck.cas.Sign s = ctx.cas().sign(arg, ctx.assumptions()).orElse(derivcheck.cas.Sign.UNKNOWN);
                if (s == derivcheck.cas.Sign.POSITIVE || s == derivcheck.cas.Sign.NONNEGATIVE || s == derivcheck.cas.Sign.ZERO) return arg;
                if (s == derivcheck.cas.Sign.NEGATIVE || s == derivcheck.cas.Sign.NONPOSITIVE) return derivcheck.expr.Exprs.neg(arg);
                return new derivcheck.expr.Apply(a.fn(), java.util.List.of(arg), a.pos());
            }
            return null;
        });
    }

    public static Expr scalarOrSelf(Expr e, DeriveContext ctx) {
        return e.isScalar() ? scalar(e, ctx) : e;
    }

    public static Expr any(Expr e, DeriveContext ctx) {
        return e.isScalar() ? scalar(e, ctx) : Tidy.of(Canonical.atoms(e), ctx);
    }
}
