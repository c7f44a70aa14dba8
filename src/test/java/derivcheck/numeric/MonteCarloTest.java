package derivcheck.numeric;

import static derivcheck.numeric.Ex.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.junit.jupiter.api.Test;

class MonteCarloTest {
    @Test
    void meanOfNormalSamplesAgreesWithTrueMeanAndRejectsWrongOne() {
        Rng r = new Rng(31);
        Estimate e = MonteCarlo.mean(20000, () -> r.normal(1.5, 2.0));
        assertTrue(e.agreesWith(1.5), e.toString());
        assertEquals(2.0 / Math.sqrt(20000), e.stdError(), 0.05 * 2.0 / Math.sqrt(20000));
        assertFalse(e.agreesWith(1.6), "z = " + e.zScore(1.6));
    }

    @Test
    void varianceOfExponentialSamplesAgreesWithOneAndRejectsWrongValue() {
        Rng r = new Rng(32);
        ExponentialDistribution d = new ExponentialDistribution(r.generator(), 1.0);
        Estimate v = MonteCarlo.variance(40000, d::sample);
        assertTrue(v.agreesWith(1.0), v.toString());
        // Var of s^2 for Exp(1) is (mu4 - 1)/n = 8/n
        assertEquals(Math.sqrt(8.0 / 40000), v.stdError(), 0.25 * Math.sqrt(8.0 / 40000));
        assertFalse(v.agreesWith(1.2), "z = " + v.zScore(1.2));
    }

    @Test
    void varianceOfRandomLinearLayerOutputIsNTimesWeightVarTimesInputVar() {
        // y = sum_i w_i x_i with w_i ~ N(0, sw^2), x_i ~ N(0, sx^2) independent: Var[y] = n sw^2 sx^2
        int n = 5;
        double sw = 0.7, sx = 1.3;
        Sym w = vec("w", "n"), x = vec("x", "n");
        Compiled y = Compiler.compile(inner(w, x));
        Rng rw = new Rng(33).fork("w"), rx = new Rng(33).fork("x");
        Env env = new Env().size("n", n);
        Estimate v = MonteCarlo.variance(40000, () -> {
            double[] wv = new double[n], xv = new double[n];
            for (int i = 0; i < n; i++) {
                wv[i] = rw.normal(0, sw);
                xv[i] = rx.normal(0, sx);
            }
            return y.evaluateScalar(env.setVector("w", wv).setVector("x", xv));
        });
        double claimed = n * sw * sw * sx * sx;
        assertTrue(v.agreesWith(claimed), v + " vs " + claimed);
        assertFalse(v.agreesWith(n * sw * sx), "a wrong formula (n sw sx) must be detected: z = " + v.zScore(n * sw * sx));
    }

    @Test
    void entrywiseMeansOfVectorSamples() {
        Rng r = new Rng(34);
        Estimate[] e = MonteCarlo.meanEach(20000, () -> new double[] {r.uniform(), r.normal(-1, 1)});
        assertTrue(e[0].agreesWith(0.5));
        assertTrue(e[1].agreesWith(-1));
        Estimate[] v = MonteCarlo.varianceEach(20000, () -> new double[] {r.uniform(), r.normal(-1, 3)});
        assertTrue(v[0].agreesWith(1 / 12.0), v[0].toString());
        assertTrue(v[1].agreesWith(9), v[1].toString());
    }

    @Test
    void deterministicSamplesHaveZeroErrorAndOnlyExactAgreement() {
        Estimate e = MonteCarlo.mean(10, () -> 0.1 + 0.2);
        assertEquals(0, e.stdError(), 0);
        assertTrue(e.agreesWith(0.3));
        assertFalse(e.agreesWith(0.31));
        assertEquals(0, MonteCarlo.zScore(e, 0.1 + 0.2), 0);
    }

    @Test
    void zScoreLimitIsFive() {
        Estimate e = new Estimate(1.0, 0.1, 100);
        assertEquals(4.9, e.zScore(0.51), 1e-9);
        assertTrue(MonteCarlo.agrees(e, 0.51));
        assertFalse(MonteCarlo.agrees(e, 0.49));
        assertFalse(new Estimate(Double.NaN, 0.1, 10).agreesWith(0));
        Expr unused = s("a");
        assertNotNull(unused);
    }
}
