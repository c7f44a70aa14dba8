package derivcheck.numeric;

import static derivcheck.numeric.Ex.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.NormKind;

/**
 * Not a test: a quick timing loop for the compiled evaluator (run its main). Measures a
 * ~20-node scalar expression at 20 sample points, binding included, after warm-up.
 */
public final class EvaluatorTiming {
    public static void main(String[] args) {
        // a*x^2 + b*sin(y) + exp(-(x-y)^2 / (2*s^2)) + log(1 + x^2) - sigmoid(a*y)
        Expr x = s("x"), y = s("y"), a = s("a"), b = s("b"), sg = s("s");
        Expr e = add(
                mul(a, pow(x, n(2))),
                mul(b, ap(Builtin.SIN, y)),
                ap(Builtin.EXP, mul(n(-1), pow(sub(x, y), n(2)), pow(mul(n(2), pow(sg, n(2))), n(-1)))),
                ap(Builtin.LOG, add(n(1), pow(x, n(2)))),
                neg(ap(Builtin.SIGMOID, mul(a, y))));
        System.out.println("nodes: " + count(e));
        Compiled c = Compiler.compile(e);
        Rng rng = new Rng(1);
        Env[] points = new Env[20];
        for (int i = 0; i < 20; i++) {
            points[i] = new Env().set("x", rng.normal()).set("y", rng.normal()).set("a", rng.positive())
                    .set("b", rng.normal()).set("s", rng.positive());
        }
        // a vector expression too: ||A x - b||^2 + lambda ||x||_1 with n = 10
        Expr ve = add(pow(norm(sub(mul(mat("A", "n", "n"), vec("x", "n")), vec("b", "n")), NormKind.L2), n(2)),
                mul(s("lambda"), norm(vec("x", "n"), NormKind.L1)));
        Compiled vc = Compiler.compile(ve);
        Env[] vpoints = new Env[20];
        for (int i = 0; i < 20; i++) {
            vpoints[i] = new Env().size("n", 10).set("A", rng.matrix(10, 10)).set("x", rng.vector(10))
                    .set("b", rng.vector(10)).set("lambda", rng.positive());
        }
        double sink = 0;
        for (int round = 0; round < 5; round++) {
            int reps = 20000;
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) for (Env p : points) sink += c.evaluateScalar(p);
            long t1 = System.nanoTime();
            for (int r = 0; r < reps / 10; r++) for (Env p : vpoints) sink += vc.evaluateScalar(p);
            long t2 = System.nanoTime();
            var f = c.asFunctionOf(points[0], "x");
            double[] xs = new double[1];
            for (int r = 0; r < reps; r++) for (int k = 0; k < 20; k++) { xs[0] = k * 0.1; sink += f.applyAsDouble(xs); }
            long t3 = System.nanoTime();
            System.out.printf("round %d: scalar expr, 20 points: %.2f us (%.0f ns/point); "
                    + "vector expr n=10, 20 points: %.2f us; asFunctionOf, 20 points: %.2f us%n",
                    round, (t1 - t0) / 1e3 / reps, (t1 - t0) / 20.0 / reps, (t2 - t1) / 1e3 / (reps / 10),
                    (t3 - t2) / 1e3 / reps);
        }
        System.out.println("(sink " + sink + ")");
    }

    private static int count(Expr e) {
        int n = 1;
        for (Expr c : e.children()) n += count(c);
        return n;
    }
}
