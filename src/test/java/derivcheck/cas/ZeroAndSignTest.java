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

class ZeroAndSignTest {
    static Cas cas;

    @BeforeAll static void start() { cas = new Cas(); }
    @AfterAll static void stop() { cas.close(); }

    @Test void aTrigIdentityIsProvenZero() {
        Sym x = x("x");
        assertEquals(Outcome.done(ZeroTest.ZERO),
                cas.isZero(sub(add(sq(f(Builtin.SIN, x)), sq(f(Builtin.COS, x))), n(1)), Assumptions.NONE));
    }

    @Test void theSigmoidIdentityIsProvenZero() {
        Sym x = x("x");
        assertEquals(Outcome.done(ZeroTest.ZERO), cas.isEqual(f(Builtin.SIGMOID, x),
                div(n(1), add(n(1), f(Builtin.EXP, neg(x)))), Assumptions.NONE));
        assertEquals(Outcome.done(ZeroTest.ZERO), cas.isEqual(sub(n(1), f(Builtin.SIGMOID, x)),
                f(Builtin.SIGMOID, neg(x)), Assumptions.NONE));
    }

    @Test void aNonzeroConstantAndAPositiveExpressionAreProvenNonzero() {
        Sym x = x("x");
        assertEquals(Outcome.done(ZeroTest.NONZERO), cas.isZero(sub(sq(add(x, n(1))), add(sq(x), mul(n(2), x))), Assumptions.NONE));
        assertEquals(Outcome.done(ZeroTest.NONZERO), cas.isZero(add(sq(x), n(1)), Assumptions.NONE));
    }

    @Test void aDifferenceOfUnrelatedSymbolsIsUnknown() {
        assertEquals(Outcome.done(ZeroTest.UNKNOWN), cas.isZero(sub(x("a"), x("b")), Assumptions.NONE));
    }

    @Test void aZeroThatNeedsAnAssumptionIsZeroOnlyUnderIt() {
        Sym x = x("x");
        Expr e = sub(f(Builtin.SQRT, sq(x)), x);
        assertEquals(Outcome.done(ZeroTest.ZERO), cas.isZero(e, Assumptions.NONE.positive(x)));
        assertNotEquals(Outcome.done(ZeroTest.ZERO), cas.isZero(e, Assumptions.NONE));
    }

    @Test void signsFollowFromStrictAssumptions() {
        Sym y = x("y"), z = x("z"), x = x("x");
        Assumptions pos = Assumptions.NONE.positive(y).positive(z);
        assertEquals(Outcome.done(Sign.POSITIVE), cas.sign(div(y, add(n(1), z)), pos));
        assertEquals(Outcome.done(Sign.NEGATIVE), cas.sign(neg(add(mul(y, z), n(2))), pos));
        assertEquals(Outcome.done(Sign.POSITIVE), cas.sign(f(Builtin.EXP, x), Assumptions.NONE));
        assertEquals(Outcome.done(Sign.POSITIVE), cas.sign(sub(n(1), x),
                Assumptions.NONE.inOpenInterval(x, Rational.ZERO, Rational.ONE)));
        assertEquals(Outcome.done(Sign.NEGATIVE), cas.sign(f(Builtin.LOG, x),
                Assumptions.NONE.inOpenInterval(x, Rational.ZERO, Rational.ONE)));
        assertEquals(Outcome.done(Sign.ZERO), cas.sign(sub(x, x), Assumptions.NONE));
    }

    @Test void aNormIsOnlyNonnegativeUnlessAssumedPositive() {
        // Symja 3.0.0 answers Refine(Sign(y), y >= 0) with 1; we must not turn that into POSITIVE.
        Expr g = Norm.l2(vec("g"));
        assertEquals(Outcome.done(Sign.NONNEGATIVE), cas.sign(g, Assumptions.NONE));
        assertEquals(Outcome.done(Sign.NONPOSITIVE), cas.sign(neg(g), Assumptions.NONE));
        Sym eps = x("eps");
        assertEquals(Outcome.done(Sign.POSITIVE), cas.sign(div(g, eps), Assumptions.NONE.positive(g).positive(eps)));
    }

    @Test void theSignOfANormIsNotSimplifiedToOneWhenTheNormMayBeZero() {
        Expr g = Norm.l2(vec("g"));
        Outcome<Expr> s = cas.simplify(f(Builtin.SIGN, g));
        assertNotEquals(Outcome.done(n(1)), s);
        assertNotEquals(Outcome.done(ZeroTest.ZERO), cas.isZero(sub(f(Builtin.SIGN, g), n(1)), Assumptions.NONE));
        assertEquals(Outcome.done(n(1)), cas.simplify(f(Builtin.SIGN, g), Assumptions.NONE.positive(g)));
    }

    @Test void anUndecidableSignIsUnknown() {
        // the multiplier ||g||/eps - lambda may have either sign
        Expr g = Norm.l2(vec("g"));
        Sym eps = x("eps"), lambda = x("lambda");
        assertEquals(Outcome.done(Sign.UNKNOWN), cas.sign(sub(div(g, eps), lambda),
                Assumptions.NONE.positive(eps).positive(lambda).positive(g)));
    }
}
