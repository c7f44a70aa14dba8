package derivcheck.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The real roots of a scalar function on an interval, for results defined implicitly ("l > 0 solves
 * l + eps*rho'(l) = ||a||"). The interval is scanned on a grid, dense near its ends and spread
 * geometrically over many orders of magnitude when an end is infinite; each sign change is refined by
 * Brent's method. Bounded: at most {@link #GRID} scan points, {@link #MAX_ROOTS} roots and
 * {@link #BRENT_EVALUATIONS} evaluations per root, with the deadline checked at each scan point.
 * A root where the function only touches zero (no sign change) is not found: callers must not read "no root
 * found" as "no root".
 */
public final class RootFinder {
    private RootFinder() {}

    public static final int GRID = 600;
    public static final int MAX_ROOTS = 8;
    public static final int BRENT_EVALUATIONS = 200;

    /** The roots found in (lo, hi) (either end may be infinite), in increasing order; NaN values are skipped. */
    public static List<Double> roots(DoubleUnaryOperator h, double lo, double hi) {
        if (!(lo < hi)) return List.of();
        double[] grid = grid(lo, hi);
        List<Double> out = new ArrayList<>();
        BrentSolver brent = new BrentSolver(1e-14, 1e-12);
        double px = Double.NaN, pv = Double.NaN;
        for (double x : grid) {
            derivcheck.limits.Deadline.current().check();
            double v = h.applyAsDouble(x);
            if (v == 0) {
                out.add(x);
            } else if (Double.isFinite(v) && Double.isFinite(pv) && pv != 0 && Math.signum(v) != Math.signum(pv)) {
                try {
                    out.add(brent.solve(BRENT_EVALUATIONS, h::applyAsDouble, px, x));
                } catch (RuntimeException e) {
                    // a bracket Brent cannot refine (a pole between the points, or too many evaluations): not a root we know
                    if (e instanceof derivcheck.limits.Deadline.Expired x2) throw x2;
                }
            }
            if (out.size() >= MAX_ROOTS) break;
            if (Double.isFinite(v)) { px = x; pv = v; } else { px = Double.NaN; pv = Double.NaN; }
        }
        return out;
    }

    /** Scan points strictly inside (lo, hi): geometric from each finite end, so small and large roots are both met. */
    static double[] grid(double lo, double hi) {
        boolean finiteLo = Double.isFinite(lo), finiteHi = Double.isFinite(hi);
        List<Double> xs = new ArrayList<>();
        int half = GRID / 2;
        if (finiteLo && finiteHi) {
            // a uniform grid, plus geometric points close to both ends
            double w = hi - lo;
            for (int k = 1; k < half; k++) xs.add(lo + w * k / half);
            for (int k = 1; k <= half / 2; k++) {
                double d = w * Math.pow(10, -12.0 * k / (half / 2));
                xs.add(lo + d);
                xs.add(hi - d);
            }
        } else if (finiteLo || finiteHi) {
            double end = finiteLo ? lo : hi, dir = finiteLo ? 1 : -1;
            for (int k = 0; k < GRID; k++) xs.add(end + dir * Math.pow(10, -12 + 18.0 * k / (GRID - 1)) * Math.max(1, Math.abs(end)));
        } else {
            xs.add(0.0);
            for (int k = 0; k < half; k++) {
                double d = Math.pow(10, -12 + 18.0 * k / (half - 1));
                xs.add(d);
                xs.add(-d);
            }
        }
        return xs.stream().filter(x -> x > lo && x < hi).mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    }
}
