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
 * minimizer is a vertex −r·sign(c_k)·e_k with k = argmax|c_k|, which the model cannot write: only
 * the optimal value f(m) − r‖c‖_∞ is derived, when the problem asks for it.
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
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE),
                "a linear objective" + (o.maximize() ? "; maximizing the objective is minimizing its negative" : "")));
        boolean centred = derivcheck.algebra.LinearCombination.of(m).asTerms().isEmpty();
        if (centred) m = Exprs.mul(Num.ZERO, x);
        Expr shown = o.maximize() ? Tidy.of(Exprs.neg(c), ctx) : c;
        Expr bound = Exprs.mul(r, new Norm(shown, dual, Pos.NONE));
        steps.add(Step.explained("Hölder", new Relation(o.maximize() ? RelOp.LE : RelOp.GE,
                        new derivcheck.expr.Inner(shown, centred ? x : Exprs.sub(x, m), Pos.NONE),
                        o.maximize() ? bound : Exprs.neg(bound), Pos.NONE),
                "the dual norm of the ball's norm bounds the linear part on the ball: ", new Relation(RelOp.LE, n, r, Pos.NONE)));
        Expr fm = Simplifier.scalar(Exprs.substitute(o.original(), x, m), ctx);
        Expr optimum = Simplifier.scalar(o.maximize() ? Exprs.add(fm, Exprs.mul(r, dualNorm)) : Exprs.sub(fm, Exprs.mul(r, dualNorm)), ctx);
        List<Result> results = new ArrayList<>();
        if (n.kind() == NormKind.L1) {
            Optional<Sym> asked = p.targets().stream().filter(t -> t instanceof Sym s && s.kind() == SymKind.OPTIMUM).map(t -> (Sym) t).findFirst();
            if (asked.isEmpty()) {
                return Attempt.declined("over an l1 ball the " + (o.maximize() ? "maximizer" : "minimizer")
                        + " is a vertex -r*sign(c_k)*e_k with k the index of the largest |c_k| (not unique when entries tie);"
                        + " the model has no argmax or unit vector to write it (ask `find " + (o.maximize() ? "max" : "min") + "` for the optimal value)");
            }
            steps.add(Step.explained("vertex", List.of(), "equality holds at a vertex of the ball, in a coordinate where the linear part's coefficient is largest in"
                    + " absolute value; the optimizer itself is not written in closed form"));
            steps.add(Step.of("optimal value", new Relation(RelOp.EQ, asked.get(), optimum, Pos.NONE), "the bound is attained"));
            results.add(Result.of(asked.get(), optimum));
            return new Attempt.Derived(steps, results);
        }
        Expr value;
        if (n.kind() == NormKind.L2) {
            Sign s = ctx.cas().sign(new Norm(c, NormKind.L2, Pos.NONE), ctx.assumptions()).orElse(Sign.UNKNOWN);
            if (s != Sign.POSITIVE) {
                return Attempt.declined("cannot show that the gradient " + derivcheck.expr.TextPrinter.print(c)
                        + " is not 0 (at c = 0 every feasible point is optimal); state it, e.g. `assume ||"
                        + derivcheck.expr.TextPrinter.print(c) + "|| > 0`");
            }
            value = Tidy.of(Exprs.sub(m, Exprs.mul(List.of(r, Exprs.pow(new Norm(c, NormKind.L2, Pos.NONE), Num.MINUS_ONE), c), Pos.NONE)), ctx);
        } else {
            value = Tidy.of(Exprs.sub(m, Exprs.mul(r, new Apply(Builtin.SIGN, List.of(c), Pos.NONE))), ctx);
        }
        steps.add(Step.of("equality case", new Relation(RelOp.EQ, x, value, Pos.NONE), "the bound is attained here"));
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }
}
