package derivcheck.calculus;

import static derivcheck.calculus.X.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Grad;
import derivcheck.expr.Num;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.numeric.Compiled;
import derivcheck.numeric.Env;
import derivcheck.numeric.FiniteDifference;
import derivcheck.numeric.Value;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hessians grad(grad(L, x), x) by {@link Jacobian}: each is compared entry by entry with the
 * finite-difference Jacobian of the (separately checked) first gradient, on random instances.
 */
class HessianTest {
    private static final Sym x = vec("x", "n"), w = vec("w", "d"), b = vec("b", "n"), y = vec("y", "m");
    private static final Sym A = mat("A", "n", "n"), Xm = mat("X", "m", "d"), B = mat("B", "m", "n");

    /** The Hessian of f (n-by-n), checked against finite differences of its gradient; returns it. */
    private static Expr hessianAgrees(Expr f, Sym v, String... positive) {
        FdCheck check = FdCheck.of(f, v).positive(positive);
        Expr g = check.verify(); // the first gradient agrees with finite differences of f
        Expr h = Gradient.of(g, v);
        int n = 0;
        assertEquals(Shape.of(v.shape().rows(), v.shape().rows()), h.shape(), str(h));
        Compiled cg = Compiled.of(g), ch = Compiled.of(h);
        double worst = 0;
        for (int k = 0; k < 10; k++) {
            Env env = check.instance(new Random(977L * k + 3), f, g, h);
            Value at = env.get(v.name());
            Env work = env.copy();
            double[][] fd = FiniteDifference.accurateJacobian(xs -> cg.evaluate(work.set(v.name(), at.unflatten(xs))).flatten(), at.flatten());
            double[] an = ch.evaluate(env).flatten();
            n = fd.length;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double e = an[i * n + j], r = fd[i][j];
                    worst = Math.max(worst, Math.abs(e - r) / Math.max(1, Math.max(Math.abs(e), Math.abs(r))));
                }
            }
        }
        assertTrue(worst <= 1e-7, "Hessian of " + str(f) + " = " + str(h) + " differs from differences by " + worst);
        return h;
    }

    @Test void quadraticFormHasTheSymmetrizedMatrix() {
        Expr f = sub(mul(n(1, 2), t(x), A, x), inner(b, x));
        assertEquals("1/2*A' + 1/2*A", str(hessianAgrees(f, x)));
    }

    @Test void leastSquaresHasTwiceTheGram() {
        assertEquals("2*B'*B", str(hessianAgrees(sq(norm(sub(mul(B, x), y))), x)));
    }

    @Test void logisticLossInEntriesAndInVectorForm() {
        Sym i = idx("i");
        Expr xw = at(mul(Xm, w), i);
        Expr entries = neg(sum(i, n(1), dim("m"), add(mul(at(y, i), ap(Builtin.LOG, ap(Builtin.SIGMOID, xw))),
                mul(sub(n(1), at(y, i)), ap(Builtin.LOG, sub(n(1), ap(Builtin.SIGMOID, xw)))))));
        hessianAgrees(entries, w);
        Expr vector = sub(ap(Builtin.SUM, ap(Builtin.SOFTPLUS, mul(Xm, w))), mul(t(y), Xm, w));
        Expr h = hessianAgrees(vector, w);
        assertTrue(str(h).contains("diag("), str(h)); // X' * diag(sigmoid'(X w)) * X
    }

    @Test void powersOfTheNormAndARadialFunction() {
        hessianAgrees(pow(norm(x), n(4)), x);
        hessianAgrees(ap(fn("rho"), norm(x)), x);
    }

    @Test void logSumExpOfALinearMap() {
        hessianAgrees(ap(Builtin.LOGSUMEXP, mul(A, x)), x);
    }

    @Test void entrywiseFunctionsAndProducts() {
        hessianAgrees(ap(Builtin.SUM, ap(Builtin.TANH, x)), x);
        hessianAgrees(mul(inner(x, x), inner(b, x)), x);
        hessianAgrees(ap(Builtin.SUM, ap(Builtin.EXP, ap(Builtin.HADAMARD, b, x))), x);
    }

    @Test void theHessianNodeHasTheMatrixShapeAndAMatrixFunctionIsRefused() {
        Expr h = new Grad(new Grad(sq(norm(x)), x, P), x, P);
        assertEquals(Shape.of(x.shape().rows(), x.shape().rows()), h.shape());
        assertEquals("2*I_n", str(Gradient.of(Gradient.of(sq(norm(x)), x), x)));
        assertEquals("0*x*b'", str(Gradient.of(b, x))); // a vector free of x: the zero matrix
        assertThrows(derivcheck.expr.ShapeException.class, () -> new Grad(A, x, P));
        assertThrows(NotDifferentiableException.class, () -> Gradient.of(mul(A, x), A)); // not a vector variable
    }
}
