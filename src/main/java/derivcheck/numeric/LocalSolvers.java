package derivcheck.numeric;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.PowellOptimizer;
import org.apache.commons.math3.optim.univariate.BracketFinder;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Local minimization of a function of a flat double[] under simple bounds, from one start:
 * Brent in one dimension (on the bounds, or on a bracket found from the start), BOBYQA with
 * 2n+1 interpolation points when there are bounds, Powell then a BOBYQA polish without bounds.
 * The best finite point ever evaluated is kept, so a solver that stops on its evaluation limit
 * still gives an answer. A NaN or infinite value counts as very large (1e100).
 */
final class LocalSolvers {
    /** A point, its value and the solver that found it. */
    record Point(double[] x, double f, String method) {}

    static final double BIG = 1e100;

    private LocalSolvers() {}

    static Point minimize(ToDoubleFunction<double[]> f, double[] x0, double[] lo, double[] hi, double scale) {
        int n = x0.length;
        Tracked t = new Tracked(f, lo, hi);
        double[] start = clip(x0, lo, hi);
        t.value(start);
        String method;
        if (n == 1) {
            method = "brent";
            brent(t, start[0], lo[0], hi[0], scale);
        } else if (bounded(lo, hi)) {
            method = "bobyqa";
            bobyqa(t, start, lo, hi, scale);
        } else {
            method = "powell";
            try {
                new PowellOptimizer(1e-13, 1e-300, 1e-10, 1e-14).optimize(new MaxEval(maxEval(n)),
                        new ObjectiveFunction(t::value), GoalType.MINIMIZE, new InitialGuess(start));
            } catch (RuntimeException e) {
                // keep the best point seen
            }
            if (t.bestX != null) {
                bobyqa(t, t.bestX.clone(), lo, hi, scale);
                method = "powell+bobyqa";
            }
        }
        if (t.bestX == null) return new Point(start, Double.NaN, method);
        return new Point(t.bestX.clone(), t.bestF, method);
    }

    private static void brent(Tracked t, double x0, double lo, double hi, double scale) {
        BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
        double a = lo, b = hi;
        if (Double.isInfinite(lo) || Double.isInfinite(hi)) {
            try {
                BracketFinder bf = new BracketFinder(100, 2000);
                double step = 0.1 * Math.max(scale, Math.abs(x0));
                double x1 = x0 + step <= hi ? x0 + step : x0 - step;
                bf.search(x -> t.value1(x), GoalType.MINIMIZE, x0, x1);
                a = Math.max(lo, Math.min(bf.getLo(), bf.getHi()));
                b = Math.min(hi, Math.max(bf.getLo(), bf.getHi()));
            } catch (RuntimeException e) {
                return; // no bracket (unbounded below, or flat): keep the best point seen
            }
        } else {
            t.value1(lo);
            t.value1(hi);
        }
        if (!(a < b)) return;
        double mid = Math.min(Math.max(t.bestX != null ? t.bestX[0] : x0, a), b);
        try {
            brent.optimize(new MaxEval(5000), new UnivariateObjectiveFunction(x -> t.value1(x)),
                    GoalType.MINIMIZE, new SearchInterval(a, b, mid));
        } catch (RuntimeException e) {
            // keep the best point seen
        }
    }

    private static void bobyqa(Tracked t, double[] start, double[] lo, double[] hi, double scale) {
        int n = start.length;
        double minWidth = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) minWidth = Math.min(minWidth, hi[i] - lo[i]);
        double r0 = Math.min(0.5 * Math.max(scale, 1e-3), 0.45 * minWidth);
        if (!(r0 > 0)) return;
        double rStop = Math.min(1e-10 * Math.max(1.0, scale), 1e-3 * r0);
        try {
            new BOBYQAOptimizer(2 * n + 1, r0, rStop).optimize(new MaxEval(maxEval(n)),
                    new ObjectiveFunction(t::value), GoalType.MINIMIZE, new InitialGuess(start),
                    new SimpleBounds(lo, hi));
        } catch (RuntimeException e) {
            // keep the best point seen
        }
    }

    private static int maxEval(int n) { return 20000 + 4000 * n; }

    static boolean bounded(double[] lo, double[] hi) {
        for (int i = 0; i < lo.length; i++) {
            if (lo[i] > Double.NEGATIVE_INFINITY || hi[i] < Double.POSITIVE_INFINITY) return true;
        }
        return false;
    }

    static double[] clip(double[] x, double[] lo, double[] hi) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) out[i] = Math.min(Math.max(out[i], lo[i]), hi[i]);
        return out;
    }

    /** Wraps an objective: clamps to bounds, maps NaN/inf to {@link #BIG}, keeps the best point. */
    static final class Tracked {
        private final ToDoubleFunction<double[]> f;
        private final double[] lo, hi;
        double[] bestX;
        double bestF = Double.POSITIVE_INFINITY;

        Tracked(ToDoubleFunction<double[]> f, double[] lo, double[] hi) {
            this.f = f;
            this.lo = lo;
            this.hi = hi;
        }

        double value(double[] x) {
            for (int i = 0; i < x.length; i++) if (x[i] < lo[i] || x[i] > hi[i]) return BIG;
            double v = f.applyAsDouble(x);
            if (!Double.isFinite(v)) return BIG;
            if (v < bestF) {
                bestF = v;
                bestX = x.clone();
            }
            return v;
        }

        double value1(double x) { return value(new double[] {x}); }
    }
}
