package derivcheck.derive.optimization;

import derivcheck.cas.Assumptions;
import derivcheck.cas.Sign;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.Tidy;
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
 * A linear objective over a Euclidean ball, min <c, x> + const s.t. ||x − m|| ≤ r
 * (seed 000 A1a). A linear function on a convex set is minimized on the boundary; with the
 * Lagrangian <c, Δ> + μ(||Δ||² − r²), Δ = x − m, stationarity gives Δ = −c/(2μ), dual
 * feasibility μ > 0, and the active constraint fixes μ = ||c||/(2r), so x = m − r·c/||c||.
 */
public final class LinearOverNormBall implements FastPath {
    @Override public String name() { return "Lagrange multiplier on a norm ball"; }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        Sym x = o.unknown();
        Optional<Balls.Ball> ball = Balls.of(o, x, ctx);
        if (ball.isEmpty()) return Attempt.declined("the constraint is not one Euclidean ball ||x - m|| <= r");
        Expr center = ball.get().center();
        Expr radius = ball.get().radius();
        Optional<Expr> linear = o.linearGradient(ctx);
        if (linear.isEmpty()) {
            return Attempt.declined(o.gradient().isEmpty() ? "cannot differentiate the objective" : "the objective is not linear in " + x.name());
        }
        Expr c = linear.get();
        Sym mu = Names.multiplier(Names.fresh(p, "mu"));
        Sym delta = new Sym(Names.fresh(p, "Delta"), x.shape(), derivcheck.expr.SymKind.UNKNOWN, Pos.NONE);
        DeriveContext withMu = ctx.with(Assumptions.NONE.positive(mu));
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE),
                "a linear objective" + (o.maximize() ? "; maximizing the objective is minimizing its negative" : "")));
        Norm deltaNorm = new Norm(delta, NormKind.L2, Pos.NONE);
        steps.add(Step.explained("substitution", new Relation(RelOp.EQ, delta, Exprs.sub(x, center), Pos.NONE),
                "centre the ball: the constraint reads ", new Relation(RelOp.LE, deltaNorm, radius, Pos.NONE)));
        Sign cSign = ctx.cas().sign(new Norm(c, NormKind.L2, Pos.NONE), ctx.assumptions()).orElse(Sign.UNKNOWN);
        Relation cNonzero = new Relation(RelOp.NE, c, Num.ZERO, Pos.NONE);
        steps.add(cSign == Sign.POSITIVE
                ? Step.of("boundary", new Relation(RelOp.EQ, deltaNorm, radius, Pos.NONE),
                        "a linear function on a convex set attains its minimum on the boundary")
                : Step.explained("boundary", new Relation(RelOp.EQ, deltaNorm, radius, Pos.NONE),
                        "a linear function on a convex set attains its minimum on the boundary (when ", cNonzero, ")"));
        Expr lagrangian = Exprs.add(List.of(new derivcheck.expr.Inner(c, delta, Pos.NONE),
                Exprs.mul(mu, Exprs.sub(Exprs.sq(new Norm(delta, NormKind.L2, Pos.NONE)), Exprs.sq(radius)))), Pos.NONE);
        steps.add(Step.explained("Lagrangian", new Relation(RelOp.EQ, Names.scalar(Names.fresh(p, "L")), lagrangian, Pos.NONE),
                "square the constraint to differentiate it; ", new Relation(RelOp.GE, mu, Num.ZERO, Pos.NONE), " for an inequality"));
        Expr deltaOfMu = Exprs.mul(List.of(Exprs.neg(Exprs.pow(Exprs.mul(Num.of(2), mu), Num.MINUS_ONE)), c), Pos.NONE);
        Expr gradient = Exprs.add(List.of(c, Exprs.mul(List.of(Num.of(2), mu, delta), Pos.NONE)), Pos.NONE);
        steps.add(Step.explained("stationarity", new Relation(RelOp.EQ, delta, Tidy.of(deltaOfMu, withMu), Pos.NONE),
                "", new Relation(RelOp.EQ, gradient, Num.ZERO, Pos.NONE), "; ", new Relation(RelOp.EQ, mu, Num.ZERO, Pos.NONE),
                " would need ", new Relation(RelOp.EQ, c, Num.ZERO, Pos.NONE), ", so ", new Relation(RelOp.GT, mu, Num.ZERO, Pos.NONE),
                " and the constraint is active"));
        Expr normSquared = Simplifier.scalar(Exprs.sq(new Norm(deltaOfMu, NormKind.L2, Pos.NONE)), withMu);
        Relation active = new Relation(RelOp.EQ, normSquared, Exprs.sq(radius), Pos.NONE);
        steps.add(Step.explained("complementary slackness", active, "the constraint is active: ",
                new Relation(RelOp.EQ, Exprs.sq(deltaNorm), Exprs.sq(radius), Pos.NONE)));
        List<Expr> roots = ctx.cas().solve(normSquared, Exprs.sq(radius), mu, withMu.assumptions()).orElse(List.of());
        List<Expr> positive = new ArrayList<>();
        for (Expr root : roots) {
            Sign s = ctx.cas().sign(root, ctx.assumptions()).orElse(Sign.UNKNOWN);
            if (s == Sign.POSITIVE) positive.add(root);
        }
        if (positive.size() != 1) {
            return Attempt.undecided("could not single out the positive multiplier from " + roots.size() + " root(s)");
        }
        Expr muValue = positive.get(0);
        steps.add(Step.explained("multiplier", new Relation(RelOp.EQ, mu, muValue, Pos.NONE), "the root with ",
                new Relation(RelOp.GT, mu, Num.ZERO, Pos.NONE), " (dual feasibility)"));
        Expr deltaValue = Tidy.of(Exprs.substitute(deltaOfMu, mu, muValue), ctx);
        Expr value = Tidy.of(Exprs.add(center, deltaValue), ctx);
        steps.add(Step.explained("solution", new Relation(RelOp.EQ, x, value, Pos.NONE), "",
                new Relation(RelOp.EQ, x, Exprs.add(center, delta), Pos.NONE)));
        List<Result> results = new ArrayList<>();
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }
}
