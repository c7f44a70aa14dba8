package derivcheck.calculus;

import static derivcheck.calculus.X.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Num;
import derivcheck.expr.Sym;
import org.junit.jupiter.api.Test;

/**
 * Gradients through a scalar broadcast in a vector sum (x - c is x - c*ones(n)): with respect to
 * the vector the broadcast term is a constant, with respect to the scalar it collects every entry
 * of the adjoint. Every result is checked against central finite differences.
 */
class BroadcastGradientTest {
    static final Sym x = vec("x", "n"), a = vec("a", "n"), c = s("c"), lam = s("lambda");
    static final Sym A = mat("A", "m", "n");

    @Test void gradientOfASquaredDistanceToAShiftIsTwiceTheShiftedVector() {
        Expr f = sq(norm(sub(x, c)));
        assertEquals("2*(x - c)", str(FdCheck.of(f, x).verify()));
    }

    @Test void derivativeInTheBroadcastScalarSumsTheAdjointOverEveryEntry() {
        FdCheck.of(sq(norm(sub(x, c))), c).verify();
        FdCheck.of(inner(a, sub(x, mul(c, lam))), c).verify();
        FdCheck.of(ap(Builtin.SUM, ap(Builtin.EXP, sub(x, c))), c).verify();
    }

    @Test void gradientThroughAnAffineMapMinusAScalarMatchesFiniteDifferences() {
        Expr f = sq(norm(sub(mul(A, x), c)));
        FdCheck.of(f, x).trials(20).verify();
        FdCheck.of(f, c).trials(20).verify();
    }

    @Test void gradientOfTheSoftThresholdInsideAnInnerProductMatchesFiniteDifferences() {
        // <a, sign(x) .* max(abs(x) - c, 0)> away from the kinks (FdCheck keeps entries off 0)
        Expr st = ap(Builtin.HADAMARD, ap(Builtin.SIGN, x), ap(Builtin.MAX, sub(ap(Builtin.ABS, x), mul(n(1, 100), c)), Num.ZERO));
        FdCheck.of(inner(a, st), x).verify();
    }

    @Test void argmaxIsAnIndexWithoutAGradientRule() {
        Expr vertex = at(x, ap(Builtin.ARGMAX, ap(Builtin.ABS, x)));
        NotDifferentiableException e = org.junit.jupiter.api.Assertions.assertThrows(NotDifferentiableException.class,
                () -> Gradient.of(vertex, x));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("argmax"), e.getMessage());
    }
}
