package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12's second slow case: a symbolic equivalence check of a Cramer's-rule form of 2x2 ridge regression took
 * 3.2 s with {@code --time-limit 1} and 3.7 s with 20, because the limit bounded single CAS calls, not the check.
 * Now {@code --time-limit} is the answer's budget as a whole: with a budget far too small for the proof, the
 * check still ends within it (plus a fixed slack for the command's own start, after Symja is warm) with a real
 * verdict or 'timeout', never 'incorrect'; with a roomy budget the same answer is proved.
 */
class SlowCasesTest {
    private static final String SPEC = "src/test/resources/limits/ridge_two_features.prob";
    /** The spec's expect, numerator and denominator multiplied out: equal, but not the same expression. */
    private static final String CRAMER = "u = (<a, t>*<b, b> + lambda*<a, t> - <a, b>*<b, t>)"
            + "/(<a, a>*<b, b> + lambda*<a, a> + lambda*<b, b> + lambda^2 - <a, b>^2)";
    private static final long SLACK_MS = 2_000;

    @Test @Timeout(300)
    void aCramersRuleRidgeCheckWithATinyTimeLimitEndsWithinItAndIsNeverIncorrect() {
        ParseCommandTest.run("check", "--prove", SPEC, "--answer", CRAMER); // Symja's cold start, outside the measure
        for (String limit : new String[] {"0.05", "0.3", "1"}) {
            long t0 = System.nanoTime();
            ParseCommandTest.Run r = ParseCommandTest.run("check", "--prove", "--time-limit", limit, SPEC, "--answer", CRAMER);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("verdict:   correct") || r.out().contains("verdict:   timeout"), r.out());
            assertTrue(r.out().contains(", 0 incorrect,"), r.out());
            long budget = (long) (Double.parseDouble(limit) * 1000);
            assertTrue(ms < budget + SLACK_MS, "--time-limit " + limit + " took " + ms + " ms:\n" + r.out());
        }
    }

    @Test @Timeout(300)
    void theSameAnswerWithARoomyTimeLimitIsProvedSymbolically() {
        ParseCommandTest.Run r = ParseCommandTest.run("check", "--prove", "--time-limit", "20", SPEC, "--answer", CRAMER);
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("verdict:   correct"), r.out());
        assertTrue(r.out().contains("symbolic:  proved"), r.out());
    }
}
