package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Strategy;
import derivcheck.model.Problem;

/**
 * One way of the optimization entry {@link Optimize}: a recognizer of one objective and constraint
 * shape that derives it with the sheet's own steps, or the general KKT core. It works on the
 * problem as {@link Optimization} prepared it once (view, gradient, sorted constraints; the facts
 * in the context) and derives, declines with a reason, or stays undecided. The engine reaches it
 * through {@link Optimize} only; on its own (tests) it prepares the problem itself.
 */
public interface FastPath extends Strategy {
    Attempt on(Problem p, Optimization o, DeriveContext ctx);

    @Override default Attempt attempt(Problem p, DeriveContext ctx) {
        Optimization.Either o = Optimization.of(p);
        return o.value().isPresent() ? o.value().get().withMatrixForm(on(p, o.value().get(), ctx)) : Attempt.declined(o.whyNot());
    }
}
