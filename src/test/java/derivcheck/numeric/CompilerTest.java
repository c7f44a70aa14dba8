package derivcheck.numeric;

import static derivcheck.numeric.Ex.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.*;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

class CompilerTest {
    private static final double TOL = 1e-12;

    private static Env env() {
        return new Env().size("n", 3).size("m", 2)
                .set("a", 2.0).set("b", -0.5)
                .setVector("x", 1, -2, 3)
                .setVector("y", 0.5, 4, -1)
                .set("A", new Array2DRowRealMatrix(new double[][] {{2, 1, 0}, {1, 3, 1}, {0, 1, 4}}))
                .set("W", new Array2DRowRealMatrix(new double[][] {{1, 2, 3}, {4, 5, 6}}));
    }

    private static final Sym A_ = mat("A", "n", "n"), W = mat("W", "m", "n");
    private static final Sym X = vec("x", "n"), Y = vec("y", "n");

    @Test
    void scalarArithmeticMatchesHandComputedValue() {
        // (a + 2b)^2 / a - pi  with a=2, b=-0.5: (1)^2/2 - pi
        Expr e = sub(div(pow(add(s("a"), mul(n(2), s("b"))), n(2)), s("a")), Const.PI);
        assertEquals(0.5 - Math.PI, eval(e, env()), TOL);
        // a^(1/2) * a^-2 + b^3
        Expr f = add(mul(pow(s("a"), n(1, 2)), pow(s("a"), n(-2))), pow(s("b"), n(3)));
        assertEquals(Math.sqrt(2) / 4 - 0.125, eval(f, env()), TOL);
    }

    @Test
    void quadraticFormAndLinearTermEvaluateLikeHandComputation() {
        // x'Ax + <y, x>: Ax = (0, -2, 10), x'Ax = 0 + 4 + 30 = 34; <y,x> = 0.5 - 8 - 3 = -10.5
        Expr e = add(mul(t(X), A_, X), inner(Y, X));
        assertEquals(23.5, eval(e, env()), TOL);
    }

    @Test
    void matrixVectorProductsKeepColumnRowConventions() {
        Value ax = evalV(mul(A_, X), env());
        assertArrayEquals(new double[] {0, -2, 10}, ax.flatten(), TOL);
        assertTrue(ax instanceof Value.Vec);
        Value outer = evalV(mul(X, t(Y)), env()); // 3x3
        assertTrue(outer instanceof Value.Mat);
        assertEquals(-2 * 4, ((Value.Mat) outer).matrix().getEntry(1, 1), TOL);
        Value row = evalV(mul(t(X), A_), env()); // 1x3 row = (Ax)' since A symmetric
        assertEquals("matrix[1,3]", row.describe());
        assertArrayEquals(new double[] {0, -2, 10}, row.flatten(), TOL);
        // transpose of the row is a vector again; scalar factors scale
        Value back = evalV(mul(n(2), t(mul(t(X), A_))), env());
        assertTrue(back instanceof Value.Vec);
        assertArrayEquals(new double[] {0, -4, 20}, back.flatten(), TOL);
        // W x with W 2x3
        assertArrayEquals(new double[] {6, 12}, evalV(mul(W, X), env()).flatten(), TOL);
    }

    @Test
    void entrywiseBuiltinsAgreeWithJavaMathOnEveryEntry() {
        double[] x = {1, -2, 3};
        Object[][] cases = {
            {Builtin.EXP, (java.util.function.DoubleUnaryOperator) Math::exp},
            {Builtin.SIGN, (java.util.function.DoubleUnaryOperator) Math::signum},
            {Builtin.ABS, (java.util.function.DoubleUnaryOperator) Math::abs},
            {Builtin.TANH, (java.util.function.DoubleUnaryOperator) Math::tanh},
            {Builtin.RELU, (java.util.function.DoubleUnaryOperator) v -> Math.max(0, v)},
            {Builtin.SIN, (java.util.function.DoubleUnaryOperator) Math::sin},
            {Builtin.COS, (java.util.function.DoubleUnaryOperator) Math::cos},
            {Builtin.SIGMOID, (java.util.function.DoubleUnaryOperator) v -> 1 / (1 + Math.exp(-v))},
        };
        for (Object[] c : cases) {
            Builtin b = (Builtin) c[0];
            var f = (java.util.function.DoubleUnaryOperator) c[1];
            double[] got = evalV(ap(b, X), env()).flatten();
            for (int i = 0; i < 3; i++) assertEquals(f.applyAsDouble(x[i]), got[i], 1e-14, b + " entry " + i);
            assertEquals(f.applyAsDouble(2.0), eval(ap(b, s("a")), env()), 1e-14, b + " on a scalar");
        }
        Env e = new Env().size("n", 2).setVector("p", 0.25, 0.9);
        Sym p = vec("p", "n");
        assertArrayEquals(new double[] {Math.log(0.25), Math.log(0.9)}, evalV(ap(Builtin.LOG, p), e).flatten(), 1e-14);
        assertArrayEquals(new double[] {0.5, Math.sqrt(0.9)}, evalV(ap(Builtin.SQRT, p), e).flatten(), 1e-14);
        assertArrayEquals(new double[] {Math.log(1.0 / 3), Math.log(9)}, evalV(ap(Builtin.LOGIT, p), e).flatten(), 1e-12);
        // entrywise on a matrix
        Value ew = evalV(ap(Builtin.ABS, mul(n(-1), W)), env());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, ew.flatten(), TOL);
    }

    @Test
    void sigmoidAndLogitAreInverseAndStableForLargeArguments() {
        assertEquals(1.0, Builtins.sigmoid(800), 0);
        assertEquals(0.0, Builtins.sigmoid(-800), 1e-300);
        assertFalse(Double.isNaN(Builtins.sigmoid(-800)));
        assertEquals(0.3, Builtins.sigmoid(Builtins.logit(0.3)), 1e-15);
    }

    @Test
    void reductionsSoftmaxTraceAndMaxMinWork() {
        Env e = env();
        assertEquals(2.0, eval(ap(Builtin.SUM, X), e), TOL);
        assertEquals(9.0, eval(ap(Builtin.TRACE, A_), e), TOL);
        assertEquals(3.0, eval(ap(Builtin.MAX, X), e), TOL);
        assertEquals(-2.0, eval(ap(Builtin.MIN, X), e), TOL);
        assertEquals(2.0, eval(ap(Builtin.MAX, s("a"), s("b")), e), TOL);
        // binary entrywise with broadcast of a scalar, on either side
        assertArrayEquals(new double[] {1, 0, 3}, evalV(ap(Builtin.MAX, X, n(0)), e).flatten(), TOL);
        assertArrayEquals(new double[] {0, -2, 0}, evalV(ap(Builtin.MIN, n(0), X), e).flatten(), TOL);
        assertArrayEquals(new double[] {1, 4, 3}, evalV(ap(Builtin.MAX, X, Y), e).flatten(), TOL);
        double[] sm = evalV(ap(Builtin.SOFTMAX, X), e).flatten();
        double z = Math.exp(1) + Math.exp(-2) + Math.exp(3);
        assertArrayEquals(new double[] {Math.exp(1) / z, Math.exp(-2) / z, Math.exp(3) / z}, sm, 1e-15);
        // softmax does not overflow
        Env big = new Env().size("n", 2).setVector("x", 1000, 1000);
        assertArrayEquals(new double[] {0.5, 0.5}, evalV(ap(Builtin.SOFTMAX, vec("x", "n")), big).flatten(), 1e-15);
    }

    @Test
    void normsOfVectorsAndMatricesMatchDefinitions() {
        Env e = env();
        assertEquals(Math.sqrt(14), eval(norm(X, NormKind.L2), e), TOL);
        assertEquals(6, eval(norm(X, NormKind.L1), e), TOL);
        assertEquals(3, eval(norm(X, NormKind.LINF), e), TOL);
        assertEquals(Math.sqrt(91), eval(norm(W, NormKind.FROBENIUS), e), TOL);
        assertEquals(Math.sqrt(91), eval(norm(W, NormKind.L2), e), TOL);
        // inner product of matrices is entrywise: <W, W> = ||W||_F^2
        assertEquals(91, eval(inner(W, W), e), TOL);
    }

    @Test
    void inverseIdentityAndMatrixPowersSatisfyTheirDefinitions() {
        Env e = env();
        // A * inv(A) = I
        Value prod = evalV(mul(A_, inv(A_)), e);
        Value id = evalV(eye("n"), e);
        assertTrue(Comparison.of(id, prod).within(1e-14));
        assertTrue(Comparison.of(evalV(mul(A_, A_), e), evalV(pow(A_, n(2)), e)).within(1e-14));
        assertTrue(Comparison.of(evalV(inv(A_), e), evalV(pow(A_, n(-1)), e)).within(1e-14));
        assertTrue(Comparison.of(id, evalV(pow(A_, n(0)), e)).within(0));
        // (A + 2I)^-1 (A + 2I) x = x
        Expr m = add(A_, mul(n(2), eye("n")));
        assertArrayEquals(new double[] {1, -2, 3}, evalV(mul(inv(m), m, X), e).flatten(), 1e-13);
        // transpose of a non-square matrix
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, evalV(t(W), e).flatten(), TOL);
    }

    @Test
    void singularInverseGivesNaNAndNonIntegerMatrixPowerThrows() {
        Env e = env().set("S", new Array2DRowRealMatrix(new double[][] {{1, 2}, {2, 4}}));
        Sym sm = mat("S", "m", "m");
        assertFalse(evalV(inv(sm), e).isFinite());
        assertThrows(EvaluationException.class, () -> evalV(pow(sm, n(1, 2)), e));
    }

    @Test
    void domainErrorsGiveNaN() {
        Env e = env();
        assertTrue(Double.isNaN(eval(ap(Builtin.LOG, s("b")), e)));
        assertTrue(Double.isNaN(eval(ap(Builtin.SQRT, s("b")), e)));
        assertTrue(Double.isNaN(eval(ap(Builtin.LOGIT, s("a")), e)));
        assertTrue(Double.isNaN(eval(pow(s("b"), n(1, 3)), e)));
    }

    @Test
    void indexingIsOneBasedForEntriesRowsAndMatrixEntries() {
        Env e = env().set("i", 2).set("j", 3);
        assertEquals(-2, eval(at(X, s("i")), e), TOL);
        assertEquals(3, eval(at(X, n(3)), e), TOL);
        assertArrayEquals(new double[] {4, 5, 6}, evalV(at(W, s("i")), e).flatten(), TOL);
        assertEquals(6, eval(at(W, s("i"), s("j")), e), TOL);
        assertEquals(3, eval(at(W, n(1), n(3)), e), TOL);
        assertThrows(EvaluationException.class, () -> eval(at(X, n(4)), e));
        assertThrows(EvaluationException.class, () -> eval(at(X, n(1, 2)), e));
    }

    @Test
    void sumOverIndexRangeIsInclusiveAndEmptyRangeIsZero() {
        Sym i = idx("i"), j = idx("j");
        Env e = env().size("N", 5);
        // sum_{i=1}^{n} x_i * y_i = <x,y>
        assertEquals(-10.5, eval(sum(i, n(1), dim("n"), mul(at(X, i), at(Y, i))), e), TOL);
        // sum_{i=1}^{N-2} i = 1+2+3
        assertEquals(6, eval(sum(i, n(1), sub(dim("N"), n(2)), i), e), TOL);
        // empty range
        assertEquals(0, eval(sum(i, n(3), n(2), at(X, i)), e), 0);
        Value emptyVec = evalV(sum(i, n(3), n(2), X), e);
        assertArrayEquals(new double[] {0, 0, 0}, emptyVec.flatten(), 0);
        // vector body: sum_{i=1}^{2} W_i = (5, 7, 9)
        assertArrayEquals(new double[] {5, 7, 9}, evalV(sum(i, n(1), n(2), at(W, i)), e).flatten(), TOL);
        // nested, with an Iverson bracket: sum_i sum_j [i = j] x_i y_j = <x, y>
        Expr nested = sum(i, n(1), dim("n"), sum(j, n(1), dim("n"),
                mul(iverson(rel(RelOp.EQ, i, j)), at(X, i), at(Y, j))));
        assertEquals(-10.5, eval(nested, e), TOL);
        // shadowing: inner i hides the outer one
        Expr shadow = sum(i, n(1), n(2), sum(i, n(1), n(3), i));
        assertEquals(12, eval(shadow, e), TOL);
    }

    @Test
    void piecewiseTakesFirstArmWhoseGuardHoldsAndNaNWhenNoneDoes() {
        Sym z = s("z");
        // soft threshold: z - 1 if z > 1; z + 1 if z < -1; 0 otherwise
        Expr st = cases(arm(sub(z, n(1)), rel(RelOp.GT, z, n(1))),
                arm(add(z, n(1)), rel(RelOp.LT, z, n(-1))),
                arm(n(0)));
        Compiled c = Compiler.compile(st);
        assertEquals(2.0, c.evaluateScalar(new Env().set("z", 3)), TOL);
        assertEquals(-1.5, c.evaluateScalar(new Env().set("z", -2.5)), TOL);
        assertEquals(0.0, c.evaluateScalar(new Env().set("z", 0.3)), TOL);
        // first arm wins when two hold
        Expr both = cases(arm(n(1), rel(RelOp.GE, z, n(0))), arm(n(2), rel(RelOp.GE, z, n(-5))));
        assertEquals(1.0, eval(both, new Env().set("z", 1)), 0);
        // no arm applies
        Expr partial = cases(arm(n(1), rel(RelOp.GT, z, n(0))));
        assertTrue(Double.isNaN(eval(partial, new Env().set("z", -1))));
        // vector guard holds when every entry satisfies it
        Expr vg = cases(arm(n(1), rel(RelOp.GT, X, n(-5))), arm(n(2)));
        assertEquals(1.0, eval(vg, env()), 0);
        Expr vg2 = cases(arm(n(1), rel(RelOp.GT, X, n(0))), arm(n(2)));
        assertEquals(2.0, eval(vg2, env()), 0);
    }

    @Test
    void iversonBracketIsOneExactlyWhenAllConditionsHold() {
        Env e = env();
        assertEquals(1, eval(iverson(rel(RelOp.GT, s("a"), n(0)), rel(RelOp.LT, s("b"), n(0))), e), 0);
        assertEquals(0, eval(iverson(rel(RelOp.GT, s("a"), n(0)), rel(RelOp.GT, s("b"), n(0))), e), 0);
    }

    @Test
    void dimensionSymbolsEvaluateToTheirSize() {
        assertEquals(3 * 3 + 2, eval(add(mul(dim("n"), dim("n")), dim("m")), env()), 0);
        assertThrows(EvaluationException.class, () -> eval(dim("q"), env()));
    }

    @Test
    void userFunctionsAndTheirDerivativesCallTheSuppliedImplementations() {
        UserFunc rho = new UserFunc("rho", 0);
        Env e = env().function("rho", v -> Math.log(1 + v * v), v -> 2 * v / (1 + v * v));
        // rho(||x||) + rho'(a)
        Expr ex = add(ap(rho, norm(X, NormKind.L2)), ap(rho.differentiated(), s("a")));
        assertEquals(Math.log(15) + 0.8, eval(ex, e), TOL);
        Compiled c = Compiler.compile(ap(rho.differentiated().differentiated(), s("a")));
        EvaluationException ex2 = assertThrows(EvaluationException.class, () -> c.evaluate(e));
        assertTrue(ex2.getMessage().contains("rho''"), ex2.getMessage());
    }

    @Test
    void expectationVarianceAndGradAreRejectedAtCompileTime() {
        assertThrows(NotEvaluableException.class, () -> Compiler.compile(new Expectation(X, Pos.NONE)));
        assertThrows(NotEvaluableException.class, () -> Compiler.compile(add(s("a"), new Variance(s("b"), Pos.NONE))));
        assertThrows(NotEvaluableException.class, () -> Compiler.compile(new Grad(inner(X, X), X, Pos.NONE)));
    }

    @Test
    void missingOrWronglySizedValuesThrowClearErrors() {
        Compiled c = Compiler.compile(inner(X, Y));
        EvaluationException missing = assertThrows(EvaluationException.class, () -> c.evaluate(new Env().size("n", 3).setVector("x", 1, 2, 3)));
        assertTrue(missing.getMessage().contains("no value for y"), missing.getMessage());
        EvaluationException size = assertThrows(EvaluationException.class,
                () -> c.evaluate(new Env().size("n", 3).setVector("x", 1, 2, 3).setVector("y", 1, 2)));
        assertTrue(size.getMessage().contains("y is a vector[n]"), size.getMessage());
        assertThrows(EvaluationException.class, () -> Compiler.compile(s("a")).evaluate(env().setVector("a", 1, 2)));
        assertThrows(EvaluationException.class, () -> Compiler.compile(X).evaluateScalar(env()));
    }

    @Test
    void compiledExpressionIsReusableAcrossEnvironmentsAndAsFunctionOfOneSymbol() {
        Compiled c = Compiler.compile(add(mul(t(X), A_, X), inner(Y, X)));
        assertEquals(23.5, c.evaluateScalar(env()), TOL);
        assertEquals(0.0, c.evaluateScalar(env().setVector("x", 0, 0, 0)), TOL);
        var f = c.asFunctionOf(env(), "x");
        assertEquals(23.5, f.applyAsDouble(new double[] {1, -2, 3}), TOL);
        assertEquals(2 + 0.5, f.applyAsDouble(new double[] {1, 0, 0}), TOL);
        var g = c.asFunctionOf(env(), "A"); // row-major entries of A
        double[] id = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        assertEquals(14 - 10.5, g.applyAsDouble(id), TOL);
        assertEquals(java.util.Set.of("x", "A", "y"), c.symbols());
        assertEquals(new ArrayRealVector(new double[] {1, -2, 3}), ((Value.Vec) Compiler.compile(X).evaluate(env())).vector());
    }

    @Test
    void aScalarBroadcastInAVectorSumAddsTheScalarToEveryEntry() {
        Env e = env();
        // x - a = (1, -2, 3) - 2 = (-1, -4, 1); a - x the other way round
        assertArrayEquals(new double[] {-1, -4, 1}, evalV(sub(X, s("a")), e).flatten(), TOL);
        assertArrayEquals(new double[] {1, 4, -1}, evalV(sub(s("a"), X), e).flatten(), TOL);
        // the soft threshold sign(x) .* max(abs(x) - a, 0) = (0, 0, 1)
        Expr st = ap(Builtin.HADAMARD, ap(Builtin.SIGN, X), ap(Builtin.MAX, sub(ap(Builtin.ABS, X), s("a")), n(0)));
        assertArrayEquals(new double[] {0, 0, 1}, evalV(st, e).flatten(), TOL);
        // <y, x - a> = <y, x> - a*sum(y) = -10.5 - 2*3.5
        assertEquals(-17.5, eval(inner(Y, sub(X, s("a"))), e), TOL);
        assertArrayEquals(new double[] {1, 1, 1}, evalV(new Ones(Dim.of("n"), Pos.NONE), e).flatten(), TOL);
    }

    @Test
    void argmaxIsTheOneBasedIndexOfTheFirstLargestEntryAndIndexesTheUnitVector() {
        Env e = env(); // x = (1, -2, 3), y = (0.5, 4, -1)
        Expr k = ap(Builtin.ARGMAX, ap(Builtin.ABS, X));
        assertEquals(3.0, eval(k, e), TOL);
        assertEquals(2.0, eval(ap(Builtin.ARGMAX, Y), e), TOL);
        Env tie = new Env().size("n", 3).setVector("x", 2, -2, 1);
        assertEquals(1.0, eval(k, tie), TOL, "the first of several that tie");
        // the l1-ball vertex a*sign(x_k)*e_k: (0, 0, 2)
        Expr vertex = mul(s("a"), ap(Builtin.SIGN, new Index(X, java.util.List.of(k), Pos.NONE)),
                new Index(new Identity(Dim.of("n"), Pos.NONE), java.util.List.of(k), Pos.NONE));
        assertArrayEquals(new double[] {0, 0, 2}, evalV(vertex, e).flatten(), TOL);
    }
}
