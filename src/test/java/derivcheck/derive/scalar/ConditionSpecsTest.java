package derivcheck.derive.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.SpecFixtures;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.expr.RelOp;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Conditions on an unknown: Gram expansion, assumptions as atoms, roots, leading coefficient, bounds. */
class ConditionSpecsTest {
    @Test
    void bnWeightDecayStepGivesAlphaBetweenZeroAndTwoLambdaOverLambdaSquaredPlusASquared() throws Exception {
        Problem p = SpecFixtures.read(Path.of("problems/bn_weight_decay_step.prob"));
        Derivation d = SpecFixtures.verifiedSeed(p, "condition on an unknown");
        assertEquals(2, d.results().size());
        assertEquals(RelOp.GT, d.results().get(0).op());
        assertEquals("0", TextPrinter.print(d.results().get(0).value()));
        assertEquals(RelOp.LT, d.results().get(1).op());
        assertTrue(d.steps().stream().anyMatch(s -> s.rule().equals("roots")));
    }

    @Test
    void aLooserOrOneSidedExpectedBoundIsNotVerified() throws Exception {
        Problem p = SpecFixtures.read(Path.of("problems/bn_weight_decay_step.prob"));
        Engine engine = Engine.standard(Cas.shared());
        Derivation d = engine.derive(p);
        // the mistakes of the spec (alpha < 2/lambda, alpha < 1/lambda) are bounds too: neither is the derived one
        for (var mistake : p.mistakes()) {
            var o = ExpectCheck.one(p, d, mistake.claim(), engine.context(p));
            assertNotEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), mistake.claim().text());
        }
    }
}
