package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import derivcheck.numeric.Compiler;
import derivcheck.numeric.Env;
import derivcheck.numeric.FiniteDifference;
import derivcheck.numeric.Value;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The numeric tier never fails a right derivative: random smooth functions of w are generated
 * together with their first and second derivatives (written by the generator's own chain rule,
 * independent of package calculus), and the model's grad(f, w), grad(grad(f, w), w) and the
 * Newton step w - f'/f'' are compared with them under the verifier's own tolerance, at points
 * spread over [-2, 2] and at points and scales near 0. The finite-difference fallback alone
 * (no symbolic gradient) is held to the same tolerance.
 */
class NumericTierNeverFailsARightDerivativeTest {
    private static final Sym W = Sym.scalar("w");
    private static final Problem P = VerifyTesting.spec("""
            problem t
              given w : real
            """);

    /** f, f' and f'' of one generated function. */
    private record D(Expr f, Expr d1, Expr d2) {}

    private static Expr c(double v) {
        long k = Math.round(v * 8);
        return Num.of(k, 8);
    }

    private static D gen(Random r, int depth) {
        int pick = depth == 0 ? r.nextInt(2) : 2 + r.nextInt(3);
        switch (pick) {
            case 0: return new D(W, Num.ONE, Num.ZERO);
            case 1: {
                Expr k = c(r.nextDouble() * 4 - 2);
                return new D(Exprs.add(Exprs.mul(k, W), c(r.nextDouble() * 2 - 1)), k, Num.ZERO);
            }
            case 2: {
                D a = gen(r, depth - 1), b = gen(r, depth - 1);
                return new D(Exprs.add(a.f, b.f), Exprs.add(a.d1, b.d1), Exprs.add(a.d2, b.d2));
            }
            case 3: {
                D a = gen(r, depth - 1), b = gen(r, depth - 1);
                return new D(Exprs.mul(a.f, b.f), Exprs.add(Exprs.mul(a.d1, b.f), Exprs.mul(a.f, b.d1)),
                        Exprs.add(Exprs.mul(a.d2, b.f), Exprs.mul(Num.of(2), a.d1, b.d1), Exprs.mul(a.f, b.d2)));
            }
            default: return unary(r, gen(r, depth - 1));
        }
    }

    /** phi(a): (phi(a), phi'(a) a', phi''(a) a'^2 + phi'(a) a''). */
    private static D unary(Random r, D a) {
        Expr u = a.f;
        Expr p0, p1, p2;
        switch (r.nextInt(7)) {
            case 0 -> { p0 = Apply.of(Builtin.SIN, u); p1 = Apply.of(Builtin.COS, u); p2 = Exprs.neg(p0); }
            case 1 -> { p0 = Apply.of(Builtin.COS, u); p1 = Exprs.neg(Apply.of(Builtin.SIN, u)); p2 = Exprs.neg(p0); }
            case 2 -> {
                p0 = Apply.of(Builtin.TANH, u);
                p1 = Exprs.sub(Num.ONE, Exprs.sq(p0));
                p2 = Exprs.mul(Num.of(-2), p0, p1);
            }
            case 3 -> {
                p0 = Apply.of(Builtin.SIGMOID, u);
                p1 = Exprs.mul(p0, Exprs.sub(Num.ONE, p0));
                p2 = Exprs.mul(p1, Exprs.sub(Num.ONE, Exprs.mul(Num.of(2), p0)));
            }
            case 4 -> { // exp(u/2)
                p0 = Apply.of(Builtin.EXP, Exprs.mul(Num.of(1, 2), u));
                p1 = Exprs.mul(Num.of(1, 2), p0);
                p2 = Exprs.mul(Num.of(1, 4), p0);
            }
            case 5 -> { // log(1 + u^2)
                Expr q = Exprs.add(Num.ONE, Exprs.sq(u));
                p0 = Apply.of(Builtin.LOG, q);
                p1 = Exprs.div(Exprs.mul(Num.of(2), u), q);
                p2 = Exprs.div(Exprs.sub(Num.of(2), Exprs.mul(Num.of(2), Exprs.sq(u))), Exprs.sq(q));
            }
            default -> { // 1/(1 + u^2)
                Expr q = Exprs.add(Num.ONE, Exprs.sq(u));
                p0 = Exprs.div(Num.ONE, q);
                p1 = Exprs.div(Exprs.mul(Num.of(-2), u), Exprs.sq(q));
                p2 = Exprs.div(Exprs.sub(Exprs.mul(Num.of(6), Exprs.sq(u)), Num.of(2)), Exprs.pow(q, Num.of(3)));
            }
        }
        return new D(p0, Exprs.mul(p1, a.d1), Exprs.add(Exprs.mul(p2, Exprs.sq(a.d1)), Exprs.mul(p1, a.d2)));
    }

    /** A point: mostly in [-2, 2], a quarter near 0 (down to 1e-9). */
    private static double point(Random r) {
        if (r.nextInt(4) == 0) return (r.nextBoolean() ? 1 : -1) * Math.pow(10, -9 + 6 * r.nextDouble());
        return r.nextDouble() * 4 - 2;
    }

    private static double at(Expr e, double w) { return Compiler.compile(e).evaluate(new Env().set("w", w)).asDouble(); }

    private static boolean usable(double... xs) {
        for (double x : xs) if (!Double.isFinite(x) || Math.abs(x) > 1e6) return false;
        return true;
    }

    @Test
    void firstAndSecondDerivativesAndNewtonStepsOfTheModelAreNeverFailedWhenRight() {
        Random r = new Random(20261206L);
        int checked = 0;
        for (int fn = 0; fn < 900 && checked < 10_500; fn++) {
            D d = gen(r, 1 + r.nextInt(3));
            // a small scale for some functions: values and derivatives near 0
            if (r.nextInt(5) == 0) {
                Expr k = Num.of(1, 1_000_000);
                d = new D(Exprs.mul(k, d.f), Exprs.mul(k, d.d1), Exprs.mul(k, d.d2));
            }
            Model m = new Model(P);
            Grad g1 = new Grad(d.f, W, Pos.NONE);
            Grad g2 = new Grad(g1, W, Pos.NONE);
            Expr newton = Exprs.sub(W, Exprs.div(g1, g2));
            Expr newtonRef = Exprs.sub(W, Exprs.div(d.d1, d.d2));
            for (int k = 0; k < 6; k++) {
                double w = point(r);
                double f = at(d.f, w), r1 = at(d.d1, w), r2 = at(d.d2, w);
                if (!usable(f, r1, r2)) continue;
                Env env = new Env().set("w", w);
                expectAgree(m.eval(g1, env), r1, d.f, "f'", w);
                expectAgree(m.eval(g2, env), r2, d.f, "f''", w);
                checked += 2;
                if (Math.abs(r2) > 1e-2) {
                    expectAgree(m.eval(newton, env), at(newtonRef, w), d.f, "w - f'/f''", w);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 10_000, "only " + checked + " cases were usable");
    }

    @Test
    void theFiniteDifferenceFallbackAloneMeetsTheToleranceForFirstAndSecondDerivatives() {
        Random r = new Random(7);
        int checked = 0;
        for (int fn = 0; fn < 1500; fn++) {
            D d = gen(r, 1 + r.nextInt(3));
            var f = Compiler.compile(d.f);
            java.util.function.ToDoubleFunction<double[]> fx = x -> f.evaluate(new Env().set("w", x[0])).asDouble();
            java.util.function.ToDoubleFunction<double[]> dx = x -> FiniteDifference.accurateGradient(fx, x)[0];
            for (int k = 0; k < 3; k++) {
                double w = point(r);
                double r1 = at(d.d1, w), r2 = at(d.d2, w);
                if (!usable(at(d.f, w), r1, r2)) continue;
                double[] x = {w};
                expectAgree(Value.of(FiniteDifference.accurateGradient(fx, x)[0]), r1, d.f, "f' (Richardson)", w);
                expectAgree(Value.of(FiniteDifference.accurateGradient(dx, x)[0]), r2, d.f, "f'' (nested Richardson)", w);
                expectAgree(Value.of(FiniteDifference.refinedGradient(fx, x)[0]), r1, d.f, "f' (Ridders)", w);
                checked += 3;
            }
        }
        assertTrue(checked >= 10_000, "only " + checked + " cases were usable");
    }

    private static void expectAgree(Value got, double want, Expr f, String what, double w) {
        if (!Claims.holds(RelOp.EQ, got, Value.of(want), NumericVerifier.FD_TOL)) {
            fail(what + " of " + TextPrinter.print(f) + " at w = " + w + ": numeric " + got.asDouble() + ", reference " + want);
        }
    }
}
