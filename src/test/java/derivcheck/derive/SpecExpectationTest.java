package derivcheck.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one `# expect:` syntax of the test specs: what it reads, what it refuses, and that every spec uses it. */
class SpecExpectationTest {
    private static final Path SPECS = Path.of("src/test/resources/derive");

    @Test
    void derivedByAStrategyWithANamedWrongExpect() {
        SpecExpectation e = SpecExpectation.parse("derived by expectations and variances; not verified: Var[gB] = sigma^2");
        assertEquals(SpecExpectation.Status.DERIVED, e.status());
        assertEquals(Optional.of("expectations and variances"), e.strategy());
        assertEquals(1, e.named().size());
        assertEquals(SpecExpectation.Outcome.NOT_VERIFIED, e.named().get(0).outcome());
        assertTrue(e.namedFor("Var[gB]=sigma^2").isPresent(), "spaces do not matter");
        assertTrue(e.namedFor("Var[gB] = 2*sigma^2").isEmpty());
    }

    @Test
    void derivedWithAnUndecidedExpectAndItsWords() {
        SpecExpectation e = SpecExpectation.parse("derived; undecided: x = max(min(y, lo), hi) because region by region");
        assertEquals(Optional.empty(), e.strategy());
        SpecExpectation.NamedExpect n = e.named().get(0);
        assertEquals(SpecExpectation.Outcome.UNDECIDED, n.outcome());
        assertEquals("x = max(min(y, lo), hi)", n.expect());
        assertEquals(Optional.of("region by region"), n.because());
    }

    @Test
    void declinedByAStrategyBecauseWords() {
        SpecExpectation e = SpecExpectation.parse("declined by KKT core (active sets) because add `positive definite` to H's given");
        assertEquals(SpecExpectation.Status.DECLINED, e.status());
        assertEquals(Optional.of("KKT core (active sets)"), e.strategy());
        assertEquals(Optional.of("add `positive definite` to H's given"), e.because());
        SpecExpectation u = SpecExpectation.parse("undecided because the solution set is a union of 2 intervals");
        assertEquals(SpecExpectation.Status.UNDECIDED, u.status());
        assertEquals(Optional.empty(), u.strategy());
        assertEquals(Optional.of("the solution set is a union of 2 intervals"), u.because());
    }

    @Test
    void theOldSyntaxesAndMalformedLinesAreRefused() {
        for (String old : List.of("strategy affine stationarity", "symbolic verified", "declined \"a phrase\"",
                "derived because reasons", "declined; not verified: x = 1", "derived by x; wrong: x = 1", "derived; not verified: x = 1 because y")) {
            assertThrows(IllegalArgumentException.class, () -> SpecExpectation.parse(old), old);
        }
        assertThrows(IllegalArgumentException.class, () -> SpecExpectation.of("problem p\n  # expect: derived\n  # expect: declined\n"));
        assertThrows(IllegalArgumentException.class, () -> SpecExpectation.of("problem p\n"));
    }

    @Test
    void everyTestSpecThatStatesAnExpectationUsesTheOneSyntaxAndItsFolderIsRunByTheHarness() throws IOException {
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> s = Files.walk(SPECS)) {
            for (Path spec : s.filter(p -> p.toString().endsWith(".prob")).toList()) {
                String text = Files.readString(spec);
                if (!SpecExpectation.stated(text)) continue;
                try {
                    SpecExpectation.of(text);
                } catch (IllegalArgumentException e) {
                    throw new AssertionError(spec + ": " + e.getMessage(), e);
                }
                folders.add(SPECS.relativize(spec.getParent()).toString());
            }
        }
        assertTrue(folders.size() >= 9, "the spec folders: " + folders);
        Set<String> run = new TreeSet<>();
        Pattern harness = Pattern.compile("SpecFolder\\.of\\(\"([^\"]+)\"\\)");
        try (Stream<Path> s = Files.walk(Path.of("src/test/java"))) {
            for (Path java : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = harness.matcher(Files.readString(java));
                while (m.find()) run.add(m.group(1));
            }
        }
        for (String f : folders) assertTrue(run.contains(f), "no test runs the specs of " + f + " (SpecFolder.of(\"" + f + "\"))");
    }
}
