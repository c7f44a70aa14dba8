package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Expr;
import derivcheck.expr.Iverson;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.spec.Specs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A guard of several conditions ({@code a <= 0} and {@code b <= 0}) is a conjunction in every
 * printer; only relations that continue each other in one direction print as a chain. Before,
 * the text printer wrote the guard as {@code a <= 0 <= 0} (which says something else).
 */
class ConditionsPrintAsConjunctionTest {
    private static final Sym A = Specs.scalar("a"), B = Specs.scalar("b"), X = Specs.scalar("x");
    private static final Relation A_LE_0 = new Relation(RelOp.LE, A, Num.ZERO, Pos.NONE);
    private static final Relation B_LE_0 = new Relation(RelOp.LE, B, Num.ZERO, Pos.NONE);

    private static Expr guarded(List<Relation> guard) {
        return new Piecewise(List.of(new Piecewise.Arm(X, guard), new Piecewise.Arm(Num.ZERO, List.of())), Pos.NONE);
    }

    @Test void twoSeparateConditionsAreJoinedByAndInText() {
        assertEquals("a <= 0 and b <= 0", TextPrinter.print(List.of(A_LE_0, B_LE_0)));
        assertEquals("cases(x if a <= 0 and b <= 0, 0 otherwise)", TextPrinter.print(guarded(List.of(A_LE_0, B_LE_0))));
    }

    @Test void aGuardOfTwoConditionsIsAConjunctionInLatex() {
        String tex = LatexPrinter.standard().print(guarded(List.of(A_LE_0, B_LE_0)));
        assertTrue(tex.contains("\\text{if } a \\le 0 \\text{ and } b \\le 0"), tex);
        assertFalse(tex.contains("0 \\le 0"), tex);
    }

    @Test void anIversonBracketOfTwoConditionsIsAConjunction() {
        Expr iv = new Iverson(List.of(A_LE_0, B_LE_0), Pos.NONE);
        assertEquals("[\\![a \\le 0 \\text{ and } b \\le 0]\\!]", LatexPrinter.standard().print(iv));
        assertTrue(MathmlPrinter.standard().print(iv).contains("and"));
    }

    @Test void relationsThatContinueEachOtherStayAChain() {
        Relation lo = new Relation(RelOp.LE, Num.ZERO, X, Pos.NONE), hi = new Relation(RelOp.LT, X, Num.ONE, Pos.NONE);
        assertEquals("0 <= x < 1", TextPrinter.print(List.of(lo, hi)));
        assertEquals("0 \\le x < 1", LatexPrinter.standard().conjunction(List.of(lo, hi)));
        // two conditions with the same right side 0 are a conjunction; one that starts from 0 continues the chain
        assertEquals("a <= 0 and b <= 0 <= x", TextPrinter.print(List.of(A_LE_0, B_LE_0, new Relation(RelOp.LE, Num.ZERO, X, Pos.NONE))));
    }

    @Test void relationsThatShareASideButRunBothWaysAreAConjunctionNotAChain() {
        Sym y = Specs.scalar("y");
        Relation aGtX = new Relation(RelOp.GT, A, X, Pos.NONE), xLtY = new Relation(RelOp.LT, X, y, Pos.NONE);
        // a > x < y says nothing about a and y: two conditions
        assertEquals("a > x and x < y", TextPrinter.print(List.of(aGtX, xLtY)));
        String tex = LatexPrinter.standard().print(guarded(List.of(aGtX, xLtY)));
        assertTrue(tex.contains("\\text{if } a > x \\text{ and } x < y"), tex);
        assertFalse(tex.contains("a > x <"), tex);
        assertEquals("a > x, \\quad x < y", LatexPrinter.standard().print(List.of(aGtX, xLtY)));
        assertTrue(MathmlPrinter.standard().conjunction(List.of(aGtX, xLtY)).contains("and"));
        // a chain keeps its direction through an equality: a < b = x, then x > y is a second condition
        Relation aLtB = new Relation(RelOp.LT, A, B, Pos.NONE), bEqX = new Relation(RelOp.EQ, B, X, Pos.NONE);
        Relation xGtY = new Relation(RelOp.GT, X, y, Pos.NONE);
        assertEquals("a < b = x and x > y", TextPrinter.print(List.of(aLtB, bEqX, xGtY)));
        // a descending chain stays a chain; != never chains
        Relation xGeY = new Relation(RelOp.GE, X, y, Pos.NONE);
        assertEquals("a > x >= y", TextPrinter.print(List.of(aGtX, xGeY)));
        Relation aNeX = new Relation(RelOp.NE, A, X, Pos.NONE), xNeY = new Relation(RelOp.NE, X, y, Pos.NONE);
        assertEquals("a != x and x != y", TextPrinter.print(List.of(aNeX, xNeY)));
    }

    @Test void twoBoundsOfOneSideAreOneChainWithTheFirstTurnedRound() {
        Relation xGtA = new Relation(RelOp.GT, X, A, Pos.NONE), xLeB = new Relation(RelOp.LE, X, B, Pos.NONE);
        assertEquals("a < x <= b", TextPrinter.print(List.of(xGtA, xLeB)));
        assertEquals("a < x \\le b", LatexPrinter.standard().conjunction(List.of(xGtA, xLeB)));
        // the same direction twice is no interval: a conjunction
        Relation xLtA = new Relation(RelOp.LT, X, A, Pos.NONE);
        assertEquals("x < a and x <= b", TextPrinter.print(List.of(xLtA, xLeB)));
    }

    @Test void aBoxedResultByCasesKeepsTheColumnsOfItsCases() {
        // the display line drops its own alignment point, not the & between a case's value and its guard
        Relation r = new Relation(RelOp.EQ, Specs.scalar("y"), guarded(List.of(A_LE_0, B_LE_0)), Pos.NONE);
        String line = new LatexLayout(LatexPrinter.standard()).display(r);
        assertTrue(line.startsWith("y = ") && line.contains("\\begin{cases}x & \\text{if } a \\le 0 \\text{ and } b \\le 0"), line);
        assertTrue(line.contains("0 & \\text{otherwise}"), line);
    }
}
