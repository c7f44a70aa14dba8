package derivcheck.derive;

import derivcheck.derive.backprop.Backprop;
import derivcheck.derive.identities.IdentityShows;
import derivcheck.derive.linear.VectorLinearSolve;
import derivcheck.derive.moments.MomentEquation;
import derivcheck.derive.moments.MomentTargets;
import derivcheck.derive.optimization.AbsSubgradientCases;
import derivcheck.derive.optimization.AffineStationarity;
import derivcheck.derive.optimization.LinearOverNormBall;
import derivcheck.derive.optimization.QuadraticOverBox;
import derivcheck.derive.optimization.QuadraticOverNormBall;
import derivcheck.derive.optimization.Radial;
import derivcheck.derive.optimization.ScalarStationarity;
import derivcheck.derive.optimization.SeparableBox;
import derivcheck.derive.optimization.SeparableStationarity;
import derivcheck.derive.optimization.SoftThreshold;
import derivcheck.derive.optimization.SumConstrainedSeparable;
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
                new ComputeTargets(),
                new Backprop(),
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
                new derivcheck.derive.theorems.LowRankFactorization(),
                new MomentTargets(),
                new MomentEquation(),
                new ConditionSolve(),
                new IdentityShows(),
                // the general KKT core last: the recognizers above are its fast paths and keep their sheets
                new derivcheck.derive.optimization.KktCore());
    }
}
