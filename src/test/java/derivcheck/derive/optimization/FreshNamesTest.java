package derivcheck.derive.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import derivcheck.cas.Cas;
import derivcheck.derive.Attempt;
import derivcheck.derive.Engine;
import derivcheck.derive.Names;
import derivcheck.derive.Step;
import derivcheck.expr.Sym;
import derivcheck.model.Problem;
import org.junit.jupiter.api.Test;

/**
 * A name a strategy introduces (the Lagrangian L, a multiplier) is one the problem does not use:
 * not a declared name, not a name inside its expressions, not a letter of its LaTeX names.
 */
class FreshNamesTest {
    private static final Engine ENGINE = Engine.standard(Cas.shared());

    /** The name on the left of the Lagrangian step of the norm-ball strategy. */
    private static String lagrangianName(Problem p) {
        Attempt a = new LinearOverNormBall().attempt(p, ENGINE.context(p));
        assertInstanceOf(Attempt.Derived.class, a, a::toString);
        Step s = ((Attempt.Derived) a).steps().stream().filter(x -> x.rule().equals("Lagrangian")).findFirst().orElseThrow();
        return ((Sym) s.math().get(0).lhs()).name();
    }

    private static final String BALL = """
              dim n
              given y, m : vector[n]
              given r : real where r > 0
              %s
              assume ||c|| > 0
              find x : vector[n]
              minimize <c, x - m>
              subject to ||x - m|| <= r
            """;

    @Test void aLagrangianAvoidsTheLossLThatOnlyAppearsInsideAGradient() {
        Problem p = OptimizationStrategyTest.spec(BALL.formatted("given c = grad(L, y)"));
        assertEquals("L2", lagrangianName(p));
    }

    @Test void aLagrangianAvoidsALetterOfTheLatexNames() {
        Problem p = OptimizationStrategyTest.spec(BALL.formatted("given c : vector[n]  latex \"\\\\nabla L(y)\""));
        assertNotEquals("L", lagrangianName(p));
    }

    @Test void aLagrangianAvoidsAnIndexUsedOnlyInAMistake() {
        Problem p = OptimizationStrategyTest.spec(BALL.formatted("given c : vector[n]") + "  expect x = m - r*c/||c||\n"
                + "  mistake x = m - r*c : \"no L here\"\n");
        assertEquals("L", lagrangianName(p)); // nothing named L: the base itself
        Problem q = OptimizationStrategyTest.spec(BALL.formatted("given c : vector[n]") + "  mistake x = m - r*c/sum(L = 1..n, c_L) : \"not the norm\"\n");
        assertEquals("L2", lagrangianName(q));
    }

    @Test void aFreshNameIsTheBaseWhenNothingClashes() {
        Problem p = OptimizationStrategyTest.spec(BALL.formatted("given c : vector[n]"));
        assertEquals("L", Names.fresh(p, "L"));
        assertEquals("nu", Names.fresh(p, "nu"));
    }

    @Test void aTakenBaseFallsBackToTheNextLetterBeforeANumber() {
        // r and l are declared here: the next free letter is s, not l2 (which the sheet prints \ell_2)
        Problem p = OptimizationStrategyTest.spec(BALL.formatted("given c : vector[n]\n  given l : real"));
        assertEquals("s", Names.fresh(p, "l", "r", "s"));
        assertEquals("l2", Names.fresh(p, "l", "r"));
        assertEquals("nu", Names.fresh(p, "nu", "mu"));
    }
}
