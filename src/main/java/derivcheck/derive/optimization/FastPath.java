package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Strategy;
import derivcheck.model.Problem;

/**
 * One way of the optimization entry {@link Optimize}: a recognizer of one objective and constraint
 * shape that derives it with the sheet's own steps, or the general KKT core. It works on the
 * problem as {@link PreparedOptimization} prepared it once and derives, declines with a reason, or
 * stays undecided. The engine reaches it through {@link Optimize} only; on its own (tests) it
 * prepares the problem itself.
 */
public interface FastPath extends Strategy {
    Attempt on(PreparedOptimization q);

    @Override default Attempt attempt(Problem p, DeriveContext ctx) {
        PreparedOptimization.Or q = PreparedOptimization.of(p, ctx);
        return q.value().isPresent() ? on(q.value().get()) : Attempt.declined(q.whyNot());
    }
}
