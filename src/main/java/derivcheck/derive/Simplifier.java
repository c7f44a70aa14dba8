package derivcheck.derive;

import derivcheck.algebra.Canonical;
import derivcheck.algebra.LinearCombination;
import derivcheck.expr.Expr;
import derivcheck.expr.Num;

/** Simplification for results: canonical atoms, Gram expansion, then the CAS on scalars. */
public final class Simplifier {
    private Simplifier() {}

    public static Expr scalar(Expr e, DeriveContext ctx) {
        Expr c = Canonical.atoms(e);
        Expr expanded = LinearCombination.of(c).toExpr(Num.ZERO);
        return Canonical.displayOrder(ctx.simplify(Canonical.atoms(expanded)));
    }

    static Expr scalarOrSelf(Expr e, DeriveContext ctx) {
        return e.isScalar() ? scalar(e, ctx) : e;
    }

    public static Expr any(Expr e, DeriveContext ctx) {
        return e.isScalar() ? scalar(e, ctx) : Tidy.of(Canonical.atoms(e), ctx);
    }
}
