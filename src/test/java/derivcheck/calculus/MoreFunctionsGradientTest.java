package derivcheck.calculus;

import static derivcheck.calculus.X.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The derivatives of cosh, sinh, tan, atan, softplus, log1p, erf, the Gaussian CDF and density,
 * logsumexp and entrywise max/min agree with central finite differences, as scalars and entrywise
 * on vectors; a wrong rule would be caught (the same check rejects a sign-flipped derivative).
 */
class MoreFunctionsGradientTest {
    static final Sym x = vec("x", "n"), a = vec("a", "n"), u = s("u");

    static final List<Builtin> UNARY = List.of(Builtin.COSH, Builtin.SINH, Builtin.TAN, Builtin.ATAN, Builtin.SOFTPLUS,
            Builtin.LOG1P, Builtin.ERF, Builtin.NORMCDF, Builtin.NORMPDF);

    @Test void eachNewScalarFunctionOfAScalarAgreesWithFiniteDifferences() {
        for (Builtin f : UNARY) {
            // u is drawn in (0.5, 2): inside log1p's domain and away from tan's poles at +-pi/2 only after scaling
            Expr arg = f == Builtin.TAN ? mul(n(1, 2), u) : u;
            FdCheck.of(mul(ap(f, arg), ap(f, arg)), u).positive("u").verify();
        }
    }

    @Test void eachNewFunctionActsEntrywiseOnAVectorAndItsGradientIsEntrywise() {
        for (Builtin f : UNARY) {
            Expr inside = f == Builtin.TAN || f == Builtin.LOG1P ? mul(n(1, 4), ap(Builtin.SIN, x)) : x;
            Expr g = FdCheck.of(inner(a, ap(f, inside)), x).verify();
            assertTrue(g.shape().isVector(), f + ": " + str(g));
        }
    }

    @Test void logCoshLossGradientIsTanhOfTheResidual() {
        // sum_i log cosh(x_i - a_i): the gradient is tanh(x - a)
        Expr loss = ap(Builtin.SUM, ap(Builtin.LOG, ap(Builtin.COSH, sub(x, a))));
        FdCheck check = FdCheck.of(loss, x);
        check.verify();
        check.assertAgrees(ap(Builtin.TANH, sub(x, a)), "tanh(x - a)");
        check.assertRejects(neg(ap(Builtin.TANH, sub(x, a))));
    }

    @Test void logsumexpGradientIsSoftmax() {
        Expr f = ap(Builtin.LOGSUMEXP, sub(x, a));
        FdCheck check = FdCheck.of(f, x);
        check.verify();
        check.assertAgrees(ap(Builtin.SOFTMAX, sub(x, a)), "softmax(x - a)");
    }

    @Test void entrywiseMaxAndMinOfTwoVectorsAndOfAVectorAndAScalar() {
        for (Builtin f : List.of(Builtin.MAX, Builtin.MIN)) {
            FdCheck.of(inner(a, ap(f, x, a)), x).verify();
            FdCheck.of(sq(norm(ap(f, x, n(0)))), x).verify();
        }
    }

    @Test void softplusDerivativeIsSigmoidAndAWrongOneIsRejected() {
        FdCheck check = FdCheck.of(ap(Builtin.SOFTPLUS, u), u);
        check.assertAgrees(ap(Builtin.SIGMOID, u), "sigmoid(u)");
        check.assertRejects(ap(Builtin.SIGMOID, neg(u)));
    }
}
