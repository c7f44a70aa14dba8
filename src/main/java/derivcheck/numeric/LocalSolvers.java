package derivcheck.numeric;

import derivcheck.limits.Deadline;
import derivcheck.limits.Watchdog;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
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
 *
 * <p>Bounded: every solver has an evaluation cap ({@link #maxEval}); every evaluation checks the
 * thread's {@link Deadline}; and the solve runs under a {@link Watchdog}, because BOBYQA's
 * trust-region subproblem ({@code trsbox}) can loop forever without evaluating anything (seen on
 * the entropic step over the simplex). A solve that hits its cap or stalls returns its best point
 * marked as not converged.
 */
final class LocalSolvers {
    /** A point, its value and the solver that found it. */
    record Point(double[] x, double f, String method, boolean converged) {
        Point(double[] x, double f, String method) { this(x, f, method, true); }
    }

    /** How long a solve may go without evaluating its objective before it is given up. */
    static final Duration STALL = Duration.ofSeconds(2);
    /** The method name of a point from a solve given up by the watchdog. */
    static final String STALLED = "stalled";

    static final double BIG = 1e100;

    private LocalSolvers() {}

    static Point minimize(ToDoubleFunction<double[]> f, double[] x0, double[] lo, double[] hi, double scale) {
        Tracked t = new Tracked(f, lo, hi);
        try {
            return Watchdog.run("the local solver", STALL, beat -> {
                t.beat = beat;
                return minimize(t, x0, lo, hi, scale);
            });
        } catch (Watchdog.Stalled e) {
            Point best = t.best;
            return best == null ? new Point(clip(x0, lo, hi), Double.NaN, STALLED, false)
                    : new Point(best.x().clone(), best.f(), STALLED, false);
        }
    }

    private static Point minimize(Tracked t, double[] x0, double[] lo, double[] hi, double scale) {
        int n = x0.length;
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
                t.failed(e); // keep the best point seen
            }
            if (t.best != null) {
                bobyqa(t, t.best.x().clone(), lo, hi, scale);
                method = "powell+bobyqa";
            }
        }
        Point best = t.best;
        if (best == null) return new Point(start, Double.NaN, method, false);
        return new Point(best.x().clone(), best.f(), method, !t.capped);
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
                t.failed(e);
                return; // no bracket (unbounded below, or flat): keep the best point seen
            }
        } else {
            t.value1(lo);
            t.value1(hi);
        }
        if (!(a < b)) return;
        Point best = t.best;
        double mid = Math.min(Math.max(best != null ? best.x()[0] : x0, a), b);
        try {
            brent.optimize(new MaxEval(5000), new UnivariateObjectiveFunction(x -> t.value1(x)),
                    GoalType.MINIMIZE, new SearchInterval(a, b, mid));
        } catch (RuntimeException e) {
            t.failed(e); // keep the best point seen
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
            t.failed(e); // keep the best point seen
        }
    }

    /** The evaluation cap of one Powell or BOBYQA run in n variables. */
    static int maxEval(int n) { return 20000 + 4000 * n; }

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

    /**
     * Wraps an objective: clamps to bounds, maps NaN/inf to {@link #BIG}, keeps the best point
     * (published whole, so a watchdog can read it from another thread), checks the deadline and
     * beats the heartbeat at every evaluation.
     */
    static final class Tracked {
        private final ToDoubleFunction<double[]> f;
        private final double[] lo, hi;
        volatile Point best;
        volatile Watchdog.Heartbeat beat;
        /** A solver stopped on its evaluation cap (or another failure): not converged. */
        boolean capped;
        private double worst = Double.NEGATIVE_INFINITY;

        Tracked(ToDoubleFunction<double[]> f, double[] lo, double[] hi) {
            this.f = f;
            this.lo = lo;
            this.hi = hi;
        }

        double value(double[] x) {
            Deadline.current().check();
            Watchdog.Heartbeat b = beat;
            if (b != null) b.beat();
            for (int i = 0; i < x.length; i++) if (x[i] < lo[i] || x[i] > hi[i]) return BIG;
            double v = f.applyAsDouble(x);
            if (!Double.isFinite(v)) return penalty();
            if (v > worst) worst = v;
            Point p = best;
            if (p == null || v < p.f()) best = new Point(x.clone(), v, "");
            return v;
        }

        /**
         * The value given for a point where the objective is undefined: above everything seen,
         * but of the same order (a constant like 1e100 inside BOBYQA's quadratic model makes its
         * trust-region step loop forever).
         */
        private double penalty() {
            Point p = best;
            if (p == null) return BIG;
            double spread = Math.max(worst - p.f(), 1.0);
            return Math.min(BIG, worst + 10 * spread + Math.abs(worst));
        }

        /** A solver threw: the deadline goes on up; an evaluation cap marks the run as not converged. */
        void failed(RuntimeException e) {
            if (e instanceof Deadline.Expired x) throw x;
            if (e instanceof TooManyEvaluationsException) capped = true;
        }

        double value1(double x) { return value(new double[] {x}); }
    }
}
