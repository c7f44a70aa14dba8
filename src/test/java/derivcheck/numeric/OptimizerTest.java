package derivcheck.numeric;

import static derivcheck.numeric.Ex.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.NormKind;
import derivcheck.expr.Sym;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    private static double dot(double[] a, double[] b) { return OptimizationProblem.dot(a, b); }

    private static void assertPoint(double[] expected, double[] actual, double tol) {
        Comparison c = Comparison.of(expected, actual);
        assertTrue(c.within(tol), () -> "expected " + java.util.Arrays.toString(expected)
                + " got " + java.util.Arrays.toString(actual) + " " + c);
    }

    @Test
    void unconstrainedQuadraticReachesKnownMinimizerAInverseB() {
        Rng rng = new Rng(7);
        int n = 4;
        RealMatrix a = rng.spd(n);
        RealVector b = rng.vector(n);
        // f(x) = 1/2 x'Ax - b'x, minimizer A^-1 b
        OptimizationProblem p = OptimizationProblem.minimize(n, x -> {
            RealVector v = new ArrayRealVector(x, false);
            return 0.5 * v.dotProduct(a.operate(v)) - b.dotProduct(v);
        });
        OptimizationResult r = new Optimizer(1).minimize(p);
        double[] expected = new LUDecomposition(a).getSolver().solve(b).toArray();
        assertEquals(OptimizationResult.Status.OPTIMAL, r.status());
        assertPoint(expected, r.x(), 1e-6);
        assertEquals(0, r.maxViolation());
    }

    @Test
    void unconstrainedQuadraticFromCompiledExpressionMatchesClosedForm() {
        // objective written as an Expr: ||x - y||^2 + lambda ||x||^2, minimizer y / (1 + lambda)
        Sym x = vec("x", "n"), y = vec("y", "n");
        Expr f = add(pow(norm(sub(x, y), NormKind.L2), n(2)), mul(s("lambda"), pow(norm(x, NormKind.L2), n(2))));
        Env env = new Env().size("n", 3).setVector("y", 1, -2, 0.5).set("lambda", 0.25);
        var obj = Compiler.compile(f).asFunctionOf(env, "x");
        OptimizationResult r = new Optimizer(2).minimize(OptimizationProblem.minimize(3, obj));
        assertPoint(new double[] {0.8, -1.6, 0.4}, r.x(), 1e-6);
        assertEquals(0.25 * (0.64 + 2.56 + 0.16) + 0.04 + 0.16 + 0.01, r.value(), 1e-9);
    }

    @Test
    void linearObjectiveOverBoxBySimplexIsMinusEpsSignC() {
        double eps = 0.3;
        double[] c = {1.5, -2, 0.7, -0.1};
        OptimizationResult r = new Optimizer(3).minimize(OptimizationProblem.linear(c).bounds(-eps, eps));
        assertEquals("simplex", r.method());
        assertPoint(new double[] {-0.3, 0.3, -0.3, 0.3}, r.x(), 1e-12);
        assertEquals(-eps * 4.3, r.value(), 1e-12);
    }

    @Test
    void linearObjectiveOverBoxByBobyqaAlsoGivesMinusEpsSignC() {
        double eps = 0.3;
        double[] c = {1.5, -2, 0.7, -0.1};
        OptimizationResult r = new Optimizer(3).minimize(OptimizationProblem.minimize(4, x -> dot(c, x)).bounds(-eps, eps));
        assertEquals("bobyqa", r.method());
        assertPoint(new double[] {-0.3, 0.3, -0.3, 0.3}, r.x(), 1e-8);
    }

    @Test
    void linearProgramWithInequalitiesMatchesHandSolution() {
        // min -x - y s.t. x + 2y <= 4, 3x + y <= 6, x, y >= 0: vertex (8/5, 6/5)
        OptimizationProblem p = OptimizationProblem.linear(new double[] {-1, -1})
                .linearInequality(new double[] {1, 2}, 4).linearInequality(new double[] {3, 1}, 6)
                .bounds(0, Double.POSITIVE_INFINITY);
        OptimizationResult r = new Optimizer(1).minimize(p);
        assertPoint(new double[] {1.6, 1.2}, r.x(), 1e-12);
        // and unbounded when the constraints are dropped
        OptimizationResult u = new Optimizer(1).minimize(OptimizationProblem.linear(new double[] {-1, -1}).bounds(0, Double.POSITIVE_INFINITY));
        assertEquals(OptimizationResult.Status.UNBOUNDED, u.status());
    }

    @Test
    void linearObjectiveOverL2BallIsMinusEpsCOverNormC() {
        double eps = 0.5;
        double[] c = {3, -4, 1};
        double nc = Math.sqrt(26);
        OptimizationProblem p = OptimizationProblem.minimize(3, x -> dot(c, x))
                .inequality(x -> dot(x, x) - eps * eps);
        OptimizationResult r = new Optimizer(4).minimize(p);
        assertTrue(r.method().startsWith("augmented-lagrangian"), r.method());
        assertEquals(OptimizationResult.Status.OPTIMAL, r.status(), r.toString());
        assertPoint(new double[] {-eps * 3 / nc, eps * 4 / nc, -eps / nc}, r.x(), 1e-5);
        assertEquals(-eps * nc, r.value(), 1e-6);
        assertTrue(r.maxViolation() <= 1e-6);
    }

    @Test
    void equalityConstrainedQuadraticMatchesLagrangeSolution() {
        // min ||x||^2 s.t. <a, x> = 1: x = a / ||a||^2
        double[] a = {1, 2, -2};
        OptimizationProblem p = OptimizationProblem.minimize(3, x -> dot(x, x)).equality(x -> dot(a, x) - 1);
        OptimizationResult r = new Optimizer(5).minimize(p);
        assertEquals(OptimizationResult.Status.OPTIMAL, r.status(), r.toString());
        assertPoint(new double[] {1 / 9.0, 2 / 9.0, -2 / 9.0}, r.x(), 1e-6);
        assertEquals(1 / 9.0, r.value(), 1e-8);
    }

    @Test
    void oneDimensionalConvexProblemUsesBrentAndFindsMinimizer() {
        // min x - log x on x > 0: x = 1, value 1
        OptimizationProblem p = OptimizationProblem.minimize(1, x -> x[0] - Math.log(x[0])).bounds(0, Double.POSITIVE_INFINITY);
        OptimizationResult r = new Optimizer(6).minimize(p);
        assertEquals("brent", r.method());
        assertEquals(1.0, r.x()[0], 1e-6);
        assertEquals(1.0, r.value(), 1e-12);
        // unbounded 1-D: (x - 3)^2 + 1
        OptimizationResult q = new Optimizer(6).minimize(OptimizationProblem.minimize(1, x -> (x[0] - 3) * (x[0] - 3) + 1));
        assertEquals(3.0, q.x()[0], 1e-6);
        // a linear 1-D objective on an interval ends at the bound
        OptimizationResult l = new Optimizer(6).minimize(OptimizationProblem.minimize(1, x -> -2 * x[0]).bounds(-1, 0.4));
        assertEquals(0.4, l.x()[0], 1e-12);
    }

    @Test
    void bernoulliKlMirrorStepMinimizerIsSigmoidOfShiftedLogit() {
        // min_x eps*g*x + KL(Bern(x) || Bern(x0)) over (0,1): x = sigmoid(logit(x0) - eps*g)
        double x0 = 0.3, eps = 0.7, g = -1.9;
        OptimizationProblem p = OptimizationProblem.minimize(1, v -> {
            double x = v[0];
            return eps * g * x + x * Math.log(x / x0) + (1 - x) * Math.log((1 - x) / (1 - x0));
        }).bounds(0, 1);
        OptimizationResult r = new Optimizer(8).minimize(p);
        double expected = Builtins.sigmoid(Builtins.logit(x0) - eps * g);
        assertEquals(expected, r.x()[0], 1e-7);
    }

    @Test
    void bernoulliKlMirrorStepPerCoordinateInTwoDimensionsUsesBobyqa() {
        double[] x0 = {0.3, 0.8}, g = {-1.9, 0.6};
        double eps = 0.7;
        OptimizationProblem p = OptimizationProblem.minimize(2, v -> {
            double s = 0;
            for (int i = 0; i < 2; i++) {
                double x = v[i];
                s += eps * g[i] * x + x * Math.log(x / x0[i]) + (1 - x) * Math.log((1 - x) / (1 - x0[i]));
            }
            return s;
        }).bounds(0, 1);
        OptimizationResult r = new Optimizer(8).minimize(p);
        assertEquals("bobyqa", r.method());
        for (int i = 0; i < 2; i++) {
            assertEquals(Builtins.sigmoid(Builtins.logit(x0[i]) - eps * g[i]), r.x()[i], 1e-6);
        }
    }

    @Test
    void infeasibleConstraintsAreReportedAsInfeasible() {
        // x >= 1 and x <= -1 (as g's): no feasible point
        OptimizationProblem p = OptimizationProblem.minimize(2, x -> dot(x, x))
                .inequality(x -> 1 - x[0]).inequality(x -> x[0] + 1);
        OptimizationResult r = new Optimizer(9).starts(2).minimize(p);
        assertEquals(OptimizationResult.Status.INFEASIBLE, r.status());
        assertTrue(r.maxViolation() > 0.5);
    }

    @Test
    void seededRunsAreReproducible() {
        OptimizationProblem p = OptimizationProblem.minimize(2, x -> Math.pow(x[0] - 1, 2) + 10 * Math.pow(x[1] - x[0] * x[0], 2));
        OptimizationResult a = new Optimizer(11).minimize(p), b = new Optimizer(11).minimize(p);
        assertArrayEquals(a.x(), b.x(), 0);
        assertPoint(new double[] {1, 1}, a.x(), 1e-5);
    }

    @Test
    void softThresholdProblemWithAbsoluteValueIsSolved() {
        // min 1/2 (x - a)^2 + lam |x| per coordinate: soft threshold; nonsmooth objective
        double[] a = {2.0, -0.3, -1.5};
        double lam = 0.5;
        OptimizationProblem p = OptimizationProblem.minimize(3, x -> {
            double s = 0;
            for (int i = 0; i < 3; i++) s += 0.5 * (x[i] - a[i]) * (x[i] - a[i]) + lam * Math.abs(x[i]);
            return s;
        });
        OptimizationResult r = new Optimizer(12).minimize(p);
        assertPoint(new double[] {1.5, 0, -1.0}, r.x(), 1e-5);
        assertNotNull(Builtin.ABS);
    }
}
