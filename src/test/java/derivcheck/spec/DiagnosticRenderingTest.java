package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import org.junit.jupiter.api.Test;

/** A rendered diagnostic is file:line:col: message, the source line, and a caret under the column. */
class DiagnosticRenderingTest {
    @Test void shapeErrorRendersLocationLineAndCaretUnderlineSpanningTheExpression() {
        ParseResult<Problem> r = Specs.read("problem p\n  dim n, m\n  given x : vector[n]\n  given y : vector[m]\n  minimize <x, y> + 1\n");
        assertEquals("""
                test.prob:5:12: <a, b> needs two vectors of one size, not a vector in R^n and a vector in R^m
                      minimize <x, y> + 1
                               ^~~~~~
                """, r.renderDiagnostics());
    }

    @Test void unknownNameCaretSitsUnderTheNameAtItsColumn() {
        ParseResult<Problem> r = Specs.read("problem p\n  dim n\n  given theta : vector[n]\n  minimize 2 * ||thetta||^2\n");
        String[] lines = r.renderDiagnostics().split("\n");
        assertEquals("test.prob:4:18: unknown name 'thetta'; did you mean 'theta'?", lines[0]);
        assertEquals("      minimize 2 * ||thetta||^2", lines[1]);
        assertEquals(lines[1].indexOf("thetta"), lines[2].indexOf('^'));
        assertEquals("^~~~~~", lines[2].trim());
    }

    @Test void syntaxErrorAtTheEndOfTheFileQuotesTheLastLineWithTheCaretAfterItsLastToken() {
        ParseResult<Problem> r = Specs.read("problem p\n  given a : real\n  minimize a +\n\n");
        String[] lines = r.renderDiagnostics().split("\n");
        assertEquals("test.prob:3:15: unexpected end of file; expected an expression or another item", lines[0]);
        assertEquals("      minimize a +", lines[1]);
        assertEquals(lines[1].length(), lines[2].indexOf('^'));
    }

    @Test void tabsInTheSourceLineAreShownAsSpacesSoTheCaretLinesUp() {
        ParseResult<Problem> r = Specs.read("problem p\n\tlet e = q\n");
        String[] lines = r.renderDiagnostics().split("\n");
        assertEquals("test.prob:2:10: unknown name 'q'", lines[0]);
        assertEquals(lines[1].indexOf('q'), lines[2].indexOf('^'));
    }

    @Test void everyDiagnosticOfASpecIsRendered() {
        ParseResult<Problem> r = Specs.read("problem p\n  let e = q\n  let f = w\n");
        String out = r.renderDiagnostics();
        assertEquals(6, out.split("\n").length);
        assertEquals(2, out.lines().filter(l -> l.startsWith("test.prob:")).count());
    }
}
