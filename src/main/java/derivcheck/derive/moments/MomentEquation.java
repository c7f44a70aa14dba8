package derivcheck.derive.moments;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.Strategy;
import derivcheck.derive.scalar.ConditionSolve;
import derivcheck.expr.Expectation;
import derivcheck.expr.Exprs;
import derivcheck.expr.Variance;
import derivcheck.model.Problem;
import derivcheck.model.SolveFor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code solve Var[a] = Var[b] for sigma}: both sides derived in closed form by the moment
 * rules, then the equation solved with the CAS (the root kept must satisfy the stated facts
 * about the unknown, e.g. sigma > 0). Equations without E[.] or Var[.] are left to "solve for".
 */
public final class MomentEquation implements Strategy {
    @Override public String name() { return "solve for, with moments"; }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        if (p.solves().isEmpty()) return Attempt.declined("there is no 'solve … for …'");
        boolean moments = p.solves().stream().anyMatch(s -> Exprs.anyNode(s.equation().lhs(), MomentEquation::isMoment)
                || Exprs.anyNode(s.equation().rhs(), MomentEquation::isMoment));
        if (!moments) return Attempt.declined("the equations have no expectation or variance");
        List<Step> steps = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        try {
            for (SolveFor s : p.solves()) {
                Optional<String> why = ConditionSolve.solve(p, s.unknown(), List.of(), s.equation(), ctx, steps, results);
                if (why.isPresent()) return Attempt.undecided(why.get());
            }
        } catch (MomentAlgebra.Stuck e) {
            return Attempt.undecided(e.getMessage());
        }
        return new Attempt.Derived(steps, results);
    }

    private static boolean isMoment(derivcheck.expr.Expr x) { return x instanceof Expectation || x instanceof Variance; }
}
