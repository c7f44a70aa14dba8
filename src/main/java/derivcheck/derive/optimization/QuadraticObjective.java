package derivcheck.derive.optimization;

import derivcheck.derive.DeriveContext;
import derivcheck.derive.Tidy;
import derivcheck.derive.linear.AffineForm;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Inner;
import derivcheck.expr.Inverse;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An objective whose gradient is affine in x: ∇f = H·x + r with H = c·I + Σ M_k free of x
 * (linear when H = 0). The KKT core solves H x + r + Σ ν_j a_j = 0 with it: x = x_u − Σ ν_j H⁻¹a_j,
 * x_u = −H⁻¹r, and ⟨a_j, H⁻¹a_k⟩ are the scalars of the multipliers' linear system.
 */
record QuadraticObjective(Expr gradient, Expr c, List<Expr> parts, Expr r, Sym x) {

    /** From the gradient of the objective (symmetric matrices' facts applied here). */
    static Optional<QuadraticObjective> ofGradient(Expr gradient, Sym x, DeriveContext ctx) {
        Expr grad = ctx.withMatrixFacts(gradient);
        Optional<AffineForm> form = AffineForm.of(grad, x);
        if (form.isEmpty() || form.get().radial()) return Optional.empty();
        return Optional.of(new QuadraticObjective(Tidy.of(grad, ctx), ctx.simplify(form.get().scalarPart()),
                form.get().matrixParts(), form.get().rest(), x));
    }

    boolean linear() { return parts.isEmpty() && Exprs.isZero(c); }

    boolean isotropic() { return parts.isEmpty(); }

    /** H = c·I + Σ M_k (the scalar c when isotropic). */
    Expr hessian(DeriveContext ctx) {
        if (isotropic()) return c;
        List<Expr> hs = new ArrayList<>(parts);
        if (!Exprs.isZero(c)) hs.add(Exprs.mul(List.of(c, new Identity(x.shape().rows(), Pos.NONE)), Pos.NONE));
        return Tidy.of(Exprs.add(hs, Pos.NONE), ctx);
    }

    /** H⁻¹·v for a vector v. */
    Expr inverseTimes(Expr v, DeriveContext ctx) {
        if (isotropic()) return Tidy.of(Exprs.mul(List.of(Exprs.pow(c, Num.MINUS_ONE), v), Pos.NONE), ctx);
        Expr h = hessian(ctx);
        // H⁻¹·H·u = u: cancel where a term of v starts with H itself (v = D*y gives y, not inv(D)*D*y)
        List<Expr> out = new ArrayList<>();
        for (derivcheck.algebra.Term t : derivcheck.algebra.LinearCombination.of(v).asTerms()) {
            List<Expr> fs = t.factors();
            if (fs.size() >= 2 && fs.get(0).equals(h)) out.add(new derivcheck.algebra.Term(t.coefficient(), fs.subList(1, fs.size())).toExpr());
            else out.add(Exprs.mul(List.of(new Inverse(h, Pos.NONE), t.toExpr()), Pos.NONE));
        }
        return out.isEmpty() ? Exprs.mul(Num.ZERO, v) : Tidy.of(Exprs.add(out, Pos.NONE), ctx);
    }

    /** The unconstrained stationary point x_u = −H⁻¹r. */
    Expr unconstrained(DeriveContext ctx) { return inverseTimes(Exprs.neg(r), ctx); }

    /** ⟨a, H⁻¹b⟩ for two normals; empty when a ones vector meets a matrix H (no closed form in the model). */
    Optional<Expr> gram(Normal a, Normal b, DeriveContext ctx) {
        if (isotropic()) return Optional.of(ctx.simplify(Exprs.mul(Exprs.pow(c, Num.MINUS_ONE), a.inner(b))));
        if (a.ones() || b.ones()) return Optional.empty();
        Expr inv = new Inverse(hessian(ctx), Pos.NONE);
        return Optional.of(Exprs.mul(List.of(a.scale(), b.scale(),
                new Inner(a.vector().get(), Exprs.mul(inv, b.vector().get()), Pos.NONE)), Pos.NONE));
    }
}
