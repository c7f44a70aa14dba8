package derivcheck.numeric;

import static derivcheck.numeric.Ex.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.NormKind;
import derivcheck.expr.Sym;
import derivcheck.expr.UserFunc;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class FiniteDifferenceTest {
    private final Sym x = vec("x", "n"), y = vec("y", "n");
    private final Sym a = mat("A", "n", "n");

    @Test
    void centralDifferenceMatchesAnalyticGradientOfQuadraticForm() {
        Rng rng = new Rng(21);
        for (int trial = 0; trial < 5; trial++) {
            RealMatrix am = rng.matrix(4, 4);
            RealVector xv = rng.vector(4);
            Env env = new Env().size("n", 4).set("A", am).set("x", xv);
            Value fd = FiniteDifference.gradient(Compiler.compile(mul(t(x), a, x)), env, "x");
            Value exact = Value.of(am.add(am.transpose()).operate(xv)); // (A + A') x
            Comparison c = FiniteDifference.compare(exact, fd);
            assertTrue(c.within(1e-8), c.toString());
        }
    }

    @Test
    void compareReportsWrongGradientOfQuadraticFormAsLargeError() {
        Rng rng = new Rng(22);
        RealMatrix am = rng.matrix(4, 4);
        RealVector xv = rng.vector(4);
        Env env = new Env().size("n", 4).set("A", am).set("x", xv);
        Value fd = FiniteDifference.gradient(Compiler.compile(mul(t(x), a, x)), env, "x");
        Value wrong = Value.of(am.operate(xv).mapMultiply(2)); // 2Ax: right only for symmetric A
        Comparison c = FiniteDifference.compare(wrong, fd);
        assertFalse(c.within(1e-3), c.toString());
        assertTrue(c.maxAbs() > 1e-2, c.toString());
        assertTrue(c.worst() >= 0 && c.worst() < 4);
    }

    @Test
    void gradientWithRespectToMatrixOfLeastSquaresIsTwoResidualTimesXTransposed() {
        Rng rng = new Rng(23);
        Sym w = mat("W", "m", "n"), t = vec("t", "m");
        Env env = new Env().size("n", 3).size("m", 2).set("W", rng.matrix(2, 3)).set("x", rng.vector(3)).set("t", rng.vector(2));
        Expr f = pow(norm(sub(mul(w, x), t), NormKind.L2), n(2));
        Value fd = FiniteDifference.gradient(Compiler.compile(f), env, "W");
        RealVector r = ((Value.Mat) env.get("W")).matrix().operate(env.get("x").asVector()).subtract(env.get("t").asVector());
        Value exact = Value.of(r.outerProduct(env.get("x").asVector()).scalarMultiply(2));
        assertTrue(fd instanceof Value.Mat);
        assertTrue(FiniteDifference.compare(exact, fd).within(1e-8));
    }

    @Test
    void gradientWithRespectToScalarMatchesDerivative() {
        Expr f = mul(s("a"), ap(Builtin.EXP, s("a")));
        for (double av : new double[] {-2.5, 0.3, 4.0}) {
            Value fd = FiniteDifference.gradient(Compiler.compile(f), new Env().set("a", av), "a");
            assertEquals((1 + av) * Math.exp(av), fd.asDouble(), 1e-8 * Math.max(1, Math.abs((1 + av) * Math.exp(av))));
        }
    }

    @Test
    void gradientOfLogSumExpIsSoftmax() {
        Rng rng = new Rng(24);
        Env env = new Env().size("n", 5).set("x", rng.vector(5));
        Expr lse = ap(Builtin.LOG, ap(Builtin.SUM, ap(Builtin.EXP, x)));
        Value fd = FiniteDifference.gradient(Compiler.compile(lse), env, "x");
        Value exact = Compiler.compile(ap(Builtin.SOFTMAX, x)).evaluate(env);
        assertTrue(FiniteDifference.compare(exact, fd).within(1e-9));
    }

    @Test
    void gradientOfUserFunctionOfNormIsRhoPrimeTimesUnitDirection() {
        UserFunc rho = new UserFunc("rho", 0);
        Env env = new Env().size("n", 3).setVector("x", 0.4, -1.2, 2.0)
                .function("rho", v -> Math.log(1 + v * v), v -> 2 * v / (1 + v * v));
        Value fd = FiniteDifference.gradient(Compiler.compile(ap(rho, norm(x, NormKind.L2))), env, "x");
        // rho'(||x||) x / ||x||
        Expr exact = mul(ap(rho.differentiated(), norm(x, NormKind.L2)), pow(norm(x, NormKind.L2), n(-1)), x);
        assertTrue(FiniteDifference.compare(Compiler.compile(exact).evaluate(env), fd).within(1e-9));
    }

    @Test
    void stepIsScaleAwareSoLargeCoordinatesKeepRelativeAccuracy() {
        assertEquals(Math.cbrt(Math.ulp(1.0)), FiniteDifference.step(0.5), 0);
        assertEquals(1e6 * FiniteDifference.STEP, FiniteDifference.step(-1e6), 1e-6);
        double[] g = FiniteDifference.gradient(v -> v[0] * v[0] * v[0], new double[] {1e5});
        assertEquals(3e10, g[0], 3e10 * 1e-9);
        assertEquals(Math.cos(0.7), FiniteDifference.derivative(Math::sin, 0.7), 1e-10);
    }

    @Test
    void comparisonMeasuresAbsoluteRelativeAndScaledErrors() {
        Comparison c = Comparison.of(new double[] {100, 0.001, 0}, new double[] {101, 0.002, 0});
        assertEquals(1.0, c.maxAbs(), 1e-12);
        assertEquals(0.5, c.maxRel(), 1e-12); // 0.001 vs 0.002
        assertEquals(1 / 101.0, c.maxScaled(), 1e-12);
        assertEquals(0, c.worst());
        assertFalse(c.within(1e-3));
        assertTrue(Comparison.of(new double[] {1, 2}, new double[] {1, 2}).within(0));
        Comparison nan = Comparison.of(new double[] {1}, new double[] {Double.NaN});
        assertEquals(Double.POSITIVE_INFINITY, nan.maxScaled());
        assertFalse(nan.within(1e300));
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(Value.vector(1, 2), Value.vector(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(Value.of(1), Value.vector(1)));
    }

    @Test
    void asFunctionOfDoesNotDisturbOtherEvaluations() {
        Compiled c = Compiler.compile(inner(x, y));
        Env env = new Env().size("n", 2).setVector("x", 1, 2).setVector("y", 3, 4);
        Value g = FiniteDifference.gradient(c, env, "x");
        assertArrayEquals(new double[] {3, 4}, g.flatten(), 1e-9);
        assertEquals(11, c.evaluateScalar(env), 0); // env unchanged
    }
}
