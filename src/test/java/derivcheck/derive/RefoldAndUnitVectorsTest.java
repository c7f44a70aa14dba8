package derivcheck.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import derivcheck.cas.Cas;
import derivcheck.derive.backprop.UnitVectors;
import derivcheck.expr.Expr;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import derivcheck.spec.Specs;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "simplify to the form a sheet prints": definitions fold back into results (Refold), and sums pinned by
 * an Iverson bracket collapse onto unit vectors only where the range of the index is decided (UnitVectors).
 */
class RefoldAndUnitVectorsTest {
    private static final Engine ENGINE = Engine.standard(Cas.shared());

    private static Problem spec(String decls, String result) {
        return Specs.parse(decls + "  let r = " + result + "\n");
    }

    private static String refolded(String decls, String result) {
        Problem p = spec(decls, result);
        Expr value = Lets.inline(p, p.let("r").orElseThrow().body());
        return TextPrinter.print(Refold.lets(p, value, ENGINE.context(p), Set.of("r")));
    }

    private static final String GRAM = """
            problem t
              dim m, n
              given B : matrix[m, n]
              given b, x : vector[n]
              given eta : real where eta > 0
              let H = B'*B
              let g = H*x - b
            """;

    @Test void aResultExpandedInBIsWrittenInTheGramMatrixAndTheResidual() {
        assertEquals("x - eta*g", refolded(GRAM, "x + eta*b - eta*B'*B*x"));
        assertEquals("g", refolded(GRAM, "B'*B*x - b"));
        assertEquals("H*b + x", refolded(GRAM, "x + B'*B*b"));
    }

    private static final String ATTENTION = """
            problem t
              dim n, j
              dim m >= j
              given K : matrix[m, n]
              given q : vector[n]
              given c : real
              let a = softmax(K*q/sqrt(n))
            """;

    @Test void aScalarEveryTermOfAFoldedVectorSumHasIsTakenOutAsTheSheetWritesIt() {
        // the attention gradient a_j*K'*(e_j - a)/sqrt(n), not 1/sqrt(n)*K'*(a_j*e_j - a_j*a)
        assertEquals("a_j*K'*(e_j - a)/sqrt(n)",
                refolded(ATTENTION, "1/sqrt(n)*K'*(softmax(K*q/sqrt(n))_j*e_j - softmax(K*q/sqrt(n))_j*softmax(K*q/sqrt(n)))"));
        // no factor common to every term: nothing moves
        assertEquals("K'*(c*e_j - a)", refolded(ATTENTION, "K'*(c*e_j - softmax(K*q/sqrt(n)))"));
    }

    @Test void aPartOfTheBodyAloneDoesNotFold() {
        // b - B'*B*b has B'*B but not the residual's own combination of B'*B*x and b
        assertEquals("b - H*b", refolded(GRAM, "b - B'*B*b"));
    }

    @Test void aFunctionDifferentiatedToDefineAnotherPointKeepsItsBody() {
        String fgm = """
                problem t
                  dim d
                  given x, w : vector[d]
                  given eps : real where eps > 0
                  let f = w'*x
                  let xp = x - eps*grad(f, x)
                """;
        assertEquals("<w, x> - eps*||w||^2", refolded(fgm, "<w, x> - eps*||w||^2"));
    }

    private static final String SOFTMAX = """
            problem t
              dim n, j
              dim m >= j
              given s, v : vector[m]
            """;

    @Test void aSumPinnedByAnIversonBracketCollapsesOntoTheUnitVectorWhenTheIndexIsInRange() {
        Problem p = spec(SOFTMAX, "sum(i = 1..m, [j = i]*s_i*e_i) + <e_j, v>*s");
        Expr out = UnitVectors.simplify(p, p.let("r").orElseThrow().body());
        assertEquals("s_j*e_j + v_j*s", TextPrinter.print(out));
    }

    @Test void aSumWhoseIndexMayLieOutsideTheRangeStays() {
        // nothing says j <= m here: the sum is 0 for j > m, so it may not become s_j*e_j
        Problem p = spec("""
                problem t
                  dim n, j, m
                  given s : vector[m]
                """, "s + sum(i = 1..m, [j = i]*s_i*e_i)");
        Expr body = p.let("r").orElseThrow().body();
        assertEquals(TextPrinter.print(body), TextPrinter.print(UnitVectors.simplify(p, body)));
    }
}
