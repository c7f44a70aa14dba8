package derivcheck.calculus;

import static derivcheck.calculus.X.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import org.junit.jupiter.api.Test;

/** The finite-difference check used by the gradient tests is sharp enough to catch typical slips. */
class FdCheckCatchesWrongGradientsTest {
    static final Sym x = vec("x", "n"), b = vec("b", "n"), a = vec("a", "n");
    static final Sym A = mat("A", "n", "n"), R = mat("R", "m", "n"), c = vec("c", "m");

    @Test
    void rejectsResidualGradientWithoutTheTranspose() {
        FdCheck check = FdCheck.of(sq(norm(sub(mul(A, x), b))), x).sizes(2, 5);
        check.assertAgrees(mul(n(2), t(A), sub(mul(A, x), b)), "2A'(Ax - b)");
        check.assertRejects(mul(n(2), A, sub(mul(A, x), b)));
    }

    @Test
    void rejectsQuadraticFormGradientThatAssumesASymmetricMatrix() {
        FdCheck check = FdCheck.of(mul(t(x), A, x), x).sizes(2, 5);
        check.assertRejects(mul(n(2), A, x));
    }

    @Test
    void rejectsSquaredNormGradientMissingTheFactorTwo() {
        FdCheck.of(sq(norm(x)), x).assertRejects(x);
    }

    @Test
    void rejectsSigmoidDerivativeWithoutOneMinusSigmoid() {
        Sym u = s("u");
        FdCheck.of(ap(Builtin.SIGMOID, u), u).assertRejects(ap(Builtin.SIGMOID, u));
    }

    @Test
    void rejectsMatrixGradientWithTransposedOuterProduct() {
        Sym W = mat("W", "n", "n");
        FdCheck check = FdCheck.of(mul(t(a), W, b), W).sizes(2, 5);
        check.assertAgrees(mul(a, t(b)), "ab'");
        check.assertRejects(mul(b, t(a)));
    }

    @Test
    void rejectsNormGradientWithoutDivisionByTheNorm() {
        Expr f = norm(sub(mul(R, x), c));
        FdCheck.of(f, x).assertRejects(mul(t(R), sub(mul(R, x), c)));
    }
}
