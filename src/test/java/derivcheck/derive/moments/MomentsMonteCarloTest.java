package derivcheck.derive.moments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.derive.SpecFixtures;
import derivcheck.expr.Expectation;
import derivcheck.expr.Variance;
import derivcheck.model.Problem;
import derivcheck.numeric.Compiled;
import derivcheck.numeric.Env;
import derivcheck.numeric.Estimate;
import derivcheck.numeric.MonteCarlo;
import derivcheck.numeric.Rng;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Derived moments against Monte Carlo at concrete values (independent of the derivation). */
class MomentsMonteCarloTest {
    private static Result result(Derivation d, Class<?> kind) {
        return d.results().stream().filter(r -> kind.isInstance(r.target())).findFirst().orElseThrow();
    }

    @Test
    void productOfIndependentFactorsWithNonzeroMeansMatchesMonteCarlo() throws Exception {
        Problem p = SpecFixtures.read(Path.of("src/test/resources/derive/moments/product_nonzero_means.prob"));
        Derivation d = Engine.standard(Cas.shared()).derive(p);
        assertEquals(Derivation.Status.DERIVED, d.status());
        double mu = 1.5, nu = -0.7, s = 0.8, t = 1.3;
        Env env = new Env().set("mu", mu).set("nu", nu).set("s", s).set("t", t);
        double var = Compiled.of(result(d, Variance.class).value()).evaluateScalar(env);
        double mean = Compiled.of(result(d, Expectation.class).value()).evaluateScalar(env);
        Rng rng = new Rng(7);
        // normal draws are one distribution with these two moments; the formula needs only them
        double[] z = new double[200_000];
        for (int i = 0; i < z.length; i++) z[i] = rng.normal(mu, s) * rng.normal(nu, t);
        Estimate em = MonteCarlo.mean(z);
        Estimate ev = MonteCarlo.variance(z);
        assertTrue(MonteCarlo.agrees(em, mean), em + " vs " + mean);
        assertTrue(MonteCarlo.agrees(ev, var), ev + " vs " + var);
        // Var[X]Var[Y] would be wrong here
        assertTrue(!MonteCarlo.agrees(ev, s * s * t * t), "Var X * Var Y is not the variance when the means are not 0");
    }

    @Test
    void bernoulliMaskedSumMatchesMonteCarlo() throws Exception {
        Problem p = SpecFixtures.read(Path.of("src/test/resources/derive/moments/masked_sum.prob"));
        Derivation d = Engine.standard(Cas.shared()).derive(p);
        assertEquals(Derivation.Status.DERIVED, d.status());
        double q = 0.3;
        double[] c = {0.5, -1.2, 2.0, 0.7};
        Env env = new Env().size("n", c.length).set("q", q).setVector("c", c);
        double var = Compiled.of(result(d, Variance.class).value()).evaluateScalar(env);
        double mean = Compiled.of(result(d, Expectation.class).value()).evaluateScalar(env);
        Rng rng = new Rng(11);
        double[] x = new double[200_000];
        for (int k = 0; k < x.length; k++) {
            double sum = 0;
            for (double ci : c) sum += (rng.uniform() < q ? 1 : 0) * ci;
            x[k] = 2 / q * sum;
        }
        assertTrue(MonteCarlo.agrees(MonteCarlo.mean(x), mean), MonteCarlo.mean(x) + " vs " + mean);
        assertTrue(MonteCarlo.agrees(MonteCarlo.variance(x), var), MonteCarlo.variance(x) + " vs " + var);
    }
}
