package derivcheck.derive.optimization;

import derivcheck.algebra.LinearCombination;
import derivcheck.algebra.Term;
import derivcheck.cas.Assumptions;
import derivcheck.cas.Sign;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.Tidy;
import derivcheck.derive.linear.AffineForm;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
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
 * Unconstrained problems whose gradient has the form c(||x||)·x − a with a free of x
 * (seed 001 A6: a proximal step with a regularizer ρ(||θ||)). Stationarity c(||x||)·x = a says
 * x is parallel to a (a positive multiple where c > 0); taking norms, l = ||x|| solves
 * l·c(l) = ||a||, and x = a/||a|| · l.
 */
public final class Radial implements FastPath {
    @Override public String name() { return "radial stationarity"; }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        Sym x = o.unknown();
        if (!x.shape().isVector() || !o.unconstrained()) return Attempt.declined("needs an unconstrained vector unknown");
        Optional<Expr> grad = o.gradient();
        if (grad.isEmpty()) return Attempt.declined("cannot differentiate the objective");
        Optional<AffineForm> form = AffineForm.of(grad.get(), x);
        if (form.isEmpty() || !form.get().radial() || form.get().hasMatrixPart()) {
            return Attempt.declined("the gradient is not of the form c(||x||)*x - a");
        }
        Expr c = form.get().scalarPart();
        Expr a = Tidy.of(Exprs.neg(form.get().rest()), ctx);
        // Scale a by a positive number so it reads like the sheet (theta_t/eps - g -> theta_t - eps*g).
        Expr scale = Num.ONE;
        List<Term> terms = LinearCombination.of(a).asTerms();
        for (Term t : terms) {
            if (ctx.cas().sign(t.coefficient(), ctx.assumptions()).orElse(Sign.UNKNOWN) == Sign.POSITIVE) {
                scale = ctx.simplify(Exprs.pow(t.coefficient(), Num.MINUS_ONE));
                break;
            }
        }
        Expr aHat = authorsName(p, Tidy.of(Exprs.mul(scale, a), ctx), ctx);
        Sym l = Names.multiplier(Names.fresh(p, "l", "r", "s"));
        Norm normX = new Norm(x, NormKind.L2, Pos.NONE);
        Expr cOfL = Exprs.substitute(c, normX, l);
        DeriveContext withL = ctx.with(Assumptions.NONE.positive(l));
        Expr lhs = Simplifier.scalar(Exprs.mul(List.of(scale, l, cOfL), Pos.NONE), withL);
        Norm normA = new Norm(aHat, NormKind.L2, Pos.NONE);
        Relation condition = new Relation(RelOp.EQ, lhs, normA, Pos.NONE);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE), "the objective"));
        steps.add(Step.explained("gradient", new Relation(RelOp.EQ, Names.gradientOfObjective(x), Tidy.of(grad.get(), ctx), Pos.NONE),
                "differentiate; the gradient of a function of ", normX, " is its derivative times ",
                Exprs.mul(Exprs.pow(normX, Num.MINUS_ONE), x)));
        steps.add(Step.explained("stationarity", new Relation(RelOp.EQ, Exprs.mul(Simplifier.scalar(Exprs.mul(scale, c), ctx), x), aHat, Pos.NONE),
                "the coefficient of ", x, " is a scalar, so ", x,
                " is a multiple of the right-hand side (a positive one where the coefficient is positive)"));
        steps.add(Step.explained("take norms", condition, "with ", new Relation(RelOp.EQ, l, normX, Pos.NONE), ": the norm of both sides"));
        Expr value = Exprs.mul(List.of(l, new derivcheck.expr.Pow(normA, Num.MINUS_ONE, Pos.NONE), aHat), Pos.NONE);
        steps.add(Step.explained("solution", new Relation(RelOp.EQ, x, value, Pos.NONE),
                "", x, " points along ", aHat, " and has length ", l, " (for ", new Relation(RelOp.NE, aHat, Num.ZERO, Pos.NONE),
                "), where ", new Relation(RelOp.GT, l, Num.ZERO, Pos.NONE), " solves the scalar equation above"));
        List<Result> results = new ArrayList<>();
        results.add(new Result(x, value, List.of(condition, new Relation(RelOp.GT, l, Num.ZERO, Pos.NONE),
                new Relation(RelOp.GT, normA, Num.ZERO, Pos.NONE)), Optional.empty()));
        return new Attempt.Derived(steps, results);
    }

    /**
     * The author's let-name for the direction where a let of the problem is exactly it
     * ({@code let a = theta_t - eps*g}): the result reads theta = l/||a|| a, as the seed writes it.
     */
    private static Expr authorsName(Problem p, Expr direction, DeriveContext ctx) {
        for (derivcheck.model.LetDef d : p.lets()) {
            if (d.range().isPresent() || !d.sym().shape().equals(direction.shape())) continue;
            if (Tidy.of(derivcheck.derive.Lets.inline(p, d.body()), ctx).equals(direction)) return d.sym();
        }
        return direction;
    }
}
