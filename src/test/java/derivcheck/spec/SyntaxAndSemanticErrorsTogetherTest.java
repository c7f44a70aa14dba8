package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import org.junit.jupiter.api.Test;

/** A spec with a syntax error still gets the semantic errors of its other items, each at its position, in one run. */
class SyntaxAndSemanticErrorsTogetherTest {
    private static String errors(String spec) {
        ParseResult<Problem> r = SpecReader.read(new SourceText("t.prob", spec));
        assertFalse(r.ok());
        return r.renderDiagnostics();
    }

    @Test void aSyntaxErrorAndTwoUnknownNamesAreReportedTogetherInFileOrder() {
        String e = errors("problem bad\n  dim n\n  given x : vector[n\n  given y : real\n  let L = cosh(y) + foo(y)\n"
                + "  find grad(L, y)\n  expect grad(L, y) = sinh(q)\n");
        assertTrue(e.contains("t.prob:4:3: unexpected 'given'"), e);
        assertTrue(e.contains("t.prob:5:21: unknown function 'foo'"), e);
        assertTrue(e.contains("t.prob:7:28: unknown name 'q'"), e);
        assertTrue(e.indexOf("4:3") < e.indexOf("5:21") && e.indexOf("5:21") < e.indexOf("7:28"), e);
    }

    @Test void aNameDeclaredInTheBrokenItemIsNotReportedUnknown() {
        String e = errors("problem bad\n  dim n\n  given x : vector[n\n  given y : real\n  find grad(L, y)\n  let L = y*sum(x)\n");
        assertFalse(e.contains("unknown name 'x'"), e);
        assertTrue(e.contains("t.prob:4:3"), e);
    }
}
