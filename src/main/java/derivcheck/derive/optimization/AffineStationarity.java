package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.Tidy;
import derivcheck.derive.linear.AffineForm;
import derivcheck.derive.linear.Definiteness;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Inverse;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unconstrained problems whose gradient is affine in the unknown: ∇f = C·x + r with C a
 * scalar or a matrix expression free of x. The stationary point x = −C⁻¹ r is derived only when
 * C ≻ 0 is proven ({@link Definiteness}): then it is the unique minimizer of a strictly convex
 * quadratic (for maximize, of −f). Otherwise the strategy declines and says what to declare.
 */
public final class AffineStationarity implements FastPath {
    @Override public String name() { return "affine stationarity"; }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        if (!o.unconstrained()) return Attempt.declined("the problem has constraints or a domain");
        Sym x = o.unknown();
        Optional<Expr> grad = o.gradient();
        if (grad.isEmpty()) return Attempt.declined("the objective has a part the calculus rules cannot differentiate");
        grad = grad.map(ctx::withMatrixFacts); // (H + Hᵀ)x is 2Hx for a symmetric H
        Optional<AffineForm> form = AffineForm.of(grad.get(), x);
        if (form.isEmpty() || form.get().radial()) return Attempt.declined("the gradient is not affine in " + x.name());
        AffineForm a = form.get();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE),
                "the objective" + (o.maximize() ? "; maximizing the objective is minimizing its negative" : "")));
        steps.add(Step.of("gradient", new Relation(RelOp.EQ, Names.gradientOfObjective(x), Tidy.of(grad.get(), ctx), Pos.NONE),
                "differentiate term by term"));
        Expr c = ctx.simplify(a.scalarPart());
        Expr minusRest = Exprs.neg(a.rest());
        if (!a.hasMatrixPart() && Exprs.isZero(c)) {
            return Attempt.declined("the gradient does not depend on " + x.name() + ": the objective is linear");
        }
        // Second-order check: the stationary point is the minimizer of the objective (−f for a
        // maximization) only when its Hessian C is positive definite, which must be proven.
        Definiteness.Verdict v = Definiteness.of(c, a.matrixParts(), p, ctx);
        if (v.kind() != Definiteness.Kind.PD) return Attempt.declined(notConvex(v, o, x, hessian(c, a, x, ctx)));
        List<Object> convex = new ArrayList<>(List.of("set the gradient to zero and collect the terms in ", x,
                "; " + (a.hasMatrixPart() ? "the Hessian is positive definite" : "the coefficient is positive")));
        for (int k = 0; k < v.because().size(); k++) {
            convex.add(k == 0 ? " (" : "; ");
            convex.addAll(v.because().get(k));
        }
        convex.add((v.because().isEmpty() ? "" : ")") + (o.maximize() ? ": the negated objective is strictly convex and this is the unique maximizer"
                : ": the objective is strictly convex and this is the unique minimizer"));
        Expr value;
        if (!a.hasMatrixPart()) {
            steps.add(Step.explained("stationarity", new Relation(RelOp.EQ, Exprs.mul(c, x), Tidy.of(minusRest, ctx), Pos.NONE),
                    convex.toArray()));
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
            steps.add(Step.explained("stationarity", new Relation(RelOp.EQ, Exprs.mul(matrix, x), rhs, Pos.NONE),
                    convex.toArray()));
            value = Exprs.mul(List.of(new Inverse(matrix, Pos.NONE), rhs), Pos.NONE);
        }
        steps.add(Step.explained("solve", new Relation(RelOp.EQ, x, value, Pos.NONE), "solve the linear equation for ", x));
        List<Result> results = new ArrayList<>();
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }

    /** The Hessian c·I + Σ M_k of the objective that is minimized, for messages. */
    private static Expr hessian(Expr c, AffineForm a, Sym x, DeriveContext ctx) {
        if (!a.hasMatrixPart()) return c;
        List<Expr> parts = new ArrayList<>(a.matrixParts());
        if (!Exprs.isZero(c)) parts.add(Exprs.mul(List.of(c, new Identity(x.shape().rows(), Pos.NONE)), Pos.NONE));
        return Tidy.of(Exprs.add(parts, Pos.NONE), ctx);
    }

    /** Why the stationary point is not known to be the optimum, and what the spec could state. */
    private static String notConvex(Definiteness.Verdict v, Optimization o, Sym x, Expr h) {
        String f = o.maximize() ? "maximizer" : "minimizer";
        if (v.kind() == Definiteness.Kind.ND) {
            return "the objective is " + (o.maximize() ? "convex" : "concave") + " in " + x.name() + ": there is no " + f;
        }
        String what = h.isScalar() ? "the coefficient " : "the Hessian ";
        String shown = TextPrinter.print(o.maximize() ? Exprs.neg(h) : h);
        String need = h.isScalar() ? (o.maximize() ? "negative" : "positive") : (o.maximize() ? "negative definite" : "positive definite");
        String is = switch (v.kind()) {
            case PSD, NSD -> " (it is only known to be " + (h.isScalar() ? (v.kind() == Definiteness.Kind.PSD ^ o.maximize() ? "nonnegative" : "nonpositive")
                    : (o.maximize() ? v.kind().negate() : v.kind()).words)
                    + ": the " + f + " may not exist or not be unique)";
            default -> "";
        };
        String hint = v.hints().isEmpty() ? "declare the matrix properties or assumptions that make it so"
                : String.join(", or ", v.hints());
        return "cannot show that " + what + shown + " of " + x.name() + " is " + need + is
                + ", so the stationary point need not be the " + f + "; " + hint;
    }
}
