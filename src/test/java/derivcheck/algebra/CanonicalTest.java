package derivcheck.algebra;

import static derivcheck.algebra.AlgebraEx.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Sym;
import derivcheck.numeric.Env;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;

class CanonicalTest {
    private static final Sym A = mat("A"), B = mat("B");
    private static final Sym X = vec("x"), Y = vec("y");
    private static final Sym C = s("c"), EPS = s("eps"), U = s("u");

    private static String atoms(Expr e) { return print(Canonical.atoms(e)); }

    @Test
    void normOfANumberTimesAVectorIsTheAbsoluteNumberTimesTheNorm() {
        assertEquals("3*||x||", atoms(norm(Exprs.mul(n(-3), X))));
        assertEquals("3*||x||_1", atoms(norm(Exprs.mul(n(3), X), NormKind.L1)));
        assertEquals("2*||x||_inf", atoms(norm(Exprs.mul(n(-2), X), NormKind.LINF)));
    }

    @Test
    void normOfASymbolTimesAVectorTakesTheAbsoluteValueOfTheSymbol() {
        assertEquals("abs(c)*||x||", atoms(norm(mul(C, X))));
        assertEquals("abs(c*eps)*||A*x||", atoms(norm(mul(C, EPS, A, X))));
    }

    @Test
    void normOfASumWithACommonFactorTakesTheFactorOut() {
        assertEquals("abs(c)*||x + y||", atoms(norm(add(mul(C, X), mul(C, Y)))));
        assertEquals("abs(c)*||2*x - 3*y||", atoms(norm(add(mul(n(2), C, X), mul(n(-3), C, Y)))));
    }

    @Test
    void normWithoutACommonFactorIsLeftAlone() {
        assertEquals("||c*x + y||", atoms(norm(add(mul(C, X), Y))));
    }

    @Test
    void commonFactorIsTakenOutOnlyAsOftenAsEveryTermHasIt() {
        // ||c*(c*x + y)|| = |c|*||c*x + y||, not |c*c|*||x + y||
        Expr e = norm(mul(C, add(mul(C, X), Y)));
        assertEquals("abs(c)*||c*x + y||", atoms(e));
        Env env = new Env().size("n", 3).set("c", 3.0).setVector("x", 1, 2, -1).setVector("y", 0.5, -2, 4);
        assertEquals(eval(e, env).flatten()[0], eval(Canonical.atoms(e), env).flatten()[0], 1e-12);
    }

    @Test
    void signOfANegativeNumberTimesAVectorIsMinusTheSign() {
        assertEquals("-sign(x)", atoms(ap(Builtin.SIGN, Exprs.mul(n(-3), X))));
        assertEquals("sign(x)", atoms(ap(Builtin.SIGN, Exprs.mul(n(2), X))));
        assertEquals("-sign(A*x)", atoms(ap(Builtin.SIGN, Exprs.mul(n(-1, 2), A, X))));
    }

    @Test
    void signOfASymbolTimesAVectorIsNotSplit() {
        // only a number's sign is known; sign(c*x) stays
        assertEquals("sign(c*x)", atoms(ap(Builtin.SIGN, mul(C, X))));
    }

    @Test
    void logitAndSigmoidCancel() {
        assertEquals("u", atoms(ap(Builtin.LOGIT, ap(Builtin.SIGMOID, U))));
        assertEquals("u", atoms(ap(Builtin.SIGMOID, ap(Builtin.LOGIT, U))));
        assertEquals("c*eps", atoms(ap(Builtin.LOGIT, ap(Builtin.SIGMOID, mul(C, EPS)))));
    }

    @Test
    void logitOfOneMinusUIsMinusLogitOfU() {
        assertEquals("-logit(u)", atoms(ap(Builtin.LOGIT, Exprs.sub(Num.ONE, U))));
        assertEquals("-logit(u)", atoms(ap(Builtin.LOGIT, add(Num.ONE, neg(U)))));
    }

    @Test
    void logitOfOneMinusAProductIsMinusLogitOfTheProduct() {
        assertEquals("-logit(c*eps)", atoms(ap(Builtin.LOGIT, Exprs.sub(Num.ONE, Exprs.mul(C, EPS)))));
    }

    @Test
    void logitOfOnePlusUIsNotRewritten() {
        assertEquals("logit(u + 1)", atoms(ap(Builtin.LOGIT, Exprs.add(U, Num.ONE))));
    }

    @Test
    void absoluteValueOverItselfIsTheSign() {
        assertEquals("sign(u)", atoms(mul(ap(Builtin.ABS, U), inv(U))));
        assertEquals("eps*sign(u)", atoms(mul(EPS, ap(Builtin.ABS, U), inv(U))));
    }

    @Test
    void absoluteValueOverSomethingElseIsNotTheSign() {
        assertEquals("abs(u)/c", atoms(mul(ap(Builtin.ABS, U), inv(C))));
    }

    @Test
    void integerPowerOfAScalarProductIsTheProductOfPowers() {
        assertEquals("c^3*eps^3", atoms(pow(mul(C, EPS), n(3))));
        assertEquals("1/c/eps", atoms(pow(mul(C, EPS), n(-1))));
    }

    @Test
    void fractionalPowerOfAProductIsNotSplit() {
        // sqrt(a*b) = sqrt(a)*sqrt(b) only for a, b >= 0
        assertEquals("(c*eps)^(1/2)", atoms(pow(mul(C, EPS), Num.of(1, 2))));
    }

    @Test
    void integerPowerOfAOneByOneMatrixProductIsNotSplitIntoMatrixPowers() {
        Expr e = pow(mul(t(X), A, X), n(2));
        Expr out = assertDoesNotThrow(() -> Canonical.atoms(e));
        Env env = new Env().size("n", 2).setVector("x", 1, 2)
                .set("A", new Array2DRowRealMatrix(new double[][] {{1, 2}, {0, 3}}));
        assertEquals(Math.pow(1 + 2 * 2 + 2 * 3 * 2, 2), eval(out, env).flatten()[0], 1e-9);
    }

    @Test
    void rowTimesColumnInAScalarProductIsAnInnerProduct() {
        assertEquals("c*<x, y>", atoms(mul(C, t(X), Y)));
        assertEquals("<x, y>", atoms(mul(t(Y), X)));
    }

    @Test
    void sortedPutsNumbersThenScalarsByTextAndKeepsMatrixOrder() {
        Expr e = new Mul(java.util.List.of(EPS, n(2), B, C, A, X), P);
        assertEquals("2*c*eps*B*A*x", print(Canonical.sorted(e)));
    }

    @Test
    void sortedMakesReorderedScalarProductsAndSumsEqual() {
        assertEquals(Canonical.sorted(mul(C, EPS, U)), Canonical.sorted(mul(U, C, EPS)));
        assertEquals(Canonical.sorted(add(C, neg(EPS), U)), Canonical.sorted(add(neg(EPS), U, C)));
        assertEquals("c + u - eps", print(Canonical.sorted(add(neg(EPS), U, C))));
    }

    @Test
    void alphaRenamedMakesSumsOverDifferentIndexNamesEqual() {
        Sym i = idx("i"), k = idx("k");
        Expr si = sum(i, n(1), dim("n"), mul(at(X, i), at(Y, i)));
        Expr sk = sum(k, n(1), dim("n"), mul(at(X, k), at(Y, k)));
        assertNotEquals(si, sk);
        assertEquals(Canonical.alphaRenamed(si), Canonical.alphaRenamed(sk));
    }

    @Test
    void alphaRenamedKeepsNestedSumsApart() {
        Sym i = idx("i"), j = idx("j");
        Sym M = mat("M");
        Expr ij = sum(i, n(1), dim("n"), sum(j, n(1), dim("n"), at(M, i, j)));
        Expr ji = sum(j, n(1), dim("n"), sum(i, n(1), dim("n"), at(M, i, j)));
        assertNotEquals(Canonical.alphaRenamed(ij), Canonical.alphaRenamed(ji), "sum_i sum_j M_ij is not the same tree as sum_j sum_i M_ij");
        Expr ij2 = sum(k("a"), n(1), dim("n"), sum(k("b"), n(1), dim("n"), at(M, k("a"), k("b"))));
        assertEquals(Canonical.alphaRenamed(ij), Canonical.alphaRenamed(ij2));
    }

    private static Sym k(String name) { return idx(name); }

    @Test
    void displayOrderWritesNumberScalarsMatricesInOrderThenReciprocals() {
        Expr e = new Mul(java.util.List.of(inv(norm(X)), A, EPS, X, Num.MINUS_ONE), P);
        assertEquals("-eps*A*x/||x||", print(Canonical.displayOrder(e)));
        Expr f = new Mul(java.util.List.of(B, C, A, X), P);
        Expr shown = Canonical.displayOrder(f);
        assertEquals("c*B*A*x", print(shown));
    }

    @Test
    void displayOrderPutsTermsWithALeadingMinusLast() {
        assertEquals("y - x", print(Canonical.displayOrder(add(neg(X), Y))));
    }
}
