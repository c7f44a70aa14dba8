package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Attempt;
import derivcheck.derive.Derivation;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Engine;
import derivcheck.derive.Strategy;
import derivcheck.limits.Deadline;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14, "Bounded": a derivation has a deadline as a whole; when it is hit the problem's derivation is
 * {@code undecided (time limit)}, and the numeric verification of its expects still runs, in its own budget.
 * The strategy below never finishes by itself (it works until its deadline stops it), so the outcome does not
 * depend on the machine's speed; the @Timeout only guards against a hang.
 */
class DerivationDeadlineTest {
    private static final Problem P = SpecReader.read(new SourceText("t.prob", """
            problem t
              given a : real
              let f = a^3
              find grad(f, a)
              expect grad(f, a) = 3*a^2
            """)).get();

    /** Works (cooperatively, checking its deadline as every stage does) until stopped. */
    private static final Strategy ENDLESS = new Strategy() {
        @Override public String name() { return "an endless search"; }

        @Override public Attempt attempt(Problem p, DeriveContext c) {
            while (true) {
                Deadline.current().check();
                Thread.onSpinWait();
            }
        }
    };

    @Test @Timeout(120)
    void aDerivationPastItsBudgetIsUndecidedByTheTimeLimitAndTheExpectIsStillVerifiedNumerically() {
        ProblemChecker checker = new ProblemChecker(new Engine(Cas.shared(), List.of(ENDLESS)), Optional.of(VerifyOptions.defaults().withSamples(4)))
                .withPhaseBudget(Duration.ofSeconds(1));
        ProblemReport r;
        try (Deadline.Scope s = Deadline.within(Duration.ofSeconds(60)).enter()) {
            r = checker.check(P);
        }
        assertEquals(Derivation.Status.UNDECIDED, r.derivation().status());
        assertTrue(r.derivation().notes().get(0).contains("an endless search: undecided — time limit (time limit of 1 s hit)"),
                r.derivation().notes().toString());
        assertTrue(r.claims().get(0).numeric().orElseThrow().verified(), r.claims().get(0).numeric().toString());
    }
}
