package derivcheck.calculus;

import static derivcheck.calculus.X.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Grad;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Sym;
import derivcheck.expr.Variance;
import org.junit.jupiter.api.Test;

class GradientTest {
    static final Sym x = vec("x", "n"), a = vec("a", "n"), b = vec("b", "m"), c = vec("c", "n");
    static final Sym A = mat("A", "m", "n"), S = mat("S", "n", "n");
    static final Sym w = vec("w", "d"), t = vec("t", "N"), Xd = mat("X", "N", "d");

    // ------------------------------------------------------------ linear and quadratic forms

    @Test
    void gradientOfInnerProductWithConstantVectorIsThatVectorInEitherArgumentAndAsRowTimesColumn() {
        for (Expr f : new Expr[] {inner(a, x), inner(x, a), mul(t(a), x), mul(t(x), a)}) {
            assertEquals("a", str(FdCheck.of(f, x).verify()), str(f));
        }
    }

    @Test
    void gradientOfSquaredNormIsTwiceTheVector() {
        assertEquals("2*x", str(FdCheck.of(sq(norm(x)), x).verify()));
    }

    @Test
    void gradientOfSquaredResidualIsTwoXTransposeResidual() {
        Expr f = sq(norm(sub(mul(Xd, w), t)));
        assertEquals("2*X'*(X*w - t)", str(FdCheck.of(f, w).verify()));
    }

    @Test
    void gradientOfSquaredAffineResidualIsTwoATransposeResidualAtRandomRectangularSizes() {
        Expr f = sq(norm(sub(mul(A, x), b)));
        assertEquals("2*A'*(A*x - b)", str(FdCheck.of(f, x).trials(20).verify()));
    }

    @Test
    void gradientOfNormIsJacobianTransposeTimesUnitResidual() {
        assertEquals("||x||^-1*x", str(FdCheck.of(norm(x), x).verify()));
        Expr f = norm(sub(mul(A, x), b));
        assertEquals("||A*x - b||^-1*A'*(A*x - b)", str(FdCheck.of(f, x).verify()));
    }

    @Test
    void gradientOfDeclaredFunctionOfNormUsesItsDerivativeTimesUnitResidual() {
        Expr f = ap(fn("rho"), norm(sub(mul(A, x), b)));
        assertEquals("rho'(||A*x - b||)*||A*x - b||^-1*A'*(A*x - b)", str(FdCheck.of(f, x).verify()));
    }

    @Test
    void gradientOfQuadraticFormIsAPlusATransposeTimesX() {
        Expr f = mul(t(x), S, x);
        assertEquals("(S + S')*x", str(FdCheck.of(f, x).verify()));
    }

    @Test
    void gradientOfProductsWithConstantMatricesOnEitherSide() {
        assertEquals("A'*b", str(FdCheck.of(mul(t(b), A, x), x).verify()));
        assertEquals("A'*b", str(FdCheck.of(mul(t(x), t(A), b), x).verify()));
        assertEquals("A'*b", str(FdCheck.of(inner(mul(A, x), b), x).verify()));
        assertEquals("A'*b", str(FdCheck.of(inner(b, mul(A, x)), x).verify()));
    }

    @Test
    void gradientOfProximalObjectiveCombinesTermsWithRationalCoefficients() {
        Sym g = vec("g", "n"), th = vec("theta", "n"), tht = vec("theta_t", "n");
        Sym lam = s("lambda"), eps = s("eps");
        Expr f = add(inner(g, sub(th, tht)), mul(div(lam, n(2)), sq(norm(th))),
                mul(div(n(1), mul(n(2), eps)), sq(norm(sub(th, tht)))));
        Expr grad = FdCheck.of(f, th).positive("eps").verify();
        assertEquals("g + lambda*theta + eps^-1*(theta - theta_t)", str(grad));
    }

    @Test
    void gradientOfSumOfBothArgumentsOfInnerProductCountsEachOccurrence() {
        Expr f = inner(add(x, a), sub(x, c)); // = ||x||^2 + <a - c, x> - <a, c>
        FdCheck.of(f, x).verify();
    }

    @Test
    void gradientOfProductsWhoseOneByOneRunsScaleTheRestOfTheChain() {
        Expr f = mul(t(a), x, t(c), x); // (a'x)(c'x)
        assertEquals("(c'*x)*a + (a'*x)*c", str(FdCheck.of(f, x).verify()));
        // ||(a'x) x||^2 written flat; the finite differences evaluate the same function written
        // with an explicit scalar factor (the numeric evaluator multiplies flat chains as matrices)
        FdCheck.of(sq(norm(mul(mul(t(a), x), x))), x).assertAgrees(Gradient.of(sq(norm(mul(t(a), x, x))), x), "flat");
        FdCheck.of(mul(t(x), S, x, t(a), x), x).verify(); // (x'Sx)(a'x)
    }

    // ------------------------------------------------------------ entrywise functions

    @Test
    void gradientOfEntrywiseBuiltinsOfAffineVectorMatchesFiniteDifferences() {
        Builtin[] fs = {Builtin.LOG, Builtin.EXP, Builtin.SQRT, Builtin.SIGMOID, Builtin.TANH, Builtin.ABS,
            Builtin.RELU, Builtin.SIN, Builtin.COS, Builtin.SIGN};
        Sym P = mat("P", "m", "n"), q = vec("q", "m");
        for (Builtin fb : fs) {
            Expr f = inner(b, ap(fb, add(mul(P, x), q)));
            FdCheck.of(f, x).positive("P", "x", "q").verify();
        }
        Expr logit = inner(a, ap(Builtin.LOGIT, x));
        FdCheck.of(logit, x).unitInterval("x").verify();
    }

    @Test
    void gradientOfSumOfExpIsExpAndOfAbsIsSignWithoutTabulation() {
        assertEquals("exp(x)", str(FdCheck.of(ap(Builtin.SUM, ap(Builtin.EXP, x)), x).verify()));
        assertEquals("sign(x - a)", str(FdCheck.of(ap(Builtin.SUM, ap(Builtin.ABS, sub(x, a))), x).verify()));
        assertEquals("A'*exp(A*x)", str(FdCheck.of(ap(Builtin.SUM, ap(Builtin.EXP, mul(A, x))), x).verify()));
    }

    @Test
    void gradientOfSumOfLogIsTabulatedReciprocal() {
        Expr g = FdCheck.of(ap(Builtin.SUM, ap(Builtin.LOG, x)), x).positive("x").verify();
        assertEquals("sum(j = 1..n, x_j^-1*I_n_j)", str(g));
    }

    @Test
    void gradientOfLogisticLossIsXTransposeTimesSigmoidResidual() {
        // sum_i log(1 + exp(z_i)) - <t, z> with z = X w
        Expr z = mul(Xd, w);
        Sym i = idx("i");
        Expr f = sub(sum(i, n(1), dim("N"), ap(Builtin.LOG, add(n(1), ap(Builtin.EXP, at(z, i))))), inner(t, z));
        assertEquals("X'*(sum(i = 1..N, (1 + exp((X*w)_i))^-1*exp((X*w)_i)*I_N_i) - t)", str(FdCheck.of(f, w).verify()));
    }

    @Test
    void gradientOfSoftmaxCrossEntropyMatchesFiniteDifferences() {
        Sym y = vec("y", "n");
        Expr f = neg(inner(y, ap(Builtin.LOG, ap(Builtin.SOFTMAX, x))));
        assertEquals("sum(i = 1..n, y_i)*softmax(x) - y", str(FdCheck.of(f, x).positive("y").verify()));
        FdCheck.of(mul(t(a), ap(Builtin.SOFTMAX, mul(S, x))), x).verify();
    }

    @Test
    void gradientOfEntrywiseMaxAndMinMasksTheAdjointWithIversonBrackets() {
        FdCheck.of(ap(Builtin.SUM, ap(Builtin.MAX, x, n(0))), x).verify();
        FdCheck.of(inner(a, ap(Builtin.MIN, x, c)), x).verify();
        FdCheck.of(inner(a, ap(Builtin.MIN, c, x)), x).verify();
        Sym u = s("u"), v = s("v");
        FdCheck.of(mul(u, ap(Builtin.MAX, sq(u), v)), u).verify();
        FdCheck.of(ap(Builtin.SUM, ap(Builtin.MAX, a, u)), u).verify(); // scalar broadcast
    }

    @Test
    void gradientOfOneNormIsSignOfTheArgument() {
        assertEquals("A'*sign(A*x - b)", str(FdCheck.of(norm(sub(mul(A, x), b), NormKind.L1), x).verify()));
    }

    // ------------------------------------------------------------ scalars

    @Test
    void derivativeOfGaussianLogLikelihoodInSigma() {
        Sym sigma = s("sigma"), d = s("d"), Ss = s("S");
        Expr f = sub(neg(mul(d, ap(Builtin.LOG, sigma))), div(Ss, mul(n(2), sq(sigma))));
        Expr g = Gradient.derivative(f, sigma);
        FdCheck.of(f, sigma).positive("sigma").verify();
        assertEquals("S*sigma^-3 - d*sigma^-1", str(g));
    }

    @Test
    void derivativeOfScalarBuiltinsOfScalarsMatchesFiniteDifferences() {
        Sym u = s("u");
        for (Builtin fb : new Builtin[] {Builtin.LOG, Builtin.EXP, Builtin.SQRT, Builtin.SIGMOID, Builtin.TANH,
            Builtin.ABS, Builtin.RELU, Builtin.SIN, Builtin.COS, Builtin.SIGN}) {
            FdCheck.of(ap(fb, mul(n(3), u)), u).positive("u").verify();
            FdCheck.of(ap(fb, mul(n(3), u)), u).verify();
        }
        FdCheck.of(ap(Builtin.LOGIT, u), u).unitInterval("u").verify();
        FdCheck.of(ap(Builtin.SQRT, add(n(1), sq(u))), u).verify();
    }

    @Test
    void derivativeOfQuotientsAndPowersOfScalars() {
        Sym u = s("u"), p = s("p"), q = s("q");
        FdCheck.of(div(add(mul(p, u), q), add(sq(u), n(1))), u).verify();
        FdCheck.of(pow(u, p), u).positive("u").verify();
        FdCheck.of(pow(u, p), p).positive("u").verify();
        FdCheck.of(pow(p, u), u).positive("p").verify();
        FdCheck.of(pow(u, n(1, 2)), u).positive("u").verify();
        assertEquals("1", str(Gradient.derivative(div(mul(u, p), p), u)));
        assertEquals("-u^-2", str(Gradient.derivative(div(n(1), u), u)));
    }

    @Test
    void derivativeOfDeclaredScalarFunctionUsesItsDifferentiatedName() {
        Sym u = s("u");
        Expr f = ap(fn("rho"), sq(u));
        assertEquals("2*u*rho'(u^2)", str(FdCheck.of(f, u).verify()));
        FdCheck.of(Gradient.of(f, u), u).verify(); // second derivative: rho''
    }

    // ------------------------------------------------------------ index sums

    @Test
    void gradientOfIndexSumIsVectorOfEntryDerivatives() {
        Sym i = idx("i");
        Expr f = sum(i, n(1), dim("n"), ap(Builtin.LOG, add(n(1), ap(Builtin.EXP, at(x, i)))));
        Expr g = FdCheck.of(f, x).verify();
        // sigmoid(x) entrywise, left to the CAS to recognize: the i-th entry is exp(x_i)/(exp(x_i) + 1)
        assertEquals("sum(i = 1..n, (1 + exp(x_i))^-1*exp(x_i)*I_n_i)", str(g));
    }

    @Test
    void gradientOfIndexSumOfProductsIsTheOtherVector() {
        Sym i = idx("i");
        assertEquals("a", str(FdCheck.of(sum(i, n(1), dim("n"), mul(at(a, i), at(x, i))), x).verify()));
        assertEquals("2*x", str(FdCheck.of(sum(i, n(1), dim("n"), sq(at(x, i))), x).verify()));
    }

    @Test
    void gradientOfShiftedIndexSumFromConvolutionBackpropMatchesFiniteDifferences() {
        // L = sum_{i=1}^{N-2} (a*(x_i + x_{i+2}) + b - y_i)^2 with x in R^N
        Sym xs = vec("x", "N"), y = vec("y", "N"), i = idx("i"), al = s("alpha"), be = s("beta");
        Expr hi = add(dim("N"), n(-2));
        Expr f = sum(i, n(1), hi, sq(sub(add(mul(al, add(at(xs, i), at(xs, add(i, n(2))))), be), at(y, i))));
        FdCheck.of(f, xs).sizes(3, 7).verify();
        FdCheck.of(f, al).sizes(3, 7).verify();
        FdCheck.of(f, be).sizes(3, 7).verify();
    }

    // ------------------------------------------------------------ matrices

    @Test
    void gradientOfFrobeniusFactorizationErrorWithRespectToEitherFactor() {
        Sym M = mat("M", "m", "n"), U = mat("U", "m", "k"), V = mat("V", "k", "n");
        Expr f = sq(norm(sub(M, mul(U, V)), NormKind.FROBENIUS));
        assertEquals("-2*(M - U*V)*V'", str(FdCheck.of(f, U).verify()));
        assertEquals("-2*U'*(M - U*V)", str(FdCheck.of(f, V).verify()));
    }

    @Test
    void gradientOfTraceFormsWithRespectToTheMatrix() {
        Sym B = mat("B", "n", "m"), W = mat("W", "n", "n"), Y = mat("Y", "n", "m");
        assertEquals("A'*B'", str(FdCheck.of(ap(Builtin.TRACE, mul(A, W, B)), W).verify()));
        assertEquals("(S + S')*Y", str(FdCheck.of(ap(Builtin.TRACE, mul(t(Y), S, Y)), Y).verify()));
    }

    @Test
    void gradientOfBilinearFormWithRespectToTheMatrixIsOuterProduct() {
        Sym W = mat("W", "n", "m");
        assertEquals("a*b'", str(FdCheck.of(mul(t(a), W, b), W).verify()));
        assertEquals("a*b'", str(FdCheck.of(inner(a, mul(W, b)), W).verify()));
    }

    @Test
    void gradientThroughMatrixInverseIsMinusInverseTransposeOuterInverseTranspose() {
        Sym Z = mat("Z", "n", "n");
        Expr f = mul(t(a), inv(Z), c);
        Expr g = FdCheck.of(f, Z).nearIdentity("Z", 0.2).verify();
        assertEquals("-inv(Z)'*a*c'*inv(Z)'", str(g));
        FdCheck.of(mul(t(a), pow(Z, n(-2)), c), Z).nearIdentity("Z", 0.2).verify();
        FdCheck.of(mul(t(a), pow(Z, n(3)), c), Z).verify();
    }

    @Test
    void gradientWithRespectToMatrixEntriesAndRowsUsesUnitVectors() {
        Sym W = mat("W", "m", "n"), i = idx("i"), j = idx("j");
        Expr f = sum(i, n(1), dim("m"), sum(j, n(1), dim("n"), sq(at(W, i, j))));
        FdCheck.of(f, W).verify();
        FdCheck.of(sum(i, n(1), dim("m"), inner(at(W, i), x)), W).verify();
        FdCheck.of(ap(Builtin.SUM, ap(Builtin.EXP, mul(t(A), b))), A).verify();
    }

    @Test
    void gradientOfEntrywiseFunctionOfMatrixMatchesFiniteDifferences() {
        Sym W = mat("W", "m", "n");
        FdCheck.of(mul(t(b), ap(Builtin.TANH, W), x), W).verify();
    }

    // ------------------------------------------------------------ cases, expectations, errors

    @Test
    void gradientOfPiecewiseIsPiecewiseGradientUnderTheSameGuards() {
        Sym u = s("u");
        Expr f = cases(arm(sq(u), rel(RelOp.GT, u, n(0))), arm(neg(mul(n(3), u))));
        FdCheck.of(f, u).verify();
        Expr h = add(inner(a, x), mul(n(5), iverson(rel(RelOp.GT, inner(c, x), n(0)))));
        assertEquals("a", str(FdCheck.of(h, x).verify()));
    }

    @Test
    void gradientOfExpectationOfDeterministicParameterMovesUnderTheExpectation() {
        Sym xi = random("xi", "n");
        assertEquals("E[xi]", str(Gradient.of(e(inner(x, xi)), x)));
        assertThrows(NotDifferentiableException.class, () -> Gradient.of(mul(inner(a, xi), e(inner(x, xi))), x));
    }

    @Test
    void functionWithoutTheVariableHasZeroGradientOfTheVariablesShape() {
        Expr g = Gradient.of(inner(a, c), x);
        assertEquals(x.shape(), g.shape());
        assertEquals("0*x", str(g));
        assertEquals(Num.ZERO, Gradient.of(inner(a, c), s("u")));
    }

    @Test
    void unsupportedNodesAreNamedInTheException() {
        var e = assertThrows(NotDifferentiableException.class, () -> Gradient.of(norm(x, NormKind.LINF), x));
        assertTrue(e.getMessage().contains("||x||_inf"), e.getMessage());
        Sym M = mat("M", "n", "n");
        var m = assertThrows(NotDifferentiableException.class, () -> Gradient.of(inner(a, mul(ap(Builtin.MAX, M, M), x)), M));
        assertTrue(m.getMessage().startsWith("cannot differentiate max(M, M) with respect to M"), m.getMessage());
        assertThrows(NotDifferentiableException.class, () -> Gradient.of(new Variance(inner(a, x), Pos.NONE), x));
        assertTrue(Gradient.tryOf(norm(x, NormKind.LINF), x).isEmpty());
        // a vector function of a vector is a Jacobian now (grad(x, x) = I); a matrix function has no gradient
        assertThrows(NotDifferentiableException.class, () -> Gradient.of(M, x));
    }

    @Test
    void gradNodesExpandToComputedGradients() {
        Expr e = inner(a, new Grad(sq(norm(x)), x, Pos.NONE));
        assertEquals("<a, 2*x>", str(Gradient.expandGrads(e)));
    }
}
