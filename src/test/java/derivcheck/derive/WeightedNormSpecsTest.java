package derivcheck.derive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.numeric.verify.VerifyOptions;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Weighted norms ‖v‖_D = sqrt(v'Dv), D positive definite (src/test/resources/derive/weighted/): weighted
 * least squares and the weighted proximal step by stationarity (‖v‖_D² read as v'Dv), the projection
 * onto a D-ball declined. Run by the spec-folder harness ({@link SpecFolder}) with the numeric check;
 * "# cites: THEOREM" means a step cites that theorem with its hypotheses.
 */
class WeightedNormSpecsTest {
    private static final Pattern CITES = Pattern.compile("#\\s*cites:\\s*(.+)");

    @TestFactory
    Stream<DynamicTest> eachWeightedNormSpecIsDerivedAndVerifiedOrDeclinedWithItsReason() throws IOException {
        return SpecFolder.of("weighted").atLeast(4).declinedAtLeast(1)
                .numeric(VerifyOptions.defaults().withSamples(6).withSeed(5))
                .whenDerived((text, p, d) -> {
                    Matcher cites = CITES.matcher(text);
                    if (cites.find()) {
                        String theorem = cites.group(1).trim();
                        assertTrue(d.steps().stream().anyMatch(s -> s.rule().equals("theorem") && s.justification().contains(theorem + ": ")
                                        && s.justification().contains("Hypotheses: ")),
                                () -> "a step cites " + theorem + " with its hypotheses: " + d.steps());
                    }
                }).tests();
    }
}
