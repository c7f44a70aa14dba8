package derivcheck.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The policy of {@link Judge#proveZero}, the one entry point of derive's expects (and so of check's
 * symbolic tier): exact tier first, then the provers in order; proof only, never a difference
 * without an exact point.
 */
class ProveZeroPolicyTest {
    private static Judgement prove(String difference, boolean exactRefutes, List<Prover> provers) {
        Pairs.Pair p = Pairs.read(difference, "0", "");
        return Judge.numericOnly(FreeSpace.over(List.of(p.answer()), List.of())).proveZero(p.answer(), provers, exactRefutes);
    }

    @Test
    void aRationalDifferenceThatIsZeroIsProvedExactlyAndNoProverRuns() {
        List<String> asked = new ArrayList<>();
        Judgement j = prove("(x + 1)^2 - x^2 - 2*x - 1", true, List.of(d -> { asked.add("cas"); return Prover.Attempt.notShown("no"); }));
        assertEquals(Judgement.Kind.PROVED_EQUAL, j.kind());
        assertEquals(Judgement.Tier.EXACT, j.tier());
        assertTrue(asked.isEmpty());
    }

    @Test
    void anExactCounterexampleEndsItOnlyWhereTheCallerSaysTheDomainIsTheSpaces() {
        Prover yes = d -> Prover.Attempt.proved("a prover that says yes");
        assertTrue(prove("x - 1", true, List.of(yes)).different());
        Judgement j = prove("x - 1", false, List.of(yes));
        assertEquals(Judgement.Kind.PROVED_EQUAL, j.kind());
        assertEquals(Judgement.Tier.SYMBOLIC, j.tier());
    }

    @Test
    void theFirstProverThatProvesDecidesAndTheLastThatAppliedGivesTheReasonOtherwise() {
        Prover cas = d -> Prover.Attempt.notShown("the CAS could not show it");
        Prover skip = d -> Prover.Attempt.NOT_APPLICABLE;
        Prover regions = d -> Prover.Attempt.notShown("region x > 0 not shown");
        Judgement j = prove("abs(x) - x", false, List.of(cas, skip, regions));
        assertTrue(j.undecided());
        assertEquals("region x > 0 not shown", j.reason());
        assertFalse(j.different(), "provers only prove");
        Judgement k = prove("abs(x) - x", false, List.of(cas, skip));
        assertEquals("the CAS could not show it", k.reason());
        Judgement m = prove("abs(x) - sqrt(x^2)", false, List.of(cas, d -> Prover.Attempt.proved("region by region"), regions));
        assertEquals(Judgement.Kind.PROVED_EQUAL, m.kind());
        assertEquals("region by region", m.reason());
    }

    /**
     * check's order: exact, then the samples, then the proving tiers (region by region) only where the
     * samples found no counterexample; a prover never decides a difference.
     */
    @Test
    void inEqualTheProversRunAfterTheSamplesAndOnlyWhenTheyFoundNoCounterexample() {
        Pairs.Pair p = Pairs.read("max(x, y)", "(x + y + abs(x - y))/2", "");
        List<String> asked = new ArrayList<>();
        Judge j = Judge.numericOnly(FreeSpace.over(List.of(p.answer(), p.reference()), List.of()))
                .withProvers(List.of(d -> { asked.add("regions"); return Prover.Attempt.proved("two regions, 0 on each"); }));
        Judgement v = j.equal(p.answer(), p.reference());
        assertEquals(Judgement.Kind.PROVED_EQUAL, v.kind());
        assertEquals(Judgement.Tier.SYMBOLIC, v.tier());
        assertEquals(List.of("regions"), asked);
        assertTrue(v.evidence().indexOf(v.evidence().stream().filter(e -> e.startsWith("numeric")).findFirst().orElseThrow())
                < v.evidence().indexOf(v.evidence().stream().filter(e -> e.startsWith("symbolic")).findFirst().orElseThrow()), v.evidence().toString());
        Pairs.Pair wrong = Pairs.read("max(x, y)", "(x + y - abs(x - y))/2", "");
        List<String> wrongAsked = new ArrayList<>();
        Judgement w = Judge.numericOnly(FreeSpace.over(List.of(wrong.answer(), wrong.reference()), List.of()))
                .withProvers(List.of(d -> { wrongAsked.add("regions"); return Prover.Attempt.notShown("region x > y not shown"); }))
                .equal(wrong.answer(), wrong.reference());
        assertTrue(w.different(), w.summary());
        assertEquals(Judgement.Tier.NUMERIC, w.tier().equals(Judgement.Tier.HIGH_PRECISION) ? Judgement.Tier.NUMERIC : w.tier());
        assertEquals(List.of(), wrongAsked, "the samples' counterexample decides; the region tier is not asked");
        // a prover that does not prove leaves the samples' verdict as it was
        Judgement kept = Judge.numericOnly(FreeSpace.over(List.of(p.answer(), p.reference()), List.of()))
                .withProvers(List.of(d -> Prover.Attempt.notShown("not shown"))).equal(p.answer(), p.reference());
        assertEquals(Judgement.Kind.EQUAL_BY_SAMPLES, kept.kind(), kept.summary());
    }
}
