package derivcheck.derive.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import derivcheck.cas.Cas;
import derivcheck.cas.ZeroTest;
import derivcheck.derive.Engine;
import derivcheck.derive.Evaluation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import org.junit.jupiter.api.Test;

/**
 * The zero test with index sums in normal form ({@link SumAtoms}): sums over one range with bodies proven
 * equal are one atom, vectors and matrices are zero when their generic entry is. It only proves: a wrong
 * body, another range or another weight is never called zero.
 */
class SumAtomsTest {
    private static final String GIVENS = """
            problem sums
              dim n >= 1
              dim d >= 1
              given x, t, y : vector[n]
              given w, lam : real
              given X : matrix[n, d]
              given v : vector[d]
            """;

    /** lhs − rhs of the spec's one expect, definitions written out, through the zero test. */
    private static ZeroTest zero(String expect) {
        Problem p = SpecReader.read(new SourceText("t.prob", GIVENS + "  expect " + expect + "\n")).get();
        Claim c = p.expects().get(0);
        Expr d = Evaluation.explicit(p, Exprs.sub(c.relations().get(0).lhs(), c.relations().get(0).rhs())).orElseThrow();
        return ZeroCheck.test(d, Engine.standard(Cas.shared()).context(p));
    }

    @Test
    void sumsWhoseBodiesAreEqualAreOneAtomInsideAQuotient() {
        assertEquals(ZeroTest.ZERO, zero("sum(i = 1..n, t_i*x_i/(exp(t_i*x_i*w) + 1)) = sum(j = 1..n, t_j*x_j*sigmoid(-t_j*x_j*w))"));
        assertEquals(ZeroTest.ZERO, zero("w - (lam*w - sum(i = 1..n, t_i*x_i*sigmoid(-t_i*x_i*w)))/(lam + sum(i = 1..n, x_i^2*sigmoid(x_i*w)*sigmoid(-x_i*w)))"
                + " = (sum(k = 1..n, t_k*x_k/(exp(t_k*x_k*w) + 1)) + w*sum(k = 1..n, x_k^2*exp(x_k*w)/(1 + exp(x_k*w))^2))"
                + "/(sum(k = 1..n, x_k^2*exp(x_k*w)/(1 + exp(x_k*w))^2) + lam)"));
    }

    @Test
    void aWrongBodyOrAnotherRangeIsNotZero() {
        assertNotEquals(ZeroTest.ZERO, zero("sum(i = 1..n, t_i*x_i*sigmoid(t_i*x_i*w)) = sum(i = 1..n, t_i*x_i*sigmoid(-t_i*x_i*w))"));
        assertNotEquals(ZeroTest.ZERO, zero("sum(i = 1..n, x_i) = sum(i = 2..n, x_i)"));
        assertNotEquals(ZeroTest.ZERO, zero("sum(i = 1..n, x_i*t_i) = sum(i = 1..n, x_i)*sum(i = 1..n, t_i)"));
    }

    @Test
    void aMatrixWithADiagonalOfUnitVectorsIsComparedEntryByEntry() {
        String tabulated = "X'*diag(sum(i = 1..n, (1 - sigmoid((X*v)_i))*sigmoid((X*v)_i)*(eye(n))_i))*X";
        assertEquals(ZeroTest.ZERO, zero(tabulated + " = X'*diag(sigmoid(X*v) - sigmoid(X*v) .* sigmoid(X*v))*X"));
        // the sheet's X' diag(sigma .* (1 - sigma)) X, the 1 broadcast to ones(n)
        assertEquals(ZeroTest.ZERO, zero(tabulated + " = X'*diag(sigmoid(X*v) .* (1 - sigmoid(X*v)))*X"));
        assertNotEquals(ZeroTest.ZERO, zero(tabulated + " = X'*diag(sigmoid(X*v))*X"));
        assertNotEquals(ZeroTest.ZERO, zero(tabulated + " = X'*X"));
    }

    @Test
    void aVectorWrittenAsASumOfUnitVectorsIsItsEntries() {
        assertEquals(ZeroTest.ZERO, zero("sum(i = 1..n, (sigmoid((X*v)_i) - y_i)*X'*e_i) = X'*(sigmoid(X*v) - y)"));
        assertNotEquals(ZeroTest.ZERO, zero("sum(i = 1..n, (sigmoid((X*v)_i) - y_i)*X'*e_i) = X'*(sigmoid(X*v) + y)"));
    }

    @Test
    void inversesOfMatricesProvenEqualAreOneAtom() {
        String a = "inv(X'*diag(sum(i = 1..n, (1 - sigmoid((X*v)_i))*sigmoid((X*v)_i)*(eye(n))_i))*X)";
        String b = "inv(X'*diag(sigmoid(X*v) - sigmoid(X*v) .* sigmoid(X*v))*X)";
        assertEquals(ZeroTest.ZERO, zero(a + "*X'*y = " + b + "*X'*y"));
        assertNotEquals(ZeroTest.ZERO, zero(a + "*X'*y = inv(X'*diag(sigmoid(X*v))*X)*X'*y"));
    }
}
