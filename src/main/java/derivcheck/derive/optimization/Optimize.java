package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Strategy;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry for minimize/maximize problems in one unknown. It prepares the problem once
 * ({@link Optimization}: the view, the gradient, the constraints sorted for KKT; the facts in the context)
 * and tries the fast paths in order on it, then the general KKT core. A fast path recognizes one
 * objective and constraint shape and derives it with the steps a sheet writes; the core solves
 * what none of them names (active sets). Each way is reported under its own name (the `by` of a
 * derivation, a note each); a problem that is not an optimization problem is declined once.
 */
public final class Optimize implements Strategy {
    /** The fast paths, most specific first, then the KKT core. */
    static final List<FastPath> WAYS = List.of(
            new AffineStationarity(),
            new Radial(),
            new SoftThreshold(),
            new AbsSubgradientCases(),
            new ScalarStationarity(),
            new SeparableStationarity(),
            new SumConstrainedSeparable(),
            new LinearOverNormBall(),
            new QuadraticOverNormBall(),
            new SeparableBox(),
            new QuadraticOverBox(),
            new KktCore());

    @Override public String name() { return "optimization"; }

    @Override public List<Way> ways(Problem p, DeriveContext ctx) {
        Optimization.Either o = Optimization.of(p);
        if (o.value().isEmpty()) return List.of(new Way(name(), () -> Attempt.declined(o.whyNot())));
        List<Way> ways = new ArrayList<>();
        Optimization opt = o.value().get();
        for (FastPath f : WAYS) ways.add(new Way(f.name(), () -> opt.withMatrixForm(f.on(p, opt, ctx))));
        return ways;
    }

    /** The first way that derives; otherwise undecided or declined with every way's reason once. */
    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        return first(ways(p, ctx));
    }

    static Attempt first(List<Way> ways) {
        List<String> why = new ArrayList<>();
        boolean undecided = false;
        for (Way w : ways) {
            Attempt a = w.attempt().get();
            if (a instanceof Attempt.Derived) return a;
            undecided |= a instanceof Attempt.Undecided;
            why.add(ways.size() == 1 ? reason(a) : w.name() + ": " + reason(a));
        }
        String all = String.join("; ", why);
        return undecided ? Attempt.undecided(all) : Attempt.declined(all);
    }

    private static String reason(Attempt a) {
        return a instanceof Attempt.Undecided u ? u.reason() : ((Attempt.Declined) a).reason();
    }
}
