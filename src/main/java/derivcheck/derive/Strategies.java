package derivcheck.derive;

import derivcheck.derive.backprop.Backprop;
import derivcheck.derive.identities.IdentityShows;
import derivcheck.derive.linear.VectorLinearSolve;
import derivcheck.derive.moments.MomentEquation;
import derivcheck.derive.moments.MomentTargets;
import derivcheck.derive.optimization.Optimize;
import derivcheck.derive.scalar.ConditionSolve;
import java.util.List;

/**
 * Every strategy, in the order the engine tries them: the ones that need the most structure
 * first, so that a problem is derived the most specific way that applies.
 */
public final class Strategies {
    private Strategies() {}

    public static List<Strategy> all() {
        return List.of(
                new SolveForUnknown(),
                new VectorLinearSolve(),
                new derivcheck.derive.newton.NewtonStep(),
                new ComputeTargets(),
                new Backprop(),
                // minimize/maximize in one unknown: the fast paths, then the general KKT core
                new Optimize(),
                new derivcheck.derive.theorems.LowRankFactorization(),
                new MomentTargets(),
                new MomentEquation(),
                new ConditionSolve(),
                new IdentityShows());
    }
}
