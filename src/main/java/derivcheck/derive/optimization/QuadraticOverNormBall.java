package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.Tidy;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
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
 * An isotropic quadratic over a Euclidean ball, min alpha/2*||x - z||^2 + const s.t.
 * ||x - m|| <= r (projection onto a ball, a trust-region step with a proximal term). KKT with
 * L = f + mu*(||x - m||^2 - r^2): stationarity gives x - m = alpha*(z - m)/(alpha + 2*mu);
 * either mu = 0 and z is inside the ball, or mu > 0 and x is on the sphere in the direction
 * of z - m. Both cases are x = m + min(1, r/||z - m||)*(z - m).
 */
public final class QuadraticOverNormBall implements FastPath {
    @Override public String name() { return "KKT on a norm ball (two cases)"; }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        Sym x = o.unknown();
        if (!x.shape().isVector()) return Attempt.declined("the unknown is not a vector");
        Optional<Balls.Ball> ball = Balls.of(o, x, ctx);
        if (ball.isEmpty()) return Attempt.declined("the constraint is not one Euclidean ball ||x - m|| <= r");
        Optional<IsotropicGradient> q = o.gradient().flatMap(g -> IsotropicGradient.of(g, x, ctx, true));
        if (q.isEmpty()) return Attempt.declined("the gradient is not alpha*x - b with alpha > 0");
        Expr z = q.get().z();
        Expr m = ball.get().center();
        Expr r = ball.get().radius();
        boolean centred = Exprs.isZero(m);
        Expr offset = centred ? z : Tidy.of(Exprs.sub(z, m), ctx);
        Norm dist = new Norm(offset, NormKind.L2, Pos.NONE);
        Sym mu = Names.multiplier(Names.fresh(p, "mu"));
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE), "the objective"));
        Sym zName = new Sym(Names.fresh(p, "z"), x.shape(), derivcheck.expr.SymKind.LET, Pos.NONE);
        Expr alpha = q.get().alpha();
        steps.add(Step.explained("unconstrained minimizer", new Relation(RelOp.EQ, zName, z, Pos.NONE),
                "the gradient ", Exprs.sub(Exprs.mul(alpha, x), q.get().b()), " vanishes at ",
                new Relation(RelOp.EQ, x, Exprs.mul(Exprs.pow(alpha, Num.MINUS_ONE), q.get().b()), Pos.NONE)));
        Expr lagrangian = Exprs.add(Names.objective(), Exprs.mul(mu, Exprs.sub(
                Exprs.sq(new Norm(centred ? x : Exprs.sub(x, m), NormKind.L2, Pos.NONE)), Exprs.sq(r))));
        steps.add(Step.explained("Lagrangian", new Relation(RelOp.EQ, Names.scalar(Names.fresh(p, "L")), lagrangian, Pos.NONE),
                "square the constraint; ", new Relation(RelOp.GE, mu, Num.ZERO, Pos.NONE), " for an inequality"));
        Expr stationary = Exprs.mul(List.of(alpha, Exprs.pow(Exprs.add(alpha, Exprs.mul(Num.of(2), mu)), Num.MINUS_ONE), offset), Pos.NONE);
        Expr fromCentre = centred ? x : Exprs.sub(x, m);
        Expr gradient = Exprs.add(List.of(Exprs.mul(alpha, Exprs.sub(x, zName)), Exprs.mul(List.of(Num.of(2), mu, fromCentre), Pos.NONE)), Pos.NONE);
        steps.add(Step.explained("stationarity", new Relation(RelOp.EQ, fromCentre, stationary, Pos.NONE),
                "", new Relation(RelOp.EQ, gradient, Num.ZERO, Pos.NONE)));
        steps.add(new Step("case mu = 0", List.of(new Relation(RelOp.EQ, x, z, Pos.NONE),
                new Relation(RelOp.LE, dist, r, Pos.NONE)), "the constraint is inactive: the unconstrained minimizer, when it is feasible"));
        Expr onSphere = Exprs.mul(List.of(r, Exprs.pow(dist, Num.MINUS_ONE), offset), Pos.NONE);
        Expr zOffset = centred ? zName : Exprs.sub(zName, m);
        Norm zDist = new Norm(zOffset, NormKind.L2, Pos.NONE);
        steps.add(Step.explained("case mu > 0", List.of(new Relation(RelOp.EQ, x, centred ? onSphere : Exprs.add(m, onSphere), Pos.NONE),
                new Relation(RelOp.GT, dist, r, Pos.NONE)), "complementary slackness: ",
                new Relation(RelOp.EQ, new Norm(fromCentre, NormKind.L2, Pos.NONE), r, Pos.NONE), "; ", fromCentre,
                " is a positive multiple of ", zOffset, ", so it is ",
                Exprs.mul(List.of(r, Exprs.pow(zDist, Num.MINUS_ONE), zOffset), Pos.NONE), "; ",
                new Relation(RelOp.GT, mu, Num.ZERO, Pos.NONE), " needs ", new Relation(RelOp.GT, zDist, r, Pos.NONE)));
        Expr scale = new Apply(Builtin.MIN, List.of(Num.ONE, Exprs.mul(r, Exprs.pow(dist, Num.MINUS_ONE))), Pos.NONE);
        Expr scaled = Exprs.mul(List.of(scale, offset), Pos.NONE);
        Expr value = Simplifier.any(centred ? scaled : Exprs.add(m, scaled), ctx);
        steps.add(Step.of("merge cases", new Relation(RelOp.EQ, x, value, Pos.NONE), "both cases in one formula"));
        List<Result> results = new ArrayList<>();
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }
}
