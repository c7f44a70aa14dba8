package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Attempt;
import derivcheck.derive.Derivation;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Engine;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.derive.Step;
import derivcheck.derive.Strategy;
import derivcheck.limits.Deadline;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.render.DerivationText;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, "when it is hit: undecided (time limit) for that item, the rest goes on": when the checks of a
 * problem run out of their budget, what was checked before is kept and only the unfinished claims are
 * {@code undecided (time limit)}. (Before, the whole problem became one line "undecided (time limit)" and the
 * derivation and every finished check were lost.)
 *
 * <p>The run is made to run out at a known place: the derivation is instant, and the expect's numeric check
 * is asked for ten million samples, which no machine draws in a second. So the expect's symbolic proof (the
 * symbolic comparisons of the expects come first) is finished, its numeric check is cut, and the show is
 * compared after the budget is spent: its comparison region by region ({@code abs}) meets the deadline.
 * The @Timeout only guards against a hang.
 */
class ChecksPastTheirBudgetTest {
    private static final Problem P = SpecReader.read(new SourceText("t.prob", """
            problem t
              given a : real
              let f = a^3
              find grad(f, a)
              expect grad(f, a) = 3*a^2
              show abs(a)^2 = a^2
            """)).get();

    /** Derives at once, with one step and no result: the expects are compared with the gradient itself. */
    private static final Strategy INSTANT = new Strategy() {
        @Override public String name() { return "an instant derivation"; }

        @Override public Attempt attempt(Problem p, DeriveContext c) {
            return new Attempt.Derived(List.of(new Step("write the objective", p.expects().get(0).relations(), "")), List.of());
        }
    };

    @Test @Timeout(120)
    void aClaimCheckedBeforeTheBudgetRanOutIsKeptAndOnlyTheUnfinishedOnesAreUndecidedByTheTimeLimit() {
        Cas.shared().warmUp();
        ProblemChecker checker = new ProblemChecker(new Engine(Cas.shared(), List.of(INSTANT)),
                Optional.of(VerifyOptions.defaults().withSamples(10_000_000))).withPhaseBudget(Duration.ofSeconds(1));
        ProblemReport r;
        try (Deadline.Scope s = Deadline.within(Duration.ofSeconds(60)).enter()) {
            r = checker.check(P);
        }
        // the derivation and its steps are kept
        assertEquals(Derivation.Status.DERIVED, r.derivation().status());
        assertEquals(1, r.derivation().steps().size());
        assertEquals(2, r.claims().size(), r.claims().toString());

        ClaimReport first = r.claims().get(0), second = r.claims().get(1);
        // the expect: proven symbolically before its numeric check ran out, so it stays verified
        assertEquals(ExpectCheck.Verdict.VERIFIED, first.symbolic().symbolic(), first.symbolic().reason());
        assertTrue(first.numeric().orElseThrow().reason().contains("time limit"), first.numeric().toString());
        assertEquals(Verdict.VERIFIED, first.verdict());
        // the show: its symbolic check started after the budget was spent; undecided by the time limit, not failed
        assertEquals(ExpectCheck.Verdict.UNDECIDED, second.symbolic().symbolic());
        assertEquals("time limit (time limit of 1 s hit)", second.symbolic().reason());
        assertTrue(second.numeric().orElseThrow().reason().contains("time limit"), second.numeric().toString());
        assertNotEquals(Verdict.FAILED, second.verdict());

        String text = DerivationText.print(r);
        assertTrue(text.contains("write the objective"), text);
        assertTrue(text.contains("show  line 6: abs(a)^2 = a^2  —  UNDECIDED"), text);
        assertTrue(text.contains("symbolic: undecided (time limit (time limit of 1 s hit))"), text);
    }
}
