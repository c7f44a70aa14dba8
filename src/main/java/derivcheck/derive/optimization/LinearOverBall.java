package derivcheck.derive.optimization;

import derivcheck.cas.Sign;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.Tidy;
import derivcheck.derive.linear.AffineForm;
import derivcheck.derive.theorems.Theorem;
import derivcheck.derive.theorems.Theorems;
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
import derivcheck.expr.SymKind;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A linear objective ⟨c, x⟩ + const over a norm ball ‖x − m‖_p ≤ r (minimize; maximize is
 * minimize −f), by the dual norm (Hölder): ⟨c, x − m⟩ ≥ −r‖c‖_q with q the dual exponent, with
 * equality at x = m − r·c/‖c‖ (p = 2, needs c ≠ 0), x = m − r·sign(c) (p = ∞). For p = 1 the
 * minimizer is a vertex m − r·sign(c_k)·e_k with k = argmax_i |c_i| (the first index where several
 * tie; then every convex combination of the tied vertices is optimal too, as the step says), and the
 * optimal value f(m) − r‖c‖_∞.
 */
final class LinearOverBall {
    private LinearOverBall() {}

    static Attempt attempt(Problem p, Optimization o, QuadraticObjective q, Relation ball, DeriveContext ctx) {
        Sym x = o.unknown();
        if (ball.op() != RelOp.LE || !(ball.lhs() instanceof Norm n) || Exprs.mentions(ball.rhs(), x.name())) {
            return Attempt.declined("the ball is not written ||x - m|| <= r");
        }
        Optional<AffineForm> inside = AffineForm.of(n.arg(), x);
        if (inside.isEmpty() || inside.get().hasMatrixPart() || inside.get().radial()
                || !(ctx.simplify(inside.get().scalarPart()) instanceof Num one && one.value().equals(derivcheck.expr.Rational.ONE))) {
            return Attempt.declined("the ball is not written ||x - m|| <= r (x with coefficient 1)");
        }
        Expr m = Tidy.of(Exprs.neg(inside.get().rest()), ctx);
        Expr r = ball.rhs();
        Expr c = Tidy.of(q.r(), ctx);
        NormKind dual = switch (n.kind()) {
            case L2 -> NormKind.L2;
            case L1 -> NormKind.LINF;
            case LINF -> NormKind.L1;
            default -> null;
        };
        if (dual == null) return Attempt.declined("the ball's norm is not 1, 2 or inf");
        Expr dualNorm = new Norm(c, dual, Pos.NONE);
        Sign rs = ctx.cas().sign(r, ctx.assumptions()).orElse(Sign.UNKNOWN);
        if (rs != Sign.POSITIVE && rs != Sign.NONNEGATIVE && rs != Sign.ZERO) {
            return Attempt.declined("cannot show that the radius " + derivcheck.expr.TextPrinter.print(r)
                    + " is at least 0 (otherwise the ball is empty); state it, e.g. `where " + derivcheck.expr.TextPrinter.print(r) + " > 0`");
        }
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE),
                "a linear objective" + (o.maximize() ? "; maximizing the objective is minimizing its negative" : "")));
        boolean centred = derivcheck.algebra.LinearCombination.of(m).asTerms().isEmpty();
        if (centred) m = Exprs.mul(Num.ZERO, x);
        // The objective is f(m) + <g, x - m> with g the gradient of f itself (for maximize: -c).
        Expr shown = o.maximize() ? Tidy.of(Exprs.neg(c), ctx) : c;
        Expr offset = centred ? x : Exprs.sub(x, m);
        Expr bound = Exprs.mul(r, new Norm(shown, dual, Pos.NONE));
        Theorem theorem = Theorems.holder(n.kind());
        Relation nonzero = new Relation(RelOp.NE, shown, Num.ZERO, Pos.NONE);
        Sign cs = n.kind() == NormKind.L2 ? ctx.cas().sign(new Norm(c, NormKind.L2, Pos.NONE), ctx.assumptions()).orElse(Sign.UNKNOWN) : Sign.UNKNOWN;
        List<List<Object>> why = new ArrayList<>();
        why.add(List.of(rs == Sign.ZERO ? "the radius is 0" : "assumed"));
        if (n.kind() == NormKind.L2) why.add(List.of(cs == Sign.POSITIVE ? "assumed" : "not known: stated below as a condition of the optimizer"));
        List<Object> parts = new ArrayList<>(List.of("the objective is ", centred ? new derivcheck.expr.Inner(shown, x, Pos.NONE)
                : Exprs.add(Exprs.substitute(o.original(), x, m), new derivcheck.expr.Inner(shown, offset, Pos.NONE)),
                " on the ball ", new Relation(RelOp.LE, new Norm(offset, n.kind(), Pos.NONE), r, Pos.NONE), ". "));
        parts.addAll(theorem.cite(java.util.Map.of(Theorems.G, shown, Theorems.X, offset, Theorems.EPS, r), why));
        steps.add(Step.explained("theorem", new Relation(o.maximize() ? RelOp.LE : RelOp.GE,
                new derivcheck.expr.Inner(shown, offset, Pos.NONE), o.maximize() ? bound : Exprs.neg(bound), Pos.NONE), parts.toArray()));
        Expr fm = Simplifier.scalar(Exprs.substitute(o.original(), x, m), ctx);
        Expr optimum = Simplifier.scalar(o.maximize() ? Exprs.add(fm, Exprs.mul(r, dualNorm)) : Exprs.sub(fm, Exprs.mul(r, dualNorm)), ctx);
        Optional<Sym> asked = p.targets().stream().filter(t -> t instanceof Sym s && s.kind() == SymKind.OPTIMUM).map(t -> (Sym) t).findFirst();
        List<Result> results = new ArrayList<>();
        if (n.kind() == NormKind.L1) {
            // the vertex m + step*r*sign(c_k)*e_k, k = argmax_i |c_i| (Hölder's equality case for the 1-norm)
            derivcheck.expr.Dim size = ((derivcheck.expr.Shape.Vector) x.shape()).n();
            Expr k = new Apply(Builtin.ARGMAX, List.of(new Apply(Builtin.ABS, List.of(shown), Pos.NONE)), Pos.NONE);
            Expr ck = new derivcheck.expr.Index(shown, List.of(k), Pos.NONE);
            Expr ek = new derivcheck.expr.Index(new derivcheck.expr.Identity(size, Pos.NONE), List.of(k), Pos.NONE);
            Expr vertex = Exprs.mul(List.of(step(o), r, new Apply(Builtin.SIGN, List.of(ck), Pos.NONE), ek), Pos.NONE);
            Expr value = centred ? vertex : Exprs.add(m, vertex);
            Sym kName = Names.scalar(Names.fresh(p, "k"));
            Expr absEntry = new Apply(Builtin.ABS, List.of(new derivcheck.expr.Index(shown, List.of(kName), Pos.NONE)), Pos.NONE);
            steps.add(Step.explained("equality case", new Relation(RelOp.EQ, x, value, Pos.NONE),
                    "the bound is attained at a vertex of the ball, in the coordinate ", new Relation(RelOp.EQ, kName, k, Pos.NONE),
                    " where ", absEntry,
                    " is largest, so ", new Relation(RelOp.EQ, new derivcheck.expr.Inner(shown, offset, Pos.NONE),
                            Exprs.mul(List.of(step(o), r, absEntry), Pos.NONE), Pos.NONE),
                    " with ", new Relation(RelOp.EQ, absEntry, new Norm(shown, NormKind.LINF, Pos.NONE), Pos.NONE),
                    ". Not unique: where several entries tie for the largest absolute value (or ", new Relation(RelOp.EQ, shown, Num.ZERO, Pos.NONE),
                    "), every convex combination of their vertices is optimal too; argmax takes the first"));
            results.add(Result.of(x, value));
            if (asked.isPresent()) {
                steps.add(Step.of("optimal value", new Relation(RelOp.EQ, asked.get(), optimum, Pos.NONE), "the bound of the theorem, attained"));
                results.add(Result.of(asked.get(), optimum));
            }
            return new Attempt.Derived(steps, results);
        }
        Expr value;
        // towards the objective's own gradient to maximize, away from it to minimize
        Expr step = o.maximize() ? Num.ONE : Num.MINUS_ONE;
        List<Relation> conditions = List.of();
        if (n.kind() == NormKind.L2) {
            if (cs != Sign.POSITIVE) {
                // g/||g|| needs g != 0; at g = 0 every feasible point is optimal. The derivation states it.
                conditions = List.of(nonzero);
                steps.add(Step.explained("non-degeneracy", nonzero, "the optimizer below divides by ", new Norm(shown, NormKind.L2, Pos.NONE),
                        ", so it is stated for ", nonzero, " (at ", new Relation(RelOp.EQ, shown, Num.ZERO, Pos.NONE),
                        " the objective is constant and every feasible point is optimal); the optimal value holds in both cases"));
            }
            value = Tidy.of(Exprs.add(m, Exprs.mul(List.of(step, r, Exprs.pow(new Norm(shown, NormKind.L2, Pos.NONE), Num.MINUS_ONE), shown), Pos.NONE)), ctx);
        } else {
            value = Tidy.of(Exprs.add(m, Exprs.mul(List.of(step, r, new Apply(Builtin.SIGN, List.of(shown), Pos.NONE)), Pos.NONE)), ctx);
        }
        steps.add(conditions.isEmpty()
                ? Step.of("equality case", new Relation(RelOp.EQ, x, value, Pos.NONE), "the bound is attained here")
                : Step.explained("equality case", List.of(new Relation(RelOp.EQ, x, value, Pos.NONE), nonzero), "the bound is attained here, for ", nonzero));
        results.add(new Result(x, value, conditions, Optional.empty()));
        if (asked.isPresent()) {
            steps.add(Step.of("optimal value", new Relation(RelOp.EQ, asked.get(), optimum, Pos.NONE), "the bound of the theorem, attained"));
            results.add(Result.of(asked.get(), optimum));
        }
        return new Attempt.Derived(steps, results);
    }

    /** Towards the objective's own gradient to maximize, away from it to minimize. */
    private static Expr step(Optimization o) { return o.maximize() ? Num.ONE : Num.MINUS_ONE; }
}
