package derivcheck.derive.moments;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.Strategy;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.TextPrinter;
import derivcheck.expr.Variance;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code find E[y], Var[y]}: means and variances by linearity, independence and the moments of
 * the declared distributions (seeds 001 A1, 003 2.1.1 and 3.1). The E[.] and Var[.] the expects
 * mention are derived too (so an expect E[a] = E[b] compares two derived quantities), and every
 * `show` of the problem is proven along the way.
 */
public final class MomentTargets implements Strategy {
    @Override public String name() { return "expectations and variances"; }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        if (p.targets().isEmpty()) return Attempt.declined("there is nothing to compute ('find …')");
        for (Expr t : p.targets()) {
            if (!(t instanceof Expectation || t instanceof Variance)) {
                return Attempt.declined("'" + TextPrinter.print(t) + "' is not an expectation or a variance");
            }
        }
        if (p.objective().isPresent()) return Attempt.declined("the problem is an optimization problem");
        if (!p.conditions().isEmpty() || !p.solves().isEmpty()) return Attempt.declined("the problem asks for a condition or a solution");
        List<Step> steps = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        return MomentDerivation.targetsAndShows(p, ctx, steps, results);
    }
}
