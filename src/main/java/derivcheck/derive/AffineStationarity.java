package derivcheck.derive;

import derivcheck.cas.Sign;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Inverse;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unconstrained problems whose gradient is affine in the unknown: ∇f = C·x + r with C a
 * scalar or a matrix expression free of x. The stationary point is x = −C⁻¹ r (for a scalar
 * C > 0 it is the unique minimizer of a strictly convex quadratic).
 */
final class AffineStationarity implements Strategy {
    @Override public String name() { return "affine stationarity"; }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        Optimization.Either view = Optimization.of(p);
        if (view.value().isEmpty()) return Attempt.declined(view.whyNot());
        Optimization o = view.value().get();
        if (!o.unconstrained()) return Attempt.declined("the problem has constraints or a domain");
        Sym x = o.unknown();
        Optional<Expr> grad = Calculus.gradient(o.objective(), x);
        if (grad.isEmpty()) return Attempt.declined("the objective has a part the calculus rules cannot differentiate");
        grad = grad.map(ctx::withMatrixFacts); // (H + Hᵀ)x is 2Hx for a symmetric H
        Optional<AffineForm> form = AffineForm.of(grad.get(), x);
        if (form.isEmpty() || form.get().radial()) return Attempt.declined("the gradient is not affine in " + x.name());
        AffineForm a = form.get();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE),
                "the objective" + (o.maximize() ? "; maximizing f is minimizing -f" : "")));
        steps.add(Step.of("gradient", new Relation(RelOp.EQ, Names.gradientOfObjective(x), Tidy.of(grad.get(), ctx), Pos.NONE),
                "differentiate term by term"));
        Expr c = ctx.simplify(a.scalarPart());
        Expr minusRest = Exprs.neg(a.rest());
        Expr value;
        if (!a.hasMatrixPart()) {
            if (Exprs.isZero(c)) return Attempt.declined("the gradient does not depend on " + x.name() + ": the objective is linear");
            Sign s = ctx.cas().sign(c, ctx.assumptions()).orElse(Sign.UNKNOWN);
            if (s == Sign.NEGATIVE) return Attempt.declined("the objective is concave in " + x.name() + ": there is no minimizer");
            steps.add(Step.of("stationarity", new Relation(RelOp.EQ, Exprs.mul(c, x), Tidy.of(minusRest, ctx), Pos.NONE),
                    "set the gradient to zero and collect the terms in " + x.name()
                            + (s == Sign.POSITIVE ? "; the coefficient is positive, so the objective is strictly convex and this is the minimizer"
                            : "; the point is a minimizer where the coefficient is positive")));
            value = Tidy.of(Exprs.mul(List.of(new derivcheck.expr.Pow(c, Num.MINUS_ONE, Pos.NONE), minusRest), Pos.NONE), ctx);
        } else {
            // C = c·I + Σ M_k; scale by 1/(coefficient of the first matrix term) to clear denominators.
            List<Expr> parts = new ArrayList<>(a.matrixParts());
            Expr lead = derivcheck.algebra.LinearCombination.of(parts.get(0)).asTerms().get(0).coefficient();
            Expr scale = ctx.simplify(Exprs.pow(lead, Num.MINUS_ONE));
            List<Expr> cParts = new ArrayList<>();
            for (Expr m : parts) cParts.add(Exprs.mul(scale, m));
            if (!Exprs.isZero(c)) {
                derivcheck.expr.Dim n = x.shape().rows();
                cParts.add(Exprs.mul(List.of(ctx.simplify(Exprs.mul(scale, c)), new Identity(n, Pos.NONE)), Pos.NONE));
            }
            Expr matrix = Tidy.of(Exprs.add(cParts, Pos.NONE), ctx);
            Expr rhs = Tidy.of(Exprs.mul(scale, minusRest), ctx);
            steps.add(Step.of("stationarity", new Relation(RelOp.EQ, Exprs.mul(matrix, x), rhs, Pos.NONE),
                    "set the gradient to zero and collect the terms in " + x.name()));
            value = Exprs.mul(List.of(new Inverse(matrix, Pos.NONE), rhs), Pos.NONE);
        }
        steps.add(Step.of("solve", new Relation(RelOp.EQ, x, value, Pos.NONE), "solve the linear equation for " + x.name()));
        List<Result> results = new ArrayList<>();
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }
}
