package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every syntax error of a file in one run, each at its position; errors that say what to write instead. */
class ErrorsPointToTheFixTest {
    private static List<Diagnostic> errors(String text) {
        ParseResult<Problem> r = SpecReader.read(new SourceText("t.prob", text));
        assertFalse(r.ok(), "the spec has errors");
        return r.diagnostics();
    }

    @Test void everyItemsSyntaxErrorIsReportedAtItsPositionWithoutFollowOnErrors() {
        List<Diagnostic> ds = errors("""
                problem bad
                  dim n
                  given x : vector[n]
                  given a : real where a >
                  find y : vector[n]
                  minimize ||y - x||^2 + * a
                  expect y = x +
                """);
        assertEquals(3, ds.size(), ds.toString());
        assertEquals(List.of(5, 6, 7), ds.stream().map(d -> d.pos().line()).toList(), ds.toString());
        assertEquals(3, ds.get(0).pos().col(), "an unfinished item is reported where the next one starts");
        assertEquals(26, ds.get(1).pos().col());
        assertTrue(ds.get(1).message().startsWith("unexpected '*'"), ds.get(1).message());
    }

    @Test void aGoodFileStillReadsAndOneErrorIsOneDiagnostic() {
        assertEquals(1, errors("""
                problem p
                  dim n
                  given x : vector[n]
                  find y : vector[n]
                  minimize ||y - x||^2 + + 
                """).size());
    }

    @Test void aBareLineSaysWhichItemsExist() {
        List<Diagnostic> ds = errors("""
                problem p
                  dim n
                  given x : vector[n]
                  find y : vector[n]
                  minimize ||y - x||^2
                  g = grad(L, y)
                """);
        assertEquals(1, ds.size(), ds.toString());
        String m = ds.get(0).message();
        assertEquals(6, ds.get(0).pos().line());
        assertTrue(m.contains("does not start an item") && m.contains("let g = …") && m.contains("given g = grad(L, y)"), m);
    }

    @Test void aWrongTargetSaysWhatTheProblemAsksForAndHowItIsWritten() {
        List<Diagnostic> ds = errors("""
                problem p
                  dim n
                  given x, theta : vector[n]
                  find delta : vector[n]   latex "\\delta"
                  minimize ||delta - x||^2
                  expect thetta = x
                """);
        String m = ds.get(0).message();
        assertTrue(m.startsWith("unknown name 'thetta'"), m);
        assertTrue(m.contains("'expect delta = …' (printed \\delta)"), m);
    }
}
