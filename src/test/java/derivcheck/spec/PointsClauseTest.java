package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import org.junit.jupiter.api.Test;

class PointsClauseTest {
    private static ParseResult<Problem> read(String text) { return SpecReader.read(new SourceText("p.prob", text)); }

    @Test void aFindMayCarryGradingPoints() {
        ParseResult<Problem> r = read("""
                problem p
                  dim n
                  given g : vector[n]
                  given eps : real where eps > 0
                  find theta : vector[n] latex "\\\\theta" points 2.5
                  minimize <g, theta> + 1/(2*eps)*||theta||^2
                  expect theta = -eps*g
                """);
        assertTrue(r.ok(), r.renderDiagnostics());
        assertEquals(1, r.get().points().size());
        assertEquals("theta", TextPrinter.print(r.get().points().get(0).target()));
        assertEquals(2.5, r.get().points().get(0).value());
    }

    @Test void targetsOfAComputeFindShareItsPoints() {
        ParseResult<Problem> r = read("""
                problem q
                  dim n
                  given x : vector[n]
                  let y = 2*x
                  given g = grad(L, y)
                  find grad(L, x) points 3
                  expect grad(L, x) = 2*g
                """);
        assertTrue(r.ok(), r.renderDiagnostics());
        assertEquals(3.0, r.get().points().get(0).value());
    }

    @Test void withoutAPointsClauseThereAreNone() {
        ParseResult<Problem> r = read("""
                problem p
                  given a : real where a > 0
                  find x : real
                  minimize (x - a)^2
                  expect x = a
                """);
        assertTrue(r.ok(), r.renderDiagnostics());
        assertTrue(r.get().points().isEmpty());
    }

    @Test void pointsWithoutANumberIsASyntaxErrorWhereTheNumberShouldBe() {
        ParseResult<Problem> r = read("problem p\n  find x : real points\n  minimize x^2\n");
        assertTrue(!r.ok());
        // reported at the token found instead of the number
        assertEquals(3, r.diagnostics().get(0).pos().line());
        assertTrue(r.diagnostics().get(0).message().contains("minimize"), r.diagnostics().get(0).message());
    }
}
