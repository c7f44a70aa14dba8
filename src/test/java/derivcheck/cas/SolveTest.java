package derivcheck.cas;

import static derivcheck.cas.Ex.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Index;
import derivcheck.expr.Norm;
import derivcheck.expr.Pos;
import derivcheck.expr.Sym;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

class SolveTest {
    static Cas cas;

    @BeforeAll static void start() { cas = new Cas(); }
    @AfterAll static void stop() { cas.close(); }

    /** Every solution, substituted back, makes lhs - rhs zero. */
    private static void assertSolves(Expr lhs, Expr rhs, Sym x, List<Expr> solutions) {
        for (Expr s : solutions) {
            Expr l = Subst.replace(lhs, x, s), r = Subst.replace(rhs, x, s);
            assertEquals(Outcome.done(ZeroTest.ZERO), cas.isEqual(l, r, Assumptions.NONE), () -> "solution " + s);
        }
    }

    @Test void aLinearEquationHasItsOneSolution() {
        Sym x = x("x"), y = x("y");
        assertEquals(Outcome.done(List.of(mul(q(-1, 2), y))), cas.solve(add(mul(n(2), x), y), n(0), x, Assumptions.NONE));
    }

    @Test void aLagrangeConditionIsSolvedForTheMultiplier() {
        // ||g|| / (1 + 2*mu*eps) = eps  =>  mu = (||g|| - eps) / (2 eps^2)
        Sym mu = x("mu"), eps = x("eps");
        Expr g = Norm.l2(vec("g"));
        Expr lhs = div(g, add(n(1), mul(n(2), mu, eps)));
        Outcome<List<Expr>> o = cas.solve(lhs, eps, mu, Assumptions.NONE.positive(eps));
        assertEquals(1, o.orElse(List.of()).size(), o.toString());
        assertSolves(lhs, eps, mu, o.orElse(List.of()));
        assertEquals(Outcome.done(ZeroTest.ZERO), cas.isEqual(o.orElse(List.of()).get(0),
                div(sub(g, eps), mul(n(2), sq(eps))), Assumptions.NONE));
    }

    @Test void aQuadraticHasTwoRootsAndAPositivityFactDropsTheNegativeOne() {
        Sym x = x("x"), y = x("y");
        Outcome<List<Expr>> both = cas.solve(sq(x), y, x, Assumptions.NONE);
        assertEquals(2, both.orElse(List.of()).size(), both.toString());
        assertSolves(sq(x), y, x, both.orElse(List.of()));
        assertEquals(Outcome.done(List.of(n(2))), cas.solve(sq(x), n(4), x, Assumptions.NONE.positive(x)));
        Outcome<List<Expr>> general = cas.solve(add(sq(x), mul(n(-3), x), n(2)), n(0), x, Assumptions.NONE);
        assertEquals(2, general.orElse(List.of()).size(), general.toString());
        assertTrue(general.orElse(List.of()).containsAll(List.of(n(1), n(2))), general.toString());
    }

    @Test void anEquationWithoutRealSolutionsHasNone() {
        Sym x = x("x");
        assertEquals(Outcome.done(List.of()), cas.solve(add(sq(x), n(1)), n(0), x, Assumptions.NONE));
    }

    @Test void sigmoidLogitAndExpEquationsAreSolved() {
        Sym x = x("x"), y = x("y");
        for (Builtin fn : List.of(Builtin.SIGMOID, Builtin.LOGIT, Builtin.EXP)) {
            Outcome<List<Expr>> o = cas.solve(f(fn, x), y, x, Assumptions.NONE);
            assertEquals(1, o.orElse(List.of()).size(), fn + ": " + o);
            assertSolves(f(fn, x), y, x, o.orElse(List.of()));
        }
    }

    @Test void anIdentityAndAnEquationWithoutTheUnknownAreUndecided() {
        Sym x = x("x"), y = x("y");
        assertFalse(cas.solve(add(x, x), mul(n(2), x), x, Assumptions.NONE).isDone());
        assertFalse(cas.solve(y, n(1), x, Assumptions.NONE).isDone());
    }

    @Test void anUnknownInsideAnOpaqueAtomIsUndecided() {
        Sym i = index("i");
        Expr entry = new Index(vec("v"), List.of(i), Pos.NONE);
        Outcome<List<Expr>> o = cas.solve(entry, n(1), i, Assumptions.NONE);
        assertFalse(o.isDone());
        assertTrue(o.reason().orElseThrow().contains("opaque"), o.toString());
    }

    @Test void aFamilyOfSolutionsIsUndecidedRatherThanTruncated() {
        Sym x = x("x"), y = x("y");
        assertFalse(cas.solve(f(Builtin.SIN, x), y, x, Assumptions.NONE).isDone());
    }
}
