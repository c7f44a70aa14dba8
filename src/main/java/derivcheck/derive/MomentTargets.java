package derivcheck.derive;

import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Variance;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.expr.TextPrinter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code find E[y], Var[y]}: means and variances by linearity, independence and the moments of
 * the declared distributions (seeds 001 A1, 003 2.1.1 and 3.1). The E[.] and Var[.] the expects
 * mention are derived too (so an expect E[a] = E[b] compares two derived quantities), and every
 * `show` of the problem is proven along the way.
 */
final class MomentTargets implements Strategy {
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
        List<Expr> asked = new ArrayList<>(p.targets());
        for (Expr x : MomentDerivation.mentioned(p.expects())) if (!asked.contains(x)) asked.add(x);
        for (Expr t : asked) {
            try {
                results.add(Result.of(t, MomentDerivation.derive(p, t, ctx, steps)));
            } catch (MomentAlgebra.Stuck s) {
                if (p.targets().contains(t)) return Attempt.undecided(TextPrinter.print(t) + ": " + s.getMessage());
            }
        }
        for (Claim show : p.shows()) {
            IdentityProof.Outcome o = IdentityProof.prove(p, show, ctx);
            steps.addAll(o.steps());
            if (!o.proven()) return Attempt.undecided("not proven: " + o.notProven().get());
        }
        return new Attempt.Derived(steps, results);
    }
}
