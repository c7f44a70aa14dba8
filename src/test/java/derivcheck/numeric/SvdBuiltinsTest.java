package derivcheck.numeric;

import static derivcheck.numeric.Ex.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.NormKind;
import derivcheck.expr.Sym;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;

/** sv(X) and lowrank(X, r) against singular value decompositions computed by hand. */
class SvdBuiltinsTest {
    static final double TOL = 1e-12;
    static final Sym X = mat("X", "m", "n");

    static Env env(double[][] x) {
        return new Env().size("m", x.length).size("n", x[0].length).set("X", new Array2DRowRealMatrix(x));
    }

    static double[] sv(double[][] x) { return evalV(ap(Builtin.SV, X), env(x)).flatten(); }

    static double[] lowrank(double[][] x, Expr r) { return evalV(ap(Builtin.LOWRANK, X, r), env(x)).flatten(); }

    @Test void diagonalMatrixHasItsAbsoluteDiagonalSortedDescending() {
        assertArrayEquals(new double[] {3, 2, 1}, sv(new double[][] {{1, 0, 0}, {0, -3, 0}, {0, 0, 2}}), TOL);
    }

    @Test void twoByTwoByHand() {
        // [[3, 0], [4, 5]]: X'X = [[25, 20], [20, 25]], eigenvalues 45 and 5
        assertArrayEquals(new double[] {Math.sqrt(45), Math.sqrt(5)}, sv(new double[][] {{3, 0}, {4, 5}}), TOL);
    }

    @Test void wideMatrixIsPaddedWithZeros() {
        // 1 x 3 row (1, 2, 2): one singular value 3, then two zeros to make n = 3 entries
        assertArrayEquals(new double[] {3, 0, 0}, sv(new double[][] {{1, 2, 2}}), TOL);
        // 2 x 3 with orthogonal rows of norms 1 and sqrt(4 + 4 * 1.25) = 3
        assertArrayEquals(new double[] {3, 1, 0}, sv(new double[][] {{0, 1, 0}, {2, 0, 2 * Math.sqrt(1.25)}}), TOL);
    }

    @Test void tallMatrixHasNValues() {
        assertArrayEquals(new double[] {5}, sv(new double[][] {{3}, {4}}), TOL);
    }

    @Test void sumOfSquaredSingularValuesIsTheSquaredFrobeniusNorm() {
        double[][] x = {{1, -2, 0.5}, {3, 1, -1}};
        Sym i = idx("i");
        Expr sumSq = sum(i, n(1), dim("n"), pow(at(ap(Builtin.SV, X), i), n(2)));
        Expr fro = pow(norm(X, NormKind.FROBENIUS), n(2));
        assertEquals(eval(fro, env(x)), eval(sumSq, env(x)), 1e-12);
    }

    @Test void lowRankOfADiagonalMatrixKeepsTheLargestEntries() {
        double[][] x = {{1, 0, 0}, {0, -3, 0}, {0, 0, 2}};
        assertArrayEquals(new double[] {0, 0, 0, 0, -3, 0, 0, 0, 0}, lowrank(x, n(1)), TOL);
        assertArrayEquals(new double[] {0, 0, 0, 0, -3, 0, 0, 0, 2}, lowrank(x, n(2)), TOL);
    }

    @Test void rankOneApproximationByHand() {
        // [[3, 0], [4, 5]]: v1 = (1, 1)/sqrt2, u1 = X v1 / s1 = (3, 9)/sqrt(90), X v1 v1' = [[1.5, 1.5], [4.5, 4.5]]
        assertArrayEquals(new double[] {1.5, 1.5, 4.5, 4.5}, lowrank(new double[][] {{3, 0}, {4, 5}}, n(1)), TOL);
    }

    @Test void fullRankOrMoreGivesTheMatrixItselfAndTheRankMayBeADim() {
        double[][] x = {{1, 2, 3}, {4, 5, 6}};
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, lowrank(x, n(2)), TOL);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, lowrank(x, n(7)), TOL);
        Env e = env(x).size("r", 2);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, evalV(ap(Builtin.LOWRANK, X, dim("r")), e).flatten(), TOL);
    }

    @Test void theResidualOfTheBestRankRApproximationIsTheTailOfTheSquaredSingularValues() {
        double[][] x = {{1, -2, 0.5, 4}, {3, 1, -1, 0}, {0.25, 2, 2, -1}};
        double[] s = sv(x);
        Expr resid = pow(norm(sub(X, ap(Builtin.LOWRANK, X, n(2))), NormKind.FROBENIUS), n(2));
        assertEquals(s[2] * s[2] + s[3] * s[3], eval(resid, env(x)), 1e-12);
        assertEquals(0, s[3], 0); // 3 x 4: padded
    }

    @Test void aRankThatIsNotAPositiveIntegerIsAnEvaluationError() {
        double[][] x = {{1, 2}, {3, 4}};
        Env e = env(x).set("q", 1.5);
        assertThrows(EvaluationException.class, () -> evalV(ap(Builtin.LOWRANK, X, s("q")), e));
        Env z = env(x).set("q", 0);
        var ex = assertThrows(EvaluationException.class, () -> evalV(ap(Builtin.LOWRANK, X, s("q")), z));
        assertTrue(ex.getMessage().contains("at least 1"), ex.getMessage());
    }

    @Test void nanEntriesGiveNanInsteadOfHanging() {
        double[][] x = {{Double.NaN, 1}, {2, 3}};
        for (double d : sv(x)) assertTrue(Double.isNaN(d));
        for (double d : lowrank(x, n(1))) assertTrue(Double.isNaN(d));
    }
}
