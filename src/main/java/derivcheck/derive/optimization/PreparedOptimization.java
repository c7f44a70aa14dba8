package derivcheck.derive.optimization;

import derivcheck.cas.Assumptions;
import derivcheck.derive.Calculus;
import derivcheck.derive.DeriveContext;
import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import derivcheck.model.Problem;
import java.util.Optional;

/**
 * An optimization problem prepared once for every fast path and the KKT core (see {@link Optimize}):
 * the one-unknown view (a minimization, lets inlined), the gradient of the objective that is
 * minimized ({@code Calculus}; empty where the rules cannot differentiate it), the constraints as
 * the KKT core sorts them, and the facts of the spec (in the context).
 */
public record PreparedOptimization(Problem problem, DeriveContext context, Optimization view, Optional<Expr> gradient,
                                   KktConstraints constraints) {

    /** The prepared problem, or why the problem is not a one-unknown optimization problem. */
    public static Or of(Problem p, DeriveContext ctx) {
        Optimization.Either view = Optimization.of(p);
        if (view.value().isEmpty()) return new Or(Optional.empty(), view.whyNot());
        Optimization o = view.value().get();
        Sym x = o.unknown();
        return new Or(Optional.of(new PreparedOptimization(p, ctx, o, Calculus.gradient(o.objective(), x),
                KktConstraints.read(o.constraints(), x))), "");
    }

    /** The prepared problem or why not. */
    public record Or(Optional<PreparedOptimization> value, String whyNot) {}

    public Sym unknown() { return view.unknown(); }

    /** The objective that is minimized (the negative of a maximized one). */
    public Expr objective() { return view.objective(); }

    /** What the spec assumes (givens' domains, `assume` lines). */
    public Assumptions facts() { return context.assumptions(); }
}
