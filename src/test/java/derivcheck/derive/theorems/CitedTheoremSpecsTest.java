package derivcheck.derive.theorems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.SpecFolder;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Derivations that cite a theorem (src/test/resources/derive/theorems/ and the seed
 * matrix_factorization): derived with every expect verified symbolically, the theorem named on
 * its step with its hypotheses; or declined, with a reason that names what is missing.
 */
class CitedTheoremSpecsTest {
    private static Problem read(Path p) throws IOException {
        ParseResult<Problem> r = SpecReader.read(p);
        assertTrue(r.ok(), r.renderDiagnostics());
        return r.get();
    }

    @TestFactory
    Stream<DynamicTest> eachSpecIsDerivedByTheTheoremOrDeclinedWithItsReason() throws IOException {
        return SpecFolder.of("theorems").atLeast(4)
                .whenDerived((specText, p, d) -> assertTrue(d.steps().stream().anyMatch(s -> s.justification().startsWith("Eckart–Young–Mirsky theorem")
                        && citesTheProblemsOwnSizes(s.justification(), specText)), "the theorem is cited with its hypotheses, in the problem's sizes"))
                .tests();
    }

    @Test
    void theSeedMatrixFactorizationIsDerivedWithoutSizeLimits() throws IOException {
        Problem p = read(Path.of("problems/matrix_factorization.prob"));
        assertTrue(p.assumptions().isEmpty(), "no artificial size limits");
        Engine engine = Engine.standard(Cas.shared());
        Derivation d = engine.derive(p);
        assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
        for (ExpectCheck.Outcome o : ExpectCheck.check(p, d, engine.context(p))) {
            assertEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), () -> o.claim().text() + ": " + o.reason());
        }
    }

    /** "Hypotheses: r <= min(m, n) (…)" where r, m and n are names the spec itself declares. */
    private static boolean citesTheProblemsOwnSizes(String justification, String specText) {
        Matcher h = Pattern.compile("Hypotheses: (\\S+) <= min\\((\\S+), (\\S+)\\) \\(").matcher(justification);
        if (!h.find() || h.group(2).equals(h.group(3))) return false;
        for (int g = 1; g <= 3; g++) {
            if (!Pattern.compile("\\b" + Pattern.quote(h.group(g)) + "\\b").matcher(specText).find()) return false;
        }
        return true;
    }
}
