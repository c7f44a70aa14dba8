package derivcheck.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The judge reads a scalar in a sum of vectors as that scalar times the ones vector. */
class ScalarBroadcastJudgeTest {
    @Test
    void aBroadcastScalarEqualsTheScalarTimesOnesExactly() {
        Pairs.Pair same = Pairs.read("v - a", "v - a*ones(n)", "");
        assertEquals(same.reference(), same.answer(), "both read as v - a*ones(n)");
        Judgement k = Pairs.judge("<u, v - a>", "<u, v> - a*sum(u)", "");
        assertTrue(k.equal(), k.summary());
        assertEquals(Judgement.Tier.EXACT, k.tier());
    }

    @Test
    void droppingTheBroadcastFromAnInnerProductIsDifferentWithAPoint() {
        Judgement j = Pairs.judge("<u, v - a>", "<u, v> - a", "");
        assertEquals(Judgement.Kind.DIFFERENT, j.kind(), j.summary());
        assertTrue(j.counterexample().isPresent());
    }

    @Test
    void theSoftThresholdInSignFormEqualsTheClippedResidualAndAWrongThresholdDoesNot() {
        Judgement j = Pairs.judge("sign(v) .* max(abs(v) - a^2, 0)", "v - min(max(v, -a^2), a^2)", "");
        assertTrue(j.equal(), j.summary());
        Judgement k = Pairs.judge("sign(v) .* max(abs(v) - a^2, 0)", "v - min(max(v, -a), a)", "a > 0");
        assertEquals(Judgement.Kind.DIFFERENT, k.kind(), k.summary());
    }

    @Test
    void theL1VertexIsJudgedByItsValueAndTheMaxNormVertexIsDifferent() {
        // <v, a*sign(v_k)*e_k> = a*||v||_inf at k = argmax(abs(v))
        Judgement j = Pairs.judge("<v, a*sign(v_{argmax(abs(v))})*e_{argmax(abs(v))}>", "a*||v||_inf", "");
        assertTrue(j.equal(), j.summary());
        Judgement k = Pairs.judge("a*sign(v_{argmax(abs(v))})*e_{argmax(abs(v))}", "a*sign(v)", "a > 0");
        assertEquals(Judgement.Kind.DIFFERENT, k.kind(), k.summary());
    }
}
