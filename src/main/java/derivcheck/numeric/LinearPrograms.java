package derivcheck.numeric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Linear programs (c·x subject to linear constraints and bounds) by the simplex method, with an
 * iteration cap ({@link #MAX_ITER}); a capped run is FAILED and not converged.
 */
final class LinearPrograms {
    private LinearPrograms() {}

    static final int MAX_ITER = 100_000;

    static OptimizationResult solve(OptimizationProblem p, double feasibilityTolerance) {
        int n = p.dim();
        List<LinearConstraint> cons = new ArrayList<>();
        for (var c : p.linearInequalities()) cons.add(new LinearConstraint(c.a(), Relationship.LEQ, c.b()));
        for (var c : p.linearEqualities()) cons.add(new LinearConstraint(c.a(), Relationship.EQ, c.b()));
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            if (p.lower(i) > Double.NEGATIVE_INFINITY) cons.add(new LinearConstraint(e, Relationship.GEQ, p.lower(i)));
            if (p.upper(i) < Double.POSITIVE_INFINITY) cons.add(new LinearConstraint(e, Relationship.LEQ, p.upper(i)));
        }
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        try {
            PointValuePair r = new SimplexSolver(1e-9, 10, 1e-14).optimize(new MaxIter(MAX_ITER),
                    new LinearObjectiveFunction(p.linearObjective(), 0), new LinearConstraintSet(cons),
                    GoalType.MINIMIZE, new NonNegativeConstraint(false));
            double[] x = r.getPoint();
            double v = p.violation(x);
            return new OptimizationResult(x, p.value(x), v,
                    v <= feasibilityTolerance ? OptimizationResult.Status.OPTIMAL : OptimizationResult.Status.INFEASIBLE,
                    "simplex", 1);
        } catch (UnboundedSolutionException e) {
            return new OptimizationResult(nan, Double.NEGATIVE_INFINITY, 0, OptimizationResult.Status.UNBOUNDED, "simplex", 1);
        } catch (org.apache.commons.math3.exception.TooManyIterationsException e) {
            return new OptimizationResult(nan, Double.NaN, Double.POSITIVE_INFINITY,
                    OptimizationResult.Status.FAILED, "simplex", 1, false);
        } catch (NoFeasibleSolutionException e) {
            return new OptimizationResult(nan, Double.NaN, Double.POSITIVE_INFINITY,
                    OptimizationResult.Status.INFEASIBLE, "simplex", 1);
        }
    }
}
