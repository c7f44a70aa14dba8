package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Sym;
import derivcheck.model.MatrixProperty;
import derivcheck.model.Problem;
import derivcheck.render.ProblemPrinter;
import derivcheck.source.ParseResult;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Matrix properties in `given`: read as phrases, closed under implication, printed back, errors with positions. */
class MatrixPropertiesSpecTest {
    private static final String HEAD = """
            problem t
              dim n, d
            """;

    private static Sym sym(Problem p, String name) { return p.symbol(name).orElseThrow(); }

    @Test
    void phrasesAreReadAndImplicationsFollow() {
        Problem p = Specs.parse(HEAD + """
                  given H : matrix[n, n] symmetric positive definite   latex "H"
                  given P : matrix[n, n] positive semidefinite
                  given D : matrix[n, n] diagonal positive definite
                  given X : matrix[n, d] full column rank
                  given A : matrix[n, n]
                """);
        assertTrue(p.isPositiveDefinite(sym(p, "H")));
        assertTrue(p.isSymmetric(sym(p, "H")) && p.isInvertible(sym(p, "H")));
        assertFalse(p.isPositiveDefinite(sym(p, "P")));
        assertTrue(p.isPositiveSemidefinite(sym(p, "P")) && p.isSymmetric(sym(p, "P")));
        assertTrue(p.isDiagonal(sym(p, "D")) && p.isPositiveDefinite(sym(p, "D")) && p.isSymmetric(sym(p, "D")));
        assertTrue(p.hasFullColumnRank(sym(p, "X")));
        assertFalse(p.isInvertible(sym(p, "X")));
        assertEquals(EnumSet.noneOf(MatrixProperty.class), p.properties("A"));
        assertEquals(6, p.matrixFacts().size(), "one fact per phrase as written");
    }

    @Test
    void symmetryDropsTransposesOfSymmetricMatricesOnly() {
        Problem p = Specs.parse(HEAD + """
                  given H : matrix[n, n] symmetric
                  given A : matrix[n, n]
                  given x : vector[n]
                  let e = x'*H'*x + x'*A'*x + x'*inv(H)'*x
                """);
        assertEquals("x'*H*x + x'*A'*x + x'*inv(H)*x",
                derivcheck.expr.TextPrinter.print(p.withSymmetry(p.let("e").orElseThrow().body())));
    }

    @Test
    void propertyWordsStayUsableAsNamesAndArePrintedBack() {
        Problem p = Specs.parse(HEAD + """
                  given rank, full : real
                  given H : matrix[n, n] positive definite
                """);
        assertTrue(ProblemPrinter.print(p).contains("given H : matrix[n,n] positive definite"), ProblemPrinter.print(p));
    }

    @Test
    void errorsSayWhatIsWrongWhere() {
        String[][] bad = {
                {"  given x : vector[n] symmetric\n", "test.prob:3:23: only a matrix has properties such as 'symmetric'"},
                {"  given H : matrix[n, n] symmetric definite\n", "test.prob:3:36: 'definite' is not a matrix property; known: symmetric, positive definite"},
                {"  given X : matrix[n, d] positive definite\n", "test.prob:3:26: 'positive definite' needs a square matrix"},
        };
        for (String[] b : bad) {
            ParseResult<Problem> r = Specs.read(HEAD + b[0]);
            assertFalse(r.ok(), b[0]);
            assertTrue(r.renderDiagnostics().contains(b[1]), r.renderDiagnostics());
        }
    }
}
