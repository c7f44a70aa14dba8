package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every show and expect in problems/ verifies numerically and every mistake is caught. A claim
 * no numeric check applies to yet must be listed in {@link #KNOWN_UNDECIDED} with the reason;
 * the list can only shrink (a listed claim that now verifies fails the test too).
 */
class ProblemsVerifyTest {
    /** "problem:line" of claims that stay undecided, and why. Empty: every claim is decided. */
    static final Map<String, String> KNOWN_UNDECIDED = Map.of();

    @TestFactory
    Stream<DynamicTest> everyExpectAndShowVerifiesAndEveryMistakeIsCaught() {
        List<Path> files = VerifyTesting.problems();
        assertFalse(files.isEmpty(), "no problems found (run from the project root)");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Problem p = VerifyTesting.file(f);
            List<String> wrong = new ArrayList<>();
            for (NumericVerifier.ClaimReport c : NumericVerifier.of(p, VerifyTesting.FAST).verifyAll()) {
                String key = p.name() + ":" + c.claim().pos().line();
                boolean listed = KNOWN_UNDECIDED.containsKey(key);
                if (c.kind().equals("mistake")) {
                    if (!c.verdict().failed()) wrong.add(key + " mistake not caught: " + c.verdict().verdict() + " " + c.verdict().reason());
                    else if (c.verdict().counterexample().isEmpty()) wrong.add(key + " mistake caught without a counterexample");
                } else if (c.verdict().undecided() && !listed) {
                    wrong.add(key + " " + c.kind() + " undecided: " + c.verdict().reason());
                } else if (c.verdict().failed()) {
                    wrong.add(key + " " + c.kind() + " failed: " + c.verdict().reason() + "\n   " + c.verdict().counterexample().orElseThrow());
                } else if (listed && c.verdict().verified()) {
                    wrong.add(key + " is listed as known-undecided but now verifies: remove it from the list");
                }
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        }));
    }

    @Test
    void theSameSeedGivesTheSameVerdictsAndErrors() {
        Problem p = VerifyTesting.file(Path.of("problems/prox_weight_decay.prob"));
        var a = NumericVerifier.of(p, VerifyTesting.FAST).verifyAll();
        var b = NumericVerifier.of(p, VerifyTesting.FAST).verifyAll();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).verdict().toMap().toString(), b.get(i).verdict().toMap().toString());
        }
    }
}
