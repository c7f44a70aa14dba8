package derivcheck.derive.moments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.SpecFixtures;
import derivcheck.derive.Step;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Expectations, variances, conditions and identities beyond the seeds
 * (src/test/resources/derive/moments/): each spec states in a comment the strategy that must
 * derive it ("# expect: strategy NAME"), optionally an expect that must NOT be verified
 * ("; not verified: RELATION"), or that it must stay undecided ("# expect: undecided").
 * Every other expect must be verified symbolically.
 */
class MomentsSpecsTest {
    private static final Pattern EXPECTATION = Pattern.compile("#\\s*expect:\\s*(undecided|strategy ([^;\\n]+))(?:;\\s*not verified:\\s*(.+))?");

    private static Problem read(Path spec) throws IOException { return SpecFixtures.read(spec); }

    @TestFactory
    Stream<DynamicTest> eachMomentSpecIsDerivedByItsStrategyAndOnlyItsCorrectExpectsVerify() throws IOException {
        Engine engine = Engine.standard(Cas.shared());
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/derive/moments"))) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        assertTrue(specs.size() >= 8);
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            Matcher m = EXPECTATION.matcher(Files.readString(spec));
            assertTrue(m.find(), "the spec states what must happen");
            Problem p = read(spec);
            Derivation d = engine.derive(p);
            if (m.group(1).equals("undecided")) {
                assertEquals(Derivation.Status.UNDECIDED, d.status(), () -> String.join("\n", d.notes()));
                return;
            }
            assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
            assertEquals(m.group(2).trim(), d.strategy());
            String wrong = m.group(3) == null ? null : m.group(3).trim();
            for (ExpectCheck.Outcome o : ExpectCheck.check(p, d, engine.context(p))) {
                String text = TextPrinter.print(o.claim().relations());
                if (wrong != null && text.replace(" ", "").equals(TextPrinter.print(
                        read(spec).expects().stream().filter(c -> c.text().replace(" ", "").contains(wrong.replace(" ", "")))
                                .findFirst().orElseThrow().relations()).replace(" ", ""))) {
                    assertNotEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), "a wrong expect must not verify: " + text);
                } else {
                    assertEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), () -> text + ": " + o.reason());
                }
            }
        }));
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
