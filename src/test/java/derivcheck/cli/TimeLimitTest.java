package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * --time-limit is the budget of one item as a whole. The limits here are far below what the work
 * needs, so each run shows what happens at the limit: the item is undecided (time limit), the
 * batch goes on, the exit code says nothing failed. The wall-clock slack only guards against a
 * hang (the whole run, JVM start and Symja's cold start included), it measures no performance.
 */
class TimeLimitTest {
    private static final String SIMPLEX = "src/test/resources/limits/entropic_simplex.prob";

    @Test @Timeout(300)
    void verifyOfTheEntropicSimplexWithManySamplesStopsAtItsBudgetAndTheNextSpecStillRuns() {
        long t0 = System.nanoTime();
        ParseCommandTest.Run r = ParseCommandTest.run("verify", "--samples", "200", "--time-limit", "2", SIMPLEX,
                "problems/prox_weight_decay.prob");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        // within its budget the re-solve either finishes (the open simplex is re-solved as a softmax
        // parametrisation) or stops with 'undecided (time limit)'; it never fails the right formula
        String simplex = r.out().substring(0, r.out().indexOf("prox_weight_decay"));
        assertTrue(simplex.contains("time limit") || simplex.contains("expect   verified"), r.out());
        assertFalse(simplex.contains("failed"), r.out());
        assertTrue(r.out().contains("prox_weight_decay"), "the batch did not go on: " + r.out());
        assertTrue(ms < 120_000, "took " + ms + " ms");
    }

    @Test @Timeout(300)
    void deriveOfAProblemPastItsBudgetIsUndecidedAndTheOthersAreDerived() {
        ParseCommandTest.Run r = ParseCommandTest.run("derive", "--samples", "200", "--time-limit", "2", SIMPLEX,
                "problems/prox_weight_decay.prob");
        assertNotEquals(ExitCode.FAILED, r.code(), r.out() + r.err());
        // the simplex problem ends within its budget: cut off ('time limit') or answered (derived / declined with reasons)
        String simplex = r.out().substring(0, r.out().indexOf("prox_weight_decay"));
        assertTrue(simplex.contains("time limit") || simplex.contains("declined") || simplex.contains("derived"), r.out());
        assertTrue(r.out().contains("prox_weight_decay"), r.out());
    }

    @Test @Timeout(300)
    void anAnswerPastItsBudgetIsUndecidedNotIncorrect() {
        ParseCommandTest.Run r = ParseCommandTest.run("check", "--samples", "100000", "--time-limit", "1", SIMPLEX,
                "--answer", "x_i = x0_i*exp(-eps*g_i)/sum(j = 1..n, x0_j*exp(-eps*g_j)) for i in 1..n");
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        // out of time is its own verdict word, 'timeout' (docs/verdicts.md), never 'incorrect'
        assertTrue(r.out().contains("verdict:   timeout"), r.out());
        assertTrue(r.out().contains("time limit"), r.out());
    }

    /** A JVM whose re-solve was cut off by the budget exits at once: the abandoned work is on daemon threads. */
    @Test @Timeout(300)
    void theProcessExitsPromptlyAfterATimeLimitHit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile("time-limit-exit", ".txt");
        try {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "verify", "--samples", "200", "--time-limit", "2", SIMPLEX)
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean exited = p.waitFor(120, TimeUnit.SECONDS);
            if (!exited) p.destroyForcibly();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(exited, "the child JVM did not exit within 120 s:\n" + text);
            assertEquals(ExitCode.OK, p.exitValue(), text);
            assertTrue(text.contains("time limit"), text);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test @Timeout(60)
    void deriveHelpDocumentsThePhaseBudgetsAndTheProblemsTotal() {
        ParseCommandTest.Run r = ParseCommandTest.run("derive", "--help");
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("the derivation of a problem has --time-limit, and the checks after it"), help);
        assertTrue(help.contains("at most twice --time-limit in all"), help);
        assertTrue(help.contains("each computer-algebra call inside gets at most 10 s"), help);
    }
}
