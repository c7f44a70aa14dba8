package derivcheck.derive;

import static derivcheck.derive.ExprFixtures.print;
import static derivcheck.derive.ExprFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import derivcheck.model.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Index sums in matrix form ({@link WholeSums}) and index-defined matrices as a whole ({@link WholeRows}). */
class WholeFormsTest {
    private static final String GIVENS = """
              dim d
              dim N
              given X, Y : matrix[N, d]
              given A : matrix[d, d]
              given V : matrix[N + 1, d]
              given t, c, s : vector[N]
              given b, mu : vector[d]
              given u : vector[N + 1]
              find w : vector[d]
            """;

    private static Optional<String> sum(String objective) {
        Problem p = spec(GIVENS + "  minimize " + objective + "\n");
        Sym w = p.unknowns().get(0).sym();
        return WholeSums.matrixForm(p.objective().get().expr(), e -> e.equals(w)).map(ExprFixtures::print);
    }

    private static Optional<String> rows(String body) {
        Problem p = spec(GIVENS + "  let Z_i = " + body + " for i in 1..N\n  minimize ||Z*w||^2\n");
        return WholeVectors.inline(p, p.objective().get().expr()).map(ExprFixtures::print);
    }

    @Test
    void aWeightedSumOfSquaredResidualsIsAQuadraticFormWithTheWeightsOnTheDiagonal() {
        assertEquals(Optional.of("(X*w - t)'*diag(c)*(X*w - t)"), sum("sum(i = 1..N, c_i*(<X_i, w> - t_i)^2)"));
        assertEquals(Optional.of("(X*w - t)'*diag(c)*(X*w - t)"), sum("sum(i = 1..N, c_i*(X_i'*w - t_i)^2)"));
    }

    @Test
    void productsOfEntriesAreInnerProductsAndOneEntryIsTheEntrySum() {
        assertEquals(Optional.of("c'*t"), sum("sum(i = 1..N, c_i*t_i)"));
        assertEquals(Optional.of("sum(X*w)"), sum("sum(i = 1..N, <X_i, w>)"));
        assertEquals(Optional.of("(X*w)'*diag(c .* s)*t"), sum("sum(i = 1..N, c_i*s_i*t_i*<X_i, w>)"));
    }

    @Test
    void aSumThatIsNotOverTheWholeLengthOrNotEntrywiseStaysAsWritten() {
        assertTrue(sum("sum(i = 1..N - 1, c_i*t_i)").isEmpty(), "part of the range");
        assertTrue(sum("sum(i = 1..N, u_{i+1}*t_i)").isEmpty(), "a shift");
        assertTrue(sum("sum(i = 1..N, <X_i, w>^3)").isEmpty(), "three factors in the unknown: not a quadratic form");
        assertTrue(sum("<b, w>").isEmpty(), "no index sum");
    }

    @Test
    void rowsDefinedEntrywiseAreTheMatrixTheyDefine() {
        assertEquals(Optional.of("||(diag(s)*X)*w||^2"), rows("s_i*X_i"));
        assertEquals(Optional.of("||(X*diag(b))*w||^2"), rows("X_i .* b"));
        assertEquals(Optional.of("||(X .* Y)*w||^2"), rows("X_i .* Y_i"));
        assertEquals(Optional.of("||(X*A')*w||^2"), rows("A*X_i"));
        assertEquals(Optional.of("||(s*b')*w||^2"), rows("s_i*b"));
        assertEquals(Optional.of("||(X + Y)*w||^2"), rows("X_i + Y_i"));
    }

    @Test
    void shiftedRowsCenteredRowsAndAConstantRowDoNotLift() {
        assertTrue(rows("X_i - mu").isEmpty(), "centering is not lifted");
        assertTrue(rows("V_{i+1} - V_i").isEmpty(), "a shift of the row index");
        assertTrue(rows("b").isEmpty(), "the same row in every row");
    }

    @Test
    void theLiftedFormsHaveTheShapesOfWhatTheyReplace() {
        Problem p = spec(GIVENS + "  let Z_i = s_i*X_i for i in 1..N\n  minimize ||Z*w||^2\n");
        Expr whole = WholeVectors.lifted(p, p.lets().get(0).sym()).orElseThrow();
        assertEquals(p.lets().get(0).sym().shape(), whole.shape());
        assertEquals("diag(s)*X", print(whole));
    }
}
