package derivcheck.derive.optimization;

import derivcheck.cas.Sign;
import derivcheck.derive.Calculus;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Tidy;
import derivcheck.derive.linear.AffineForm;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Sym;
import java.util.List;
import java.util.Optional;

/**
 * A gradient of the form alpha*x - b with a positive scalar alpha and b free of x: the
 * objective is alpha/2*||x - z||^2 + const with unconstrained minimizer z = b/alpha.
 * Projections and proximal steps have this form.
 */
record IsotropicGradient(Expr alpha, Expr b, Expr z) {
    static Optional<IsotropicGradient> of(Expr objective, Sym x, DeriveContext ctx) {
        Optional<Expr> grad = Calculus.gradient(objective, x);
        if (grad.isEmpty()) return Optional.empty();
        return of(grad.get(), x, ctx, true);
    }

    static Optional<IsotropicGradient> of(Expr grad, Sym x, DeriveContext ctx, boolean needPositive) {
        Optional<AffineForm> f = AffineForm.of(grad, x);
        if (f.isEmpty() || f.get().hasMatrixPart() || f.get().radial()) return Optional.empty();
        Expr alpha = ctx.simplify(f.get().scalarPart());
        if (Exprs.isZero(alpha)) return Optional.empty();
        if (needPositive && ctx.cas().sign(alpha, ctx.assumptions()).orElse(Sign.UNKNOWN) != Sign.POSITIVE) return Optional.empty();
        Expr b = Exprs.neg(f.get().rest());
        Expr z = Tidy.of(Exprs.mul(List.of(Exprs.pow(alpha, Num.MINUS_ONE), b), derivcheck.expr.Pos.NONE), ctx);
        return Optional.of(new IsotropicGradient(alpha, Tidy.of(b, ctx), z));
    }
}
