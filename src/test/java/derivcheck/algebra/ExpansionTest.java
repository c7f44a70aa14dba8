package derivcheck.algebra;

import static derivcheck.algebra.AlgebraEx.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Sym;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpansionTest {
    private static final Sym A = mat("A"), B = mat("B"), C = mat("C"), D = mat("D");
    private static final Sym X = vec("x"), Y = vec("y"), Z = vec("z");
    private static final Sym EPS = s("eps");

    private static List<List<Expr>> factorLists(List<Term> ts) { return ts.stream().map(Term::factors).toList(); }

    private static List<String> coefficients(List<Term> ts) { return ts.stream().map(t -> print(t.coefficient())).toList(); }

    @Test
    void productOfMatrixSumsDistributesKeepingLeftRightOrder() {
        List<Term> ts = Expansion.expand(mul(add(A, B), add(C, D)));
        assertEquals(List.of(List.of(A, C), List.of(A, D), List.of(B, C), List.of(B, D)), factorLists(ts));
        assertEquals(List.of("1", "1", "1", "1"), coefficients(ts));
    }

    @Test
    void matrixTimesSumOfVectorsDistributesWithMatrixOnTheLeft() {
        List<Term> ts = Expansion.expand(mul(A, sub(X, mul(EPS, Y))));
        assertEquals(List.of(List.of(A, X), List.of(A, Y)), factorLists(ts));
        assertEquals(List.of("1", "-eps"), coefficients(ts));
    }

    @Test
    void scalarFactorsArePulledIntoTheCoefficientAndMatrixOrderKept() {
        List<Term> ts = Expansion.expand(mul(n(3), EPS, t(A), X));
        assertEquals(1, ts.size());
        assertEquals("3*eps", print(ts.get(0).coefficient()));
        assertEquals(List.of(t(A), X), ts.get(0).factors());
    }

    @Test
    void transposeOfAProductIsPushedInsideInReverseOrder() {
        assertEquals(List.of(List.of(t(B), t(A))), factorLists(Expansion.expand(t(mul(A, B)))));
        assertEquals(List.of(List.of(t(X), t(A))), factorLists(Expansion.expand(t(mul(A, X)))));
        // (x')' = x and (A + B)' = A' + B'
        assertEquals(List.of(List.of(X)), factorLists(Expansion.expand(t(t(X)))));
        assertEquals(List.of(List.of(t(A)), List.of(t(B))), factorLists(Expansion.expand(t(add(A, B)))));
    }

    @Test
    void transposeOfIdentityIsIdentity() {
        assertEquals(List.of(List.of(eye())), factorLists(Expansion.expand(t(eye()))));
    }

    @Test
    void squaredNormOfDifferenceIsTheGramExpansion() {
        List<Term> ts = Expansion.expand(sqNorm(sub(X, Y)));
        assertTrue(ts.stream().allMatch(Term::isScalar), "every term of a squared norm is a scalar");
        assertEquals(List.of("||x||^2", "-<x, y>", "-<x, y>", "||y||^2"), coefficients(ts));
    }

    @Test
    void innerProductOfSumIsBilinear() {
        List<Term> ts = Expansion.expand(inner(add(X, Y), Z));
        assertEquals(List.of("<x, z>", "<y, z>"), coefficients(ts));
        List<Term> scaled = Expansion.expand(inner(mul(EPS, X), mul(n(2), Y)));
        assertEquals(List.of("2*eps*<x, y>"), coefficients(scaled));
    }

    @Test
    void innerProductIsWrittenInOneOrderSoSymmetricPairsAgree() {
        assertEquals(coefficients(Expansion.expand(inner(X, Y))), coefficients(Expansion.expand(inner(Y, X))));
    }

    @Test
    void rowTimesColumnFoldsToAnInnerProduct() {
        List<Term> ts = Expansion.expand(mul(t(X), Y));
        assertEquals(1, ts.size());
        assertTrue(ts.get(0).isScalar());
        assertEquals("<x, y>", print(ts.get(0).coefficient()));
        // with a matrix in between it stays a 1-by-1 product in the coefficient
        List<Term> q = Expansion.expand(mul(t(X), A, Y));
        assertTrue(q.get(0).isScalar());
        assertEquals("x'*A*y", print(q.get(0).coefficient()));
    }

    @Test
    void identityFactorsAreDroppedNextToOtherFactors() {
        assertEquals(List.of(List.of(X)), factorLists(Expansion.expand(mul(eye(), X))));
        assertEquals(List.of(List.of(A)), factorLists(Expansion.expand(mul(A, eye()))));
        assertEquals(List.of(List.of(A, X)), factorLists(Expansion.expand(mul(A, eye(), X))));
        assertEquals(List.of(List.of(eye())), factorLists(Expansion.expand(mul(eye(), eye()))), "I*I is I, not nothing");
    }

    @Test
    void innerProductWithOwnSignIsTheL1Norm() {
        assertEquals(List.of("||x||_1"), coefficients(Expansion.expand(inner(X, ap(Builtin.SIGN, X)))));
        assertEquals(List.of("||x||_1"), coefficients(Expansion.expand(inner(ap(Builtin.SIGN, X), X))));
    }

    @Test
    void squaredL1NormIsNotGramExpanded() {
        Expr e = pow(norm(sub(X, Y), NormKind.L1), n(2));
        List<Term> ts = Expansion.expand(e);
        assertEquals(1, ts.size());
        assertEquals(e, ts.get(0).coefficient());
    }

    @Test
    void zeroExpandsToNoTerms() {
        assertEquals(List.of(), Expansion.expand(Num.ZERO));
    }

    @Test
    void scalarsThatAreNotSumsOrProductsStayWholeAsCoefficients() {
        Expr log = ap(Builtin.LOG, add(EPS, n(1)));
        List<Term> ts = Expansion.expand(log);
        assertEquals(List.of(log), ts.stream().map(Term::coefficient).toList());
    }
}
