package derivcheck.numeric;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The augmented-Lagrangian (Powell–Hestenes–Rockafellar) method for g(x) <= 0 and h(x) = 0:
 * minimize L(x) = f + sum(mu_j h_j + rho/2 h_j^2) + 1/(2 rho) sum(max(0, lambda_i + rho g_i)^2 - lambda_i^2)
 * under the simple bounds with {@link LocalSolvers}, update the multipliers, and raise rho
 * tenfold whenever the violation did not fall to a quarter. At most {@link #MAX_OUTER} rounds;
 * the result is converged only when the last round's local solve converged to a feasible point.
 * The deadline is checked between rounds (and at every evaluation inside them).
 */
final class AugmentedLagrangian {
    private AugmentedLagrangian() {}

    static final int MAX_OUTER = 40;

    static LocalSolvers.Point minimize(OptimizationProblem p, double[] x0, double tol) {
        List<ToDoubleFunction<double[]>> gs = p.allInequalities();
        List<ToDoubleFunction<double[]>> hs = p.allEqualities();
        double[] lambda = new double[gs.size()];
        double[] mu = new double[hs.size()];
        double[] rhoBox = {10.0};
        double[] lo = p.lower(), hi = p.upper();
        double[] x = x0.clone();
        double prevViolation = Double.POSITIVE_INFINITY;
        String method = "";
        boolean converged = false, lastConverged = true;
        for (int outer = 0; outer < MAX_OUTER; outer++) {
            derivcheck.limits.Deadline.current().check();
            double rho = rhoBox[0];
            double[] lam = lambda.clone(), m = mu.clone();
            ToDoubleFunction<double[]> lagrangian = z -> {
                double v = p.value(z);
                for (int j = 0; j < hs.size(); j++) {
                    double h = hs.get(j).applyAsDouble(z);
                    v += m[j] * h + 0.5 * rho * h * h;
                }
                for (int i = 0; i < gs.size(); i++) {
                    double s = Math.max(0, lam[i] + rho * gs.get(i).applyAsDouble(z));
                    v += (s * s - lam[i] * lam[i]) / (2 * rho);
                }
                return v;
            };
            LocalSolvers.Point pt = LocalSolvers.minimize(lagrangian, x, lo, hi, p.scale());
            method = pt.method();
            lastConverged = pt.converged();
            double step = 0;
            for (int k = 0; k < x.length; k++) step = Math.max(step, Math.abs(pt.x()[k] - x[k]));
            x = pt.x();
            if (pt.method().equals(LocalSolvers.STALLED)) break; // its thread is lost; so is this start
            for (int j = 0; j < hs.size(); j++) mu[j] += rho * hs.get(j).applyAsDouble(x);
            for (int i = 0; i < gs.size(); i++) lambda[i] = Math.max(0, lambda[i] + rho * gs.get(i).applyAsDouble(x));
            double violation = p.violation(x);
            converged = lastConverged && violation <= tol;
            if (violation <= tol * 1e-3 && step <= 1e-9 * Math.max(1.0, p.scale()) && outer > 0) break;
            if (violation > 0.25 * prevViolation) rhoBox[0] = Math.min(rho * 10, 1e10);
            prevViolation = violation;
        }
        return new LocalSolvers.Point(x, p.value(x), "augmented-lagrangian/" + method, converged);
    }
}
