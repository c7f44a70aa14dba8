package derivcheck.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.RelOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The policy of {@link Judge#proveSign}, derive's one entry point for inequalities (a show's
 * {@code lhs > rhs}, the ends of an expected interval): exact tier first, then the sign provers in
 * order; proof only, never a refutation.
 */
class ProveSignPolicyTest {
    private static SignProof prove(String difference, List<SignProver> provers) {
        Pairs.Pair p = Pairs.read(difference, "0", "");
        return Judge.numericOnly(FreeSpace.over(List.of(p.answer()), List.of())).proveSign(p.answer(), provers);
    }

    @Test
    void aDifferenceThatIsZeroAsARationalFunctionIsZeroExactlyAndNoProverRuns() {
        List<String> asked = new ArrayList<>();
        SignProof s = prove("(x + 1)^2 - x^2 - 2*x - 1", List.of(d -> { asked.add("cas"); return SignProver.Found.notShown("no"); }));
        assertEquals(Optional.of(RelOp.EQ), s.relation());
        assertEquals(Judgement.Tier.EXACT, s.tier());
        assertTrue(s.proves(RelOp.GE) && s.proves(RelOp.LE));
        assertFalse(s.proves(RelOp.GT) || s.proves(RelOp.NE), "0 is not > 0");
        assertTrue(asked.isEmpty());
    }

    @Test
    void theFirstStrictSignDecidesAndImpliesTheWeakClaims() {
        List<String> asked = new ArrayList<>();
        SignProof s = prove("x^2 + 1", List.of(d -> SignProver.Found.NOT_APPLICABLE,
                d -> { asked.add("cas"); return SignProver.Found.proved(RelOp.GT, "a square plus 1"); },
                d -> { asked.add("later"); return SignProver.Found.proved(RelOp.GT, "never asked"); }));
        assertEquals(Judgement.Tier.SYMBOLIC, s.tier());
        assertEquals("a square plus 1", s.reason());
        assertEquals(List.of("cas"), asked);
        assertTrue(s.proves(RelOp.GT) && s.proves(RelOp.GE) && s.proves(RelOp.NE));
        assertFalse(s.proves(RelOp.LT) || s.proves(RelOp.LE) || s.proves(RelOp.EQ));
    }

    @Test
    void aWeakSignIsKeptUntilAStrictOneThatImpliesItAndTwoOppositeWeakSignsAreZero() {
        SignProof weak = prove("x^2", List.of(d -> SignProver.Found.proved(RelOp.GE, "a square"), d -> SignProver.Found.notShown("no")));
        assertEquals(Optional.of(RelOp.GE), weak.relation());
        assertTrue(weak.proves(RelOp.GE));
        assertFalse(weak.proves(RelOp.GT) || weak.proves(RelOp.NE), "a weak sign proves only itself");
        SignProof stronger = prove("x^2 + y^2 + 1", List.of(d -> SignProver.Found.proved(RelOp.GE, "squares"),
                d -> SignProver.Found.proved(RelOp.GT, "squares plus 1")));
        assertEquals(Optional.of(RelOp.GT), stronger.relation());
        SignProof zero = prove("abs(x) - sqrt(x^2)", List.of(d -> SignProver.Found.proved(RelOp.GE, "one way"),
                d -> SignProver.Found.proved(RelOp.LE, "the other")));
        assertEquals(Optional.of(RelOp.EQ), zero.relation());
        SignProof contradiction = prove("abs(x) + 1", List.of(d -> SignProver.Found.proved(RelOp.GE, "one"),
                d -> SignProver.Found.proved(RelOp.LT, "a wrong prover")));
        assertTrue(contradiction.relation().isEmpty(), contradiction.reason());
        assertTrue(contradiction.reason().contains("contradict"), contradiction.reason());
    }

    @Test
    void nothingProvedIsNoSignWithTheReasonOfTheLastProverThatApplied() {
        SignProof s = prove("x - 1", List.of(d -> SignProver.Found.notShown("the CAS found no sign"), d -> SignProver.Found.NOT_APPLICABLE));
        assertTrue(s.relation().isEmpty());
        assertEquals(Judgement.Tier.NONE, s.tier());
        assertEquals("the CAS found no sign", s.reason());
        for (RelOp op : RelOp.values()) assertFalse(s.proves(op), op.symbol());
        SignProof stopped = prove("x - 1", List.of(d -> { throw new IllegalStateException("boom"); }));
        assertTrue(stopped.relation().isEmpty());
        assertEquals("stopped: boom", stopped.reason());
    }
}
