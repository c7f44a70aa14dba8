package derivcheck.calculus;

import static derivcheck.calculus.X.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Identity;
import derivcheck.expr.Dim;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Sym;
import derivcheck.numeric.Comparison;
import derivcheck.numeric.Compiled;
import derivcheck.numeric.Env;
import derivcheck.numeric.Value;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimplifyTest {
    static final Sym x = vec("x", "n"), y = vec("y", "n"), a = vec("a", "n");
    static final Sym A = mat("A", "n", "n"), B = mat("B", "n", "n");
    static final Sym s = s("s"), u = s("u");

    static String simp(Expr e) { return str(Simplify.simplify(e)); }

    @Test
    void combinesLikeVectorTermsWithRationalCoefficients() {
        assertEquals("5*x", simp(add(mul(n(2), x), mul(n(3), x))));
        assertEquals("5/6*x", simp(add(div(x, n(2)), div(x, n(3)))));
        assertEquals("0*x", simp(sub(x, x)));
        assertEquals("2*s*x + y", simp(add(mul(s, x), y, mul(x, s))));
    }

    @Test
    void likeTermsRespectTheOrderOfMatrixProducts() {
        assertEquals("A*B + B*A", simp(add(mul(A, B), mul(B, A))));
        assertEquals("3*A*B", simp(add(mul(A, B), mul(n(2), A, B))));
        assertEquals("(A*B + B*A)*x", simp(add(mul(A, B, x), mul(B, A, x))));
    }

    @Test
    void distributesNumbersOverSumsThatAreTermsOfSums() {
        assertEquals("5*x + 2*y", simp(add(mul(n(2), add(x, y)), mul(n(3), x))));
        assertEquals("2*(x + y)", simp(mul(n(2), add(x, y)))); // a lone product stays factored
    }

    @Test
    void foldsNumbersAndDropsZerosAndOnes() {
        assertEquals("x", simp(add(mul(n(1), x), mul(n(0), y))));
        assertEquals("7", simp(add(n(3), n(4))));
        assertEquals("1/4", simp(pow(n(2), n(-2))));
        assertEquals("s", simp(pow(s, n(1))));
        assertEquals("1", simp(pow(s, n(0))));
        assertEquals("0", simp(mul(n(0), s, u)));
    }

    @Test
    void cancelsScalarTimesItsInverseAndCombinesPowers() {
        assertEquals("1", simp(mul(s, pow(s, n(-1)))));
        assertEquals("s", simp(mul(sq(s), pow(s, n(-1)))));
        assertEquals("u", simp(mul(s, u, pow(s, n(-1)))));
        assertEquals("s^-1*u^-1", simp(pow(mul(s, u), n(-1))));
        assertEquals("s^6", simp(pow(pow(s, n(2)), n(3))));
        assertEquals("x", simp(mul(norm(x), pow(norm(x), n(-1)), x)));
    }

    @Test
    void collectsTransposes() {
        assertEquals("B'*A'", simp(t(mul(A, B))));
        assertEquals("x", simp(t(t(x))));
        assertEquals("A' + B'", simp(t(add(A, B))));
        assertEquals("2*x'*A'", simp(t(mul(n(2), A, x))));
        assertEquals("s", simp(t(s)));
    }

    @Test
    void dropsIdentityMatricesAndCancelsInverses() {
        Expr I = new Identity(Dim.of("n"), Pos.NONE);
        assertEquals("A*x", simp(mul(I, A, I, x)));
        assertEquals("x", simp(mul(inv(A), A, x)));
        assertEquals("I_n", simp(mul(A, inv(A))));
        assertEquals("I_n", simp(mul(I, I)));
    }

    @Test
    void collectsCommonRightFactorOfMatrixTerms() {
        assertEquals("(A + A')*x", simp(add(mul(A, x), mul(t(A), x))));
        assertEquals("(2*A - B)*x + y", simp(add(mul(n(2), A, x), y, neg(mul(B, x)))));
        assertEquals("A*x + 2*x", simp(add(mul(A, x), mul(n(2), x)))); // no identity is invented
        assertEquals("A*(x - 2*B*y)", simp(sub(mul(A, x), mul(n(2), A, B, y))));
        assertEquals("1 - s", simp(add(neg(s), n(1))));
    }

    @Test
    void movesScalarsOutOfInnerProducts() {
        assertEquals("6*<x, y>", simp(inner(mul(n(2), x), mul(n(3), y))));
        assertEquals("s*<A*x, y>", simp(inner(mul(A, s, x), y)));
    }

    @Test
    void keepsScalarInnerProductAsOneFactorInMatrixChains() {
        // (a'*x) * y is a scalar times a vector; splicing a', x, y into one chain is not conformable
        Expr e = Alg.mul(mul(t(a), x), y);
        assertEquals("(a'*x)*y", str(e));
        assertEquals(y.shape(), Simplify.simplify(add(e, e)).shape());
        assertEquals("2*(a'*x)*y", simp(add(e, e)));
    }

    @Test
    void readsEntriesOfTabulatedVectorsAndUntabulatesPlainOnes() {
        Sym i = idx("i"), k = idx("k");
        Expr tab = Entries.vector(i, Dim.of("n"), mul(s, at(x, i)));
        assertEquals("s*x_k", simp(at(tab, k)));
        assertEquals("s*x", simp(tab));
        assertEquals("exp(x) - a", simp(Entries.vector(i, Dim.of("n"), sub(ap(Builtin.EXP, at(x, i)), at(a, i)))));
        Expr hadamard = Entries.vector(i, Dim.of("n"), mul(at(x, i), at(y, i)));
        assertEquals(hadamard, Simplify.simplify(hadamard));
        assertTrue(Entries.matchVector(hadamard).isPresent());
        assertEquals("[i = k]", simp(at(Entries.unit(Dim.of("n"), i), k)));
        assertEquals("1", simp(at(eye("n"), i, i)));
    }

    @Test
    void sumWithoutItsIndexIsCountTimesBody() {
        Sym i = idx("i");
        assertEquals("n*s", simp(sum(i, n(1), dim("n"), s)));
        assertEquals("3*sum(i = 1..n, x_i^2)", simp(sum(i, n(1), dim("n"), mul(n(3), sq(at(x, i))))));
    }

    // ------------------------------------------------------------ properties on random expressions

    @Test
    void simplifyKeepsValueAndShapeAndIsIdempotentOnRandomExpressions() {
        for (int trial = 0; trial < 400; trial++) {
            Random r = new Random(1000 + trial);
            Expr e = r.nextBoolean() ? scalar(r, 3) : vector(r, 3);
            Expr simp = Simplify.simplify(e);
            assertEquals(e.shape(), simp.shape(), str(e));
            assertEquals(simp, Simplify.simplify(simp), "not idempotent on " + str(e));
            Env env = point(new Random(trial));
            Value v0 = Compiled.of(e).evaluate(env), v1 = Compiled.of(simp).evaluate(env);
            Comparison c = Comparison.of(v0.isReal() ? v0 : v0, v1.isReal() || !v0.isReal() ? v1 : v0.unflatten(v1.flatten()));
            assertTrue(c.within(1e-9), str(e) + " -> " + str(simp) + ": " + c);
        }
    }

    private static Env point(Random r) {
        int n = 1 + r.nextInt(4);
        Env env = new Env().size("n", n);
        double[] xv = new double[n], yv = new double[n], av = new double[n];
        double[][] am = new double[n][n], bm = new double[n][n];
        for (int i = 0; i < n; i++) {
            xv[i] = r.nextGaussian();
            yv[i] = r.nextGaussian();
            av[i] = r.nextGaussian();
            for (int j = 0; j < n; j++) {
                am[i][j] = (i == j ? 1 : 0) + 0.3 * r.nextGaussian();
                bm[i][j] = r.nextGaussian();
            }
        }
        return env.set("x", Value.vector(xv)).set("y", Value.vector(yv)).set("a", Value.vector(av))
                .set("A", Value.matrix(am)).set("B", Value.matrix(bm))
                .set("s", 0.5 + r.nextDouble()).set("u", 0.5 + r.nextDouble());
    }

    private static Expr scalar(Random r, int depth) {
        int k = depth == 0 ? r.nextInt(3) : r.nextInt(11);
        return switch (k) {
            case 0 -> s;
            case 1 -> u;
            case 2 -> Num.of(r.nextInt(7) - 3, 1 + r.nextInt(3));
            case 3 -> add(scalar(r, depth - 1), scalar(r, depth - 1));
            case 4 -> mul(scalar(r, depth - 1), scalar(r, depth - 1));
            case 5 -> pow(r.nextBoolean() ? s : u, n(r.nextInt(5) - 2));
            case 6 -> inner(vector(r, depth - 1), vector(r, depth - 1));
            case 7 -> mul(t(vector(r, depth - 1)), vector(r, depth - 1));
            case 8 -> sq(norm(vector(r, depth - 1)));
            case 9 -> pow(add(sq(scalar(r, depth - 1)), n(1)), n(-1));
            default -> mul(t(vector(r, depth - 1)), matrix(r, depth - 1), vector(r, depth - 1));
        };
    }

    private static Expr vector(Random r, int depth) {
        int k = depth == 0 ? r.nextInt(3) : r.nextInt(10);
        return switch (k) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> a;
            case 3 -> mul(matrix(r, depth - 1), vector(r, depth - 1));
            case 4 -> mul(scalar(r, depth - 1), vector(r, depth - 1));
            case 5 -> add(vector(r, depth - 1), vector(r, depth - 1));
            case 6 -> sub(vector(r, depth - 1), mul(Num.of(r.nextInt(5) - 2), vector(r, depth - 1)));
            case 7 -> t(t(vector(r, depth - 1)));
            case 8 -> mul(vector(r, depth - 1), t(vector(r, depth - 1)), vector(r, depth - 1));
            default -> mul(n(r.nextInt(3) + 1), add(vector(r, depth - 1), vector(r, depth - 1)));
        };
    }

    private static Expr matrix(Random r, int depth) {
        int k = depth == 0 ? r.nextInt(2) : r.nextInt(8);
        return switch (k) {
            case 0 -> A;
            case 1 -> B;
            case 2 -> t(matrix(r, depth - 1));
            case 3 -> mul(matrix(r, depth - 1), matrix(r, depth - 1));
            case 4 -> add(matrix(r, depth - 1), matrix(r, depth - 1));
            case 5 -> mul(scalar(r, depth - 1), matrix(r, depth - 1));
            case 6 -> mul(inv(A), matrix(r, depth - 1), A);
            default -> t(mul(matrix(r, depth - 1), matrix(r, depth - 1)));
        };
    }

    @Test void anEntryOfABroadcastSumIsTheEntryMinusTheScalarAndAnEntryOfOnesIsOne() {
        Sym v = vec("v", "n"), c = s("c"), i = idx("i");
        assertEquals("v_i - c", simp(at(sub(v, c), i)));
        assertEquals("1", simp(at(new derivcheck.expr.Ones(Dim.of("n"), Pos.NONE), i)));
    }
}
