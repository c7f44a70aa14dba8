package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in specs/bad/ is a malformed spec named for what it proves; its first line says
 * where the error is and what the message says: {@code # expect LINE:COL: message part}.
 */
class MalformedSpecTest {
    private static final Pattern EXPECT = Pattern.compile("# expect (\\d+):(\\d+): (.*)");

    static Path badDir() throws URISyntaxException {
        return Path.of(MalformedSpecTest.class.getResource("/specs/bad").toURI());
    }

    static Stream<Path> badSpecs() throws IOException, URISyntaxException {
        return Files.list(badDir()).filter(p -> p.toString().endsWith(".prob")).sorted();
    }

    @Test void thereAreAtLeastTwentyFiveMalformedSpecs() throws Exception {
        assertTrue(badSpecs().count() >= 25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void malformedSpecIsRejectedWithTheExpectedMessageAtTheExpectedPlace(Path file) throws IOException {
        String text = Files.readString(file);
        Matcher m = EXPECT.matcher(text.lines().findFirst().orElse(""));
        assertTrue(m.matches(), "first line must be '# expect LINE:COL: message'");
        ParseResult<Problem> r = SpecReader.read(file);
        assertFalse(r.ok(), "should be rejected");
        Diagnostic first = r.diagnostics().get(0);
        String where = r.renderDiagnostics();
        assertTrue(first.message().contains(m.group(3)), "message: " + where);
        assertEquals(Integer.parseInt(m.group(1)), first.pos().line(), "line: " + where);
        assertEquals(Integer.parseInt(m.group(2)), first.pos().col(), "column: " + where);
        assertEquals(file.toString(), first.pos().file());
        for (Diagnostic d : r.diagnostics()) {
            assertFalse(d.message().contains("internal error"), where);
            assertFalse(d.message().contains("#I"), "no placeholder names leak out: " + where);
        }
    }

    @Test void severalIndependentErrorsAreAllReportedSortedByPosition() {
        ParseResult<Problem> r = Specs.read("""
                problem p
                  dim n
                  given x : vector[n]
                  given y : vector[n]
                  expect x = q
                  given x : real
                  minimize ||z||^2
                  let s = foo(x)
                  assume <x, y> = 0, y^2 = 1
                """);
        List<String> got = r.diagnostics().stream()
                .map(d -> d.pos().line() + ":" + d.pos().col() + " " + d.message().split(";")[0]).toList();
        assertEquals(List.of(
                "5:14 unknown name 'q'",
                "6:9 'x' is already declared (line 3)",
                "7:14 unknown name 'z'",
                "8:11 unknown function 'foo'",
                "9:22 cannot raise a vector to a power"), got);
    }

    @Test void errorsOnOneLineAreSortedByColumn() {
        ParseResult<Problem> r = Specs.read("problem p\n  let f = w  let e = q\n");
        assertEquals(List.of(11, 22), r.diagnostics().stream().map(d -> d.pos().col()).toList());
    }

    @Test void aDeclarationThatFailsDoesNotCauseAnInternalError() {
        ParseResult<Problem> r = Specs.read("problem p\n  given y : vector[0] in (0, 1) where y > 0\n  random z : vector[q] iid mean 0 var 1\n");
        assertFalse(r.ok());
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.message().contains("internal error")), r.renderDiagnostics());
    }

    @Test void definitionsThatDependOnEachOtherAreRejected() {
        ParseResult<Problem> r = Specs.read("problem p\n  given a : real\n  let a1 = a2 + a\n  let a2 = a1 * 2\n");
        assertEquals(1, r.diagnostics().size(), r.renderDiagnostics());
        assertTrue(r.diagnostics().get(0).message().contains("used in its own definition"));
    }

    @Test void shortUnknownNamesGetNoFarFetchedSuggestion() {
        ParseResult<Problem> r = Specs.read("problem p\n  given x : real\n  let e = q + x\n");
        assertEquals("unknown name 'q'", r.diagnostics().get(0).message());
    }

    @Test void aSpecWithErrorsHasNoValue() {
        ParseResult<Problem> r = Specs.read("problem p\n  let e = q\n");
        assertFalse(r.ok());
        assertTrue(r.value().isEmpty());
    }
}
