package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.linear.Definiteness;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Pos;
import derivcheck.expr.Num;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.Constraint;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * c/2·‖x − z‖² + const (c > 0) under entrywise bounds x ≥ l, x ≤ u: the objective and the
 * constraints are separable, so each coordinate is a one-dimensional KKT problem whose cases
 * (lower active, inside, upper active) merge into x = min(max(z, l), u).
 */
final class SeparableBounds {
    private SeparableBounds() {}

    static Attempt attempt(Problem p, Optimization o, QuadraticObjective q, List<Constraint> bounds, Definiteness.Verdict v, DeriveContext ctx) {
        Sym x = o.unknown();
        if (!q.isotropic()) {
            return Attempt.declined("bounds per coordinate under a matrix Hessian: the coordinates are coupled, so the cases do not separate");
        }
        Optional<Expr> lo = Optional.empty(), hi = Optional.empty();
        for (Constraint c : bounds) {
            if (c.forAll().isPresent() || c.relations().size() != 1) {
                return Attempt.declined("the bounds are written per index (the box strategies apply to them)");
            }
            Relation r = c.relations().get(0);
            Expr other;
            boolean upper;
            if (r.lhs().equals(x) && !Exprs.mentions(r.rhs(), x.name())) { other = r.rhs(); upper = r.op() == RelOp.LE; }
            else if (r.rhs().equals(x) && !Exprs.mentions(r.lhs(), x.name())) { other = r.lhs(); upper = r.op() == RelOp.GE; }
            else return Attempt.declined("the entrywise constraint is not a bound on " + x.name() + " itself");
            if (r.op() != RelOp.LE && r.op() != RelOp.GE) return Attempt.declined("an entrywise constraint that is not <= or >=");
            if (upper ? hi.isPresent() : lo.isPresent()) return Attempt.declined("two bounds on the same side");
            if (upper) hi = Optional.of(other); else lo = Optional.of(other);
        }
        Expr z = q.unconstrained(ctx);
        Expr value = z;
        if (lo.isPresent()) value = new Apply(Builtin.MAX, List.of(value, lo.get()), Pos.NONE);
        if (hi.isPresent()) value = new Apply(Builtin.MIN, List.of(value, hi.get()), Pos.NONE);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE), "the objective"));
        steps.add(Step.explained("separable", new Relation(RelOp.EQ, Names.gradientOfObjective(x), q.gradient(), Pos.NONE),
                "the gradient is ", q.c(), " times ", Exprs.sub(x, z), " with ", new Relation(RelOp.GT, q.c(), Num.ZERO, Pos.NONE), ", so the objective is a sum of"
                        + " strictly convex parabolas, one per coordinate, and the bounds act per coordinate"));
        steps.add(Step.of("cases per coordinate", new Relation(RelOp.EQ, x, value, Pos.NONE),
                "each coordinate: the unconstrained minimizer when it is within its bounds, else the bound it crosses"
                        + " (the multiplier of that bound is then positive)"));
        List<Result> results = new ArrayList<>();
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }
}
