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

/** A syntax error in a form new authors write says, with their own names, the form the language has. */
class MistakenFormsTest {
    private static Diagnostic only(String text) {
        ParseResult<Problem> r = SpecReader.read(new SourceText("t.prob", text));
        assertFalse(r.ok(), "the spec has errors");
        List<Diagnostic> ds = r.diagnostics();
        assertEquals(1, ds.size(), r.renderDiagnostics());
        return ds.get(0);
    }

    @Test void aGradientAskedInWordsIsShownAsLetAndFindGrad() {
        Diagnostic d = only("""
                problem p
                  dim n
                  given x : vector[n]
                  given y : real
                  find gradient of log(1 + exp(-y*w'*x)) wrt w : vector[n]
                """);
        assertEquals(5, d.pos().line());
        assertEquals(17, d.pos().col());
        assertEquals("unexpected 'of'; a gradient is asked of a named scalar, its variable declared as data: "
                + "'given w : vector[n]', 'let L = log(1 + exp(-y*w'*x))', 'find grad(L, w)', then 'expect grad(L, w) = …'",
                d.message());
    }

    @Test void aHessianAskedInWordsIsShownAsGradOfGrad() {
        Diagnostic d = only("problem p\n  given a : real\n  find hessian of a*w^2 wrt w\n");
        assertTrue(d.message().startsWith("unexpected 'of'; a Hessian is asked"), d.message());
        assertTrue(d.message().contains("'find grad(grad(L, w), w)'"), d.message());
    }

    @Test void theVariableWrittenAfterGradGoesInsideIt() {
        Diagnostic d = only("problem p\n  dim n\n  given x : vector[n]\n  let L = <x, x>\n  find grad(L) wrt x\n");
        assertEquals(5, d.pos().line());
        assertEquals(16, d.pos().col());
        assertEquals("unexpected 'wrt'; the variable of a gradient is grad's second argument: 'find grad(L, x)'", d.message());
    }

    @Test void aLawAfterTheColonPointsToTheShapeAndIid() {
        Diagnostic d = only("problem p\n  given p : real where p > 0, p < 1\n  random m : bernoulli(p)\n");
        assertEquals(3, d.pos().line());
        assertEquals(14, d.pos().col());
        assertEquals("unexpected 'bernoulli'; a random variable is declared with its shape, then its law: "
                + "'random m : real bernoulli(p)', or 'random m : vector[n] iid bernoulli(p)' for a vector of independent entries",
                d.message());
    }

    @Test void aTildeForDistributedAsPointsToTheSameForm() {
        Diagnostic d = only("problem p\n  random z ~ normal(0, 1)\n");
        assertEquals(12, d.pos().col());
        assertTrue(d.message().startsWith("unexpected character '~'; a random variable is declared with its shape, then its law: "
                + "'random z : real normal(0, 1)'"), d.message());
    }

    @Test void aSetForAShapeIsShownAsTheShape() {
        assertEquals("unexpected 'R'; a shape is written 'real', 'vector[n]' or 'matrix[m, n]': 'given a : vector[n]'",
                only("problem p\n  dim n\n  given a : R^n\n").message());
        assertTrue(only("problem p\n  dim m, n\n  given A : R^{m x n}\n").message().endsWith("'given A : matrix[m, n]'"));
    }

    @Test void anUnknownInASetIsShownWithItsShape() {
        Diagnostic d = only("problem p\n  dim n\n  find x in R^n\n  minimize ||x||^2\n");
        assertEquals(10, d.pos().col());
        assertTrue(d.message().startsWith("unexpected 'in'; an unknown is declared with its shape: 'find x : vector[n]'"), d.message());
    }

    @Test void aConstraintOnTheObjectiveLineIsShownAsSubjectTo() {
        Diagnostic d = only("problem p\n  dim n\n  given a : vector[n]\n  find x : vector[n]\n  minimize ||x - a||^2 s.t. x >= 0\n");
        assertEquals(24, d.pos().col());
        assertEquals("unexpected 's'; constraints are an item of their own, on the next line: 'subject to x >= 0'", d.message());
    }

    @Test void anErrorOfNoKnownFormKeepsTheListOfWhatWasExpected() {
        Diagnostic d = only("problem p\n  given a : real\n  random m : real iid\n");
        assertFalse(d.message().contains("a random variable is declared"), d.message());
        assertTrue(d.message().contains("expected"), d.message());
    }

    @Test void everyFormOfTheTableHasAHintThatFires() {
        assertEquals(6, MistakenForms.TABLE.size(), "a new form gets a test here");
    }
}
