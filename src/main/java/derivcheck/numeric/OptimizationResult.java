package derivcheck.numeric;

/**
 * The outcome of {@link Optimizer#minimize}.
 *
 * @param x            the best point found (best feasible one if any start reached feasibility)
 * @param value        the objective there (-inf for an unbounded linear program)
 * @param maxViolation the largest constraint or bound violation at x (0 when exactly feasible)
 * @param status       OPTIMAL (converged, feasible), INFEASIBLE (no start got within the
 *                     feasibility tolerance), UNBOUNDED (linear program), FAILED (every start
 *                     threw; x is then the starting point)
 * @param method       which solver produced x, e.g. "simplex", "bobyqa", "powell", "brent",
 *                     "augmented-lagrangian/bobyqa"
 * @param starts       how many starts were run
 * @param converged    false when the solver that produced x stopped on an evaluation or
 *                     iteration cap, or stalled: x is then only the best point seen, and a
 *                     disagreement with it is no counterexample
 */
public record OptimizationResult(double[] x, double value, double maxViolation, Status status, String method, int starts,
                                 boolean converged) {
    public enum Status { OPTIMAL, INFEASIBLE, UNBOUNDED, FAILED }

    public OptimizationResult(double[] x, double value, double maxViolation, Status status, String method, int starts) {
        this(x, value, maxViolation, status, method, starts, true);
    }

    public boolean feasible() { return status == Status.OPTIMAL; }

    @Override public String toString() {
        return status + " by " + method + ": f=" + value + " at " + java.util.Arrays.toString(x)
                + " (violation " + maxViolation + ", " + starts + " starts" + (converged ? "" : ", not converged") + ")";
    }
}
