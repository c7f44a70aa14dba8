package derivcheck.derive.moments;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.derive.Derivation;
import derivcheck.derive.SpecFixtures;
import derivcheck.derive.SpecFolder;
import derivcheck.derive.Step;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Expectations, variances, conditions and identities beyond the seeds
 * (src/test/resources/derive/moments/, run by the one spec-folder harness {@link SpecFolder}: each
 * spec names the strategy that must derive it, and an expect that must not verify), and the seeds
 * whose moments are derived with every expect verified.
 */
class MomentsSpecsTest {
    private static Problem read(Path spec) throws IOException { return SpecFixtures.read(spec); }

    @TestFactory
    Stream<DynamicTest> eachMomentSpecIsDerivedByItsStrategyAndOnlyItsCorrectExpectsVerify() throws IOException {
        return SpecFolder.of("moments").atLeast(8).tests();
    }

    @Test
    void nodeStatisticsGivesMeanZeroAndVarianceNSigmaTildeSquaredSigmaSquaredUsingSecondMomentsNotVarTimesVar() throws IOException {
        Problem p = read(Path.of("problems/node_statistics.prob"));
        Derivation d = verifiedSeed(p, "expectations and variances");
        String steps = d.steps().stream().map(s -> DerivationTextOf.step(s)).reduce("", String::concat);
        assertTrue(steps.contains("E[w_i^2]*E[x_i^2] - E[w_i]^2*E[x_i]^2"), steps);
    }

    @Test
    void noisyQuadraticMinibatchVarianceIsSigmaSquaredOverB() throws IOException {
        verifiedSeed(read(Path.of("problems/noisy_quadratic_batch.prob")), "expectations and variances");
    }

    @Test
    void dropoutMeanAndVarianceDeriveAndTheBiasVarianceIdentityIsProvenForAnyRandomY() throws IOException {
        Derivation d = verifiedSeed(read(Path.of("problems/dropout_bias_variance.prob")), "expectations and variances");
        assertTrue(d.steps().stream().anyMatch(s -> s.rule().equals("identity")));
    }

    @Test
    void gaussianNoiseMatchesDropoutForSigmaSqrtOfOneMinusPOverP() throws IOException {
        verifiedSeed(read(Path.of("problems/dropout_gaussian_noise.prob")), "condition on an unknown");
    }

    private static Derivation verifiedSeed(Problem p, String strategy) { return SpecFixtures.verifiedSeed(p, strategy); }

    /** Steps as text, for assertions about what a step shows. */
    static final class DerivationTextOf {
        static String step(Step s) {
            StringBuilder b = new StringBuilder(s.rule()).append(": ");
            s.math().forEach(r -> b.append(TextPrinter.print(r)).append("; "));
            return b.append('\n').toString();
        }
    }
}
