package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The families of issue 17 (src/test/resources/derive/families/): each spec's first comment says
 * "# expect: derived by STRATEGY" — then it is derived by that strategy, every derived result passes
 * its own numeric check and every expect is verified (and none failed) — or
 * "# expect: declined because WORDS" — then it is not derived, and the reasons say WORDS.
 */
class FamilySpecsTest {
    private static final Pattern EXPECTATION = Pattern.compile("#\\s*expect:\\s*(?:derived by (.+)|declined because (.+))");

    @TestFactory
    Stream<DynamicTest> eachFamilySpecIsDerivedRightOrDeclinedWithItsReason() throws IOException {
        ProblemChecker checker = new ProblemChecker(Engine.standard(Cas.shared()), Optional.of(VerifyOptions.defaults()));
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/derive/families"))) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        assertTrue(specs.size() >= 5, "the families have specs");
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            Matcher m = EXPECTATION.matcher(Files.readString(spec));
            assertTrue(m.find(), "the spec states what must happen");
            ParseResult<Problem> r = SpecReader.read(spec);
            assertTrue(r.ok(), r.renderDiagnostics());
            ProblemReport report = checker.check(r.get());
            Derivation d = report.derivation();
            String notes = String.join("\n", d.notes());
            if (m.group(2) != null) {
                assertNotEquals(Derivation.Status.DERIVED, d.status(), "must not be derived: " + d.results());
                assertTrue(notes.contains(m.group(2).trim()), () -> "the reasons say '" + m.group(2).trim() + "':\n" + notes);
                assertTrue(!report.anyFailed(), "no expect of a declined spec fails");
                return;
            }
            assertEquals(Derivation.Status.DERIVED, d.status(), notes);
            assertEquals(m.group(1).trim(), d.strategy());
            assertTrue(!report.results().isEmpty(), "something is derived");
            for (ResultReport rr : report.results()) {
                assertTrue(rr.numeric().isPresent() && rr.numeric().get().verified(),
                        () -> "result " + rr.result() + ": " + rr.numeric().map(v -> v.reason()).orElse("no check"));
            }
            assertTrue(!report.claims().isEmpty(), "the spec has expects");
            for (ClaimReport c : report.claims()) {
                assertEquals(Verdict.VERIFIED, c.verdict(), () -> c.claim().text() + ": " + c.symbolic().reason()
                        + " / " + c.numeric().map(v -> v.reason()).orElse(""));
            }
        }));
    }
}
