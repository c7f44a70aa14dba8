package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Claim;
import derivcheck.model.Problem;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pointwise measure is relative to the terms' size (no absolute floor), a double-precision
 * failure is decided again by the judge's 50-digit re-check, a draw where the left side is
 * undefined is discarded, and the verified line prints the figure the decision used beside its
 * tolerance (issue 15 "honest verification lines", issue 17).
 */
class NumericAccuracyTest {
    private static final VerifyOptions O = VerifyOptions.defaults();

    private static NumericVerdict only(Problem p) {
        Claim c = p.expects().isEmpty() ? p.shows().get(0) : p.expects().get(0);
        return NumericVerifier.checkExpect(p, c, O);
    }

    private static Problem one(String claim) {
        return VerifyTesting.spec("problem t\n  given x : real in (1, 2)\n  show " + claim + "\n");
    }

    @Test
    void anExactFitOptimumOfZeroPrintsTheObjectiveGapNotARatioToZero() {
        // n = d draws fit t exactly: the optimal value is 0 and the gap 1e-16 was once printed as 1.1e+276
        Problem p = VerifyTesting.file(Path.of("src/test/resources/derive/optim/least_squares_full_rank.prob"));
        NumericVerdict v = only(p);
        assertTrue(v.verified(), v.reason());
        assertTrue(v.maxRelError() <= NumericVerifier.GAP_TOL, "figure " + v.maxRelError());
        assertTrue(v.verifiedLine().contains(" <= 1.0e-06"), v.verifiedLine());
    }

    @Test
    void tinyValuesThatDifferByAFactorOfTwoDisagreeWhateverTheirMagnitude() {
        NumericVerdict v = only(one("10^(-200)*x = 2*10^(-200)*x"));
        assertTrue(v.failed(), v.verdict() + ": " + v.reason());
    }

    @Test
    void valuesBelowTheRangeOfDoublePrecisionAreDecidedInHighPrecision() {
        NumericVerdict wrong = only(one("10^(-300)*x = 2*10^(-300)*x"));
        assertTrue(wrong.failed(), wrong.verdict() + ": " + wrong.reason());
        NumericVerdict right = only(one("10^(-300)*(x + 1) = 10^(-300)*x + 10^(-300)"));
        assertTrue(right.verified(), right.verdict() + ": " + right.reason());
        assertTrue(right.reason().contains("judge's re-check"), right.reason());
    }

    @Test
    void aTinyIdentityAgrees() {
        NumericVerdict v = only(one("10^(-200)*(x + 1) = 10^(-200)*x + 10^(-200)"));
        assertTrue(v.verified(), v.reason());
        assertTrue(v.maxRelError() <= NumericVerifier.EXACT_TOL, v.verifiedLine());
    }

    @Test
    void cancellationInsideAProductIsSettledInHighPrecisionNotCalledACounterexample() {
        // (x + 1e8)^2 - 1e16 - 2e8 x loses every digit of x^2 in double precision; no summand at the top shows it
        NumericVerdict v = only(one("2*((x + 10^8)^2 - 10^16 - 2*10^8*x) = 2*x^2"));
        assertTrue(v.verified(), v.verdict() + ": " + v.reason());
        assertTrue(v.reason().contains("judge's re-check"), v.reason());
        assertTrue(v.maxRelError() <= NumericVerifier.EXACT_TOL, v.verifiedLine());
    }

    @Test
    void aWrongValueNearTheToleranceStaysFailedAfterTheReCheck() {
        NumericVerdict v = only(one("x + 10^(-6)*x = x"));
        assertTrue(v.failed(), v.reason());
        assertTrue(v.reason().contains("confirmed by the judge's re-check"), v.reason());
    }

    @Test
    void drawsWhereTheLeftSideIsUndefinedAreDiscardedNotCounted() {
        // the spec allows x in (0, 3); log(x/(1 - x)) is undefined for x >= 1
        Problem p = VerifyTesting.spec("problem t\n  given x : real in (0, 3)\n  show log(x/(1 - x)) = log(x) - log(1 - x)\n");
        NumericVerdict v = only(p);
        assertTrue(v.verified(), v.reason());
        assertTrue(v.reason().contains("skipped"), v.reason());
    }

    @Test
    void everyVerifiedClaimOfTheProblemsHasItsFigureWithinItsTolerance() {
        int checked = 0;
        for (Path f : VerifyTesting.problems()) {
            Problem p = VerifyTesting.file(f);
            for (NumericVerifier.ClaimReport c : NumericVerifier.of(p, VerifyTesting.FAST).verifyAll()) {
                NumericVerdict v = c.verdict();
                double tol = NumericVerifier.tolerance(v.check());
                if (!v.verified() || Double.isNaN(tol)) continue;
                checked++;
                assertTrue(v.maxRelError() <= tol, f + " line " + c.claim().pos().line() + ": " + v.verifiedLine());
                assertFalse(v.verifiedLine().contains("within its tolerance"), v.verifiedLine());
            }
        }
        assertTrue(checked >= 20, "only " + checked + " verified claims with a figure");
    }

    @Test
    void aFigureAboveItsToleranceIsNeverPrintedBesideVerified() {
        NumericVerdict v = new NumericVerdict(NumericVerdict.Kind.VERIFIED, "pointwise", 20, 0.5, 0.5, 1, Optional.empty(), "");
        String line = v.verifiedLine();
        assertFalse(line.contains("5.0e-01"), line);
        assertTrue(line.contains("each sample within its tolerance of 1.0e-08"), line);
        NumericVerdict mc = new NumericVerdict(NumericVerdict.Kind.VERIFIED, "monte-carlo", 20, 0.01, 0.3, 1, Optional.empty(), "");
        assertEquals("verified (monte-carlo, 20 sample(s), every estimate within 5 standard errors, seed 1)", mc.verifiedLine());
    }
}
