package derivcheck.numeric;

import static org.junit.jupiter.api.Assertions.*;

import derivcheck.limits.Deadline;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The numeric optimizers end under any objective: evaluation caps, the item's deadline, and a
 * watchdog for BOBYQA's trust-region loop, which can spin without ever evaluating again.
 */
class OptimizerBoundsTest {
    /**
     * The entropic step on the simplex with the bound x >= 0 closed: x*log(x) is NaN at 0, and
     * before the penalty for undefined points was made relative, BOBYQA's trsbox looped forever
     * on these draws (seeds 1, 2, 4, 5, 6 of the reproduction; measured: no evaluation in
     * 10 s). It must now end with an answer.
     */
    @Test @Timeout(300)
    void entropicStepOnTheClosedSimplexEndsForADrawThatUsedToHang() {
        for (long seed : new long[] {1}) {
            OptimizationProblem p = entropicSimplex(3, seed, 0);
            try (Deadline.Scope s = Deadline.within(Duration.ofSeconds(90)).enter()) {
                OptimizationResult r = new Optimizer(1).minimize(p);
                assertTrue(r.maxViolation() < 1e-5, r.toString());
                double sum = 0;
                for (double x : r.x()) sum += x;
                assertEquals(1, sum, 1e-5, r.toString());
            }
        }
    }

    @Test @Timeout(60)
    void aDeadlineInsideTheSolveEndsItWithExpiredPromptly() {
        OptimizationProblem p = entropicSimplex(6, 3, 0);
        Deadline d = Deadline.within(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        try (Deadline.Scope s = d.enter()) {
            assertThrows(Deadline.Expired.class, () -> new Optimizer(1).starts(50).minimize(p));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 30_000, "hang guard only: took " + ms + " ms");
    }

    @Test void aSolverStoppedByItsEvaluationCapMarksTheRunNotConvergedAndADeadlineGoesOnUp() {
        LocalSolvers.Tracked t = new LocalSolvers.Tracked(x -> x[0] * x[0], new double[] {-1}, new double[] {1});
        t.value(new double[] {0.5});
        assertFalse(t.capped);
        t.failed(new IllegalStateException("a numerical failure of the solver is not a cap"));
        assertFalse(t.capped);
        t.failed(new org.apache.commons.math3.exception.TooManyEvaluationsException(LocalSolvers.maxEval(1)));
        assertTrue(t.capped);
        Deadline.Expired e = new Deadline.Expired(Deadline.within(Duration.ofSeconds(1)));
        assertSame(e, assertThrows(Deadline.Expired.class, () -> t.failed(e)));
    }

    @Test void anUndefinedValueIsPenalizedAboveEverythingSeenButOfTheSameOrder() {
        LocalSolvers.Tracked t = new LocalSolvers.Tracked(x -> x[0] <= 0 ? Double.NaN : x[0] * Math.log(x[0]),
                new double[] {-1}, new double[] {3});
        double a = t.value(new double[] {1}), b = t.value(new double[] {2.5});
        double pen = t.value(new double[] {-0.5});
        assertTrue(pen > Math.max(a, b), "penalty " + pen);
        assertTrue(pen < 1e3, "penalty " + pen + " would swamp BOBYQA's quadratic model");
        assertEquals(1, t.best.x()[0]);
    }

    @Test void aResultSaysWhenItDidNotConverge() {
        OptimizationResult r = new OptimizationResult(new double[] {1}, 0, 0, OptimizationResult.Status.OPTIMAL, "bobyqa", 1, false);
        assertTrue(r.toString().contains("not converged"), r.toString());
        assertTrue(new OptimizationResult(new double[] {1}, 0, 0, OptimizationResult.Status.OPTIMAL, "bobyqa", 1).converged());
    }

    /** minimize <g, x> + 1/eps sum x_i log(x_i / x0_i) subject to sum(x) = 1, x >= lo. */
    static OptimizationProblem entropicSimplex(int n, long seed, double lo) {
        java.util.Random r = new java.util.Random(seed);
        double[] g = new double[n], x0 = new double[n];
        for (int i = 0; i < n; i++) { g[i] = r.nextGaussian() * 3; x0[i] = r.nextDouble(); }
        double eps = 0.1 + r.nextDouble() * 5;
        OptimizationProblem p = OptimizationProblem.minimize(n, x -> {
            double s = 0;
            for (int i = 0; i < n; i++) s += g[i] * x[i] + x[i] * Math.log(x[i] / x0[i]) / eps;
            return s;
        });
        p.bounds(lo, Double.POSITIVE_INFINITY);
        p.equality(x -> {
            double s = -1;
            for (double v : x) s += v;
            return s;
        });
        return p;
    }
}
