package derivcheck.numeric;

import java.util.ArrayList;
import java.util.List;

/**
 * Solves an {@link OptimizationProblem} numerically, independently of any derivation: the
 * simplex method for a problem declared linear; otherwise several seeded starts of a local
 * solver (Brent in 1-D, BOBYQA under bounds, Powell without), wrapped in an augmented
 * Lagrangian when there are inequality or equality constraints. Returns the best feasible
 * point (or, if none is feasible, the least infeasible one).
 *
 * <p>Bounded: every local solver has an evaluation cap, the augmented Lagrangian at most
 * {@link AugmentedLagrangian#MAX_OUTER} rounds, the simplex method an iteration cap; the
 * thread's {@link derivcheck.limits.Deadline} is checked at every evaluation and
 * {@link derivcheck.limits.Deadline.Expired} goes up to the caller. A result whose solver hit a
 * cap or stalled is marked {@link OptimizationResult#converged() not converged}: a caller must
 * not treat a disagreement with it as a counterexample.
 */
public final class Optimizer {
    private final long seed;
    private int starts = 6;
    private double feasibilityTolerance = 1e-6;

    public Optimizer(long seed) { this.seed = seed; }

    /** Number of starts (the given start, the origin clipped to the bounds, then random ones). */
    public Optimizer starts(int k) {
        if (k < 1) throw new IllegalArgumentException("need at least one start");
        starts = k;
        return this;
    }

    /** Largest constraint violation still called feasible (default 1e-6). */
    public Optimizer feasibilityTolerance(double tol) {
        feasibilityTolerance = tol;
        return this;
    }

    public OptimizationResult minimize(OptimizationProblem p) {
        if (p.isLinear()) return LinearPrograms.solve(p, feasibilityTolerance);
        boolean constrained = !p.allInequalities().isEmpty() || !p.allEqualities().isEmpty();
        Rng rng = new Rng(seed);
        LocalSolvers.Point best = null;
        double bestViolation = Double.POSITIVE_INFINITY;
        int ran = 0;
        for (double[] x0 : startingPoints(p, rng)) {
            LocalSolvers.Point pt;
            try {
                pt = constrained ? AugmentedLagrangian.minimize(p, x0, feasibilityTolerance)
                        : LocalSolvers.minimize(p.objective(), x0, p.lower(), p.upper(), p.scale());
            } catch (derivcheck.limits.Deadline.Expired e) {
                throw e;
            } catch (RuntimeException e) {
                continue; // a start that throws (e.g. the objective threw) is skipped
            }
            ran++;
            double f = p.value(pt.x());
            double v = p.violation(pt.x());
            if (Double.isNaN(f)) continue;
            if (better(f, v, best == null ? Double.NaN : best.f(), bestViolation)) {
                best = new LocalSolvers.Point(pt.x(), f, pt.method(), pt.converged());
                bestViolation = v;
            }
        }
        if (best == null) {
            double[] x = p.start() != null ? p.start() : LocalSolvers.clip(new double[p.dim()], p.lower(), p.upper());
            return new OptimizationResult(x, Double.NaN, Double.POSITIVE_INFINITY, OptimizationResult.Status.FAILED, "none", ran, false);
        }
        OptimizationResult.Status status = bestViolation <= feasibilityTolerance
                ? OptimizationResult.Status.OPTIMAL : OptimizationResult.Status.INFEASIBLE;
        return new OptimizationResult(best.x(), best.f(), bestViolation, status, best.method(), ran, best.converged());
    }

    private boolean better(double f, double v, double bestF, double bestV) {
        if (Double.isNaN(bestF)) return true;
        boolean feas = v <= feasibilityTolerance, bestFeas = bestV <= feasibilityTolerance;
        if (feas != bestFeas) return feas;
        return feas ? f < bestF : v < bestV;
    }

    private List<double[]> startingPoints(OptimizationProblem p, Rng rng) {
        List<double[]> out = new ArrayList<>();
        if (p.start() != null) out.add(p.start());
        out.add(LocalSolvers.clip(new double[p.dim()], p.lower(), p.upper()));
        while (out.size() < starts) {
            double[] x = new double[p.dim()];
            for (int i = 0; i < x.length; i++) {
                double lo = p.lower(i), hi = p.upper(i), s = p.scale();
                boolean fl = lo > Double.NEGATIVE_INFINITY, fh = hi < Double.POSITIVE_INFINITY;
                if (fl && fh) x[i] = lo == hi ? lo : rng.uniform(lo, hi);
                else if (fl) x[i] = lo + s * Math.abs(rng.normal());
                else if (fh) x[i] = hi - s * Math.abs(rng.normal());
                else x[i] = s * rng.normal();
            }
            out.add(x);
        }
        return out.subList(0, Math.min(out.size(), starts));
    }
}
