package derivcheck.cas;

import static derivcheck.cas.Ex.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Norm;
import derivcheck.expr.Rational;
import derivcheck.expr.Sym;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

class SimplifyTest {
    static Cas cas;

    @BeforeAll static void start() { cas = new Cas(); }
    @AfterAll static void stop() { cas.close(); }

    @Test void sqrtOfASquareIsTheSymbolWhenItIsPositive() {
        Sym x = x("x");
        assertEquals(Outcome.done(x), cas.simplify(f(Builtin.SQRT, sq(x)), Assumptions.NONE.positive(x)));
    }

    @Test void sqrtOfASquareIsTheAbsoluteValueForARealSymbol() {
        Sym x = x("x");
        assertEquals(Outcome.done(f(Builtin.ABS, x)), cas.simplify(f(Builtin.SQRT, sq(x))));
    }

    @Test void absOfAPositiveEpsilonIsEpsilon() {
        Sym eps = x("eps");
        assertEquals(Outcome.done(eps), cas.simplify(f(Builtin.ABS, eps), Assumptions.NONE.positive(eps)));
        assertEquals(Outcome.done(f(Builtin.ABS, eps)), cas.simplify(f(Builtin.ABS, eps)));
    }

    @Test void anAssumptionAboutANormAppliesToItsAtom() {
        Expr g = Norm.l2(vec("g"));
        assertEquals(Outcome.done(g), cas.simplify(f(Builtin.ABS, g)), "a norm is nonnegative by construction");
        Expr sign = f(Builtin.SIGN, g);
        assertEquals(Outcome.done(n(1)), cas.simplify(sign, Assumptions.NONE.positive(g)));
    }

    @Test void symbolsNamedLikeBuiltinsAreNotCapturedBySymja() {
        // In Symja E is Euler's number, I the imaginary unit, D differentiation, N numeric evaluation.
        Expr product = mul(x("E"), x("I"), x("D"), x("N"), x("beta"));
        Outcome<Expr> o = cas.simplify(product);
        assertTrue(o.isDone(), o.toString());
        assertEquals(Outcome.done(ZeroTest.ZERO), cas.isZero(sub(o.orElse(null), product), Assumptions.NONE));
        assertEquals(Outcome.done(x("gamma")), cas.simplify(add(x("beta"), x("gamma"), neg(x("beta")))));
        assertEquals(Outcome.done(ZeroTest.UNKNOWN), cas.isZero(sub(x("x"), x("X")), Assumptions.NONE),
                "x and X are different symbols");
        assertEquals(Outcome.done(List.of(neg(x("sign")))), cas.solve(add(x("E"), x("sign")), n(0), x("E"), Assumptions.NONE));
    }

    @Test void expandTogetherCancelAndFactorDoTheTextbookThing() {
        Sym a = x("a"), b = x("b");
        Outcome<Expr> expanded = cas.expand(sq(add(a, b)));
        assertEquals(Outcome.done(add(sq(a), mul(n(2), a, b), sq(b))), expanded);
        assertEquals(Outcome.done(pow(add(a, b), n(2))), cas.factor(expanded.orElse(null)));
        assertEquals(Outcome.done(sub(a, b)), cas.cancel(div(sub(sq(a), sq(b)), add(a, b))));
        Outcome<Expr> together = cas.together(add(div(n(1), a), div(n(1), b)));
        assertEquals(Outcome.done(mul(pow(a, n(-1)), pow(b, n(-1)), add(a, b))), together);
    }

    @Test void theProximalStepCoefficientSimplifies() {
        // (1/eps) / (lambda + 1/eps) = 1 / (1 + eps*lambda)
        Sym eps = x("eps"), lambda = x("lambda");
        Expr lhs = div(div(n(1), eps), add(lambda, div(n(1), eps)));
        Outcome<Expr> s = cas.simplify(lhs, Assumptions.NONE.positive(eps).positive(lambda));
        assertEquals(Outcome.done(pow(add(n(1), mul(eps, lambda)), n(-1))), s);
    }

    @Test void aResultOutsideTheWhitelistIsUndecided() {
        // log(-1) = I*Pi: the imaginary unit has no place in our model
        Outcome<Expr> o = cas.simplify(f(Builtin.LOG, n(-1)));
        assertFalse(o.isDone());
        assertTrue(o.reason().orElseThrow().contains("Symja returned"), o.toString());
    }

    @Test void logitCrossesAsTheLogOfTheOdds() {
        Sym p = x("p");
        assertEquals(Outcome.done(ZeroTest.ZERO), cas.isEqual(f(Builtin.LOGIT, p),
                f(Builtin.LOG, div(p, sub(n(1), p))), Assumptions.NONE.inOpenInterval(p, Rational.ZERO, Rational.ONE)));
    }
}
