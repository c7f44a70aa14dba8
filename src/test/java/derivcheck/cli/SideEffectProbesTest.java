package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The probes of Symja's side-effect built-ins and of its own syntax (x := 1, f@@x, //, /., [[ ]], &, strings),
 * written as answers in ASCII and LaTeX: each is refused by our own reader, exit 2, with its position
 * (<answer>:1:COL:), before anything reaches Symja; and Pause(20) does not sleep.
 */
class SideEffectProbesTest {
    static final List<String> PROBES = List.of(
            "theta = Run(theta_t)", "theta = RunProcess(theta_t)", "theta = URLFetch(theta_t)", "theta = Pause(20)*theta_t",
            "theta = Export(theta_t)", "theta = ToExpression(theta_t)", "theta = JavaNew(theta_t)", "theta = $HomeDirectory",
            "x := 1", "theta := theta_t", "theta = f@@theta_t", "theta = theta_t /. theta_t -> 0", "theta = theta_t // Run",
            "theta = Run @ theta_t", "theta = theta_t[[1]]", "theta = theta_t; Run(1)", "theta = Get(\"file\")",
            "theta = \"Run\"", "theta = Unprotect(Plus)", "theta = Set(theta_t, 1)", "theta = #1 &", "theta = Run[theta_t]",
            "theta = Import(theta_t)", "theta = DeleteFile(theta_t)", "theta = TimeConstrained(theta_t, 100)",
            "theta = Compile(theta_t)", "theta = theta_t + 0*Run",
            "\\theta^{t+1} = \\operatorname{Run}(\\theta^t)", "\\theta^{t+1} = \\mathrm{URLFetch}(\\theta^t)",
            "\\theta^{t+1} = \\text{Pause}(20)\\,\\theta^t", "\\theta^{t+1} = \\$HomeDirectory",
            "\\theta^{t+1} = \\operatorname{ToExpression}(\\theta^t)", "\\theta^{t+1} = \\operatorname{Export}[\\theta^t]",
            "\\theta^{t+1} = f@@\\theta^t", "\\theta^{t+1} = \\operatorname{JavaNew}(\\theta^t)");

    private static final Pattern LOCATED = Pattern.compile("(?m)^<answer>:1:\\d+: ");

    @Test @Timeout(120)
    void everyProbeIsRefusedByOurReaderWithItsPosition() {
        assertTrue(PROBES.size() >= 35);
        long t0 = System.nanoTime();
        for (String probe : PROBES) {
            ParseCommandTest.Run r = ParseCommandTest.run("check", "--samples", "2", "problems/prox_weight_decay.prob", "--answer", probe);
            assertEquals(ExitCode.BAD_INPUT, r.code(), probe + "\n" + r.out() + r.err());
            assertTrue(LOCATED.matcher(r.err()).find(), "no position for " + probe + ":\n" + r.err());
            assertFalse(r.err().contains("internal error") || r.out().contains("verdict:"), probe + "\n" + r.out() + r.err());
        }
        assertTrue((System.nanoTime() - t0) / 1e9 < 60, "Pause would sleep");
    }

    @Test void aLatexDefinitionSignIsReadByOurReaderAsAnEqualityNotPassedOn() {
        // \theta^{t+1} := \theta^t is ordinary notation for a definition: read (by us) as '=', and judged
        ParseCommandTest.Run r = ParseCommandTest.run("check", "--samples", "2", "problems/prox_weight_decay.prob",
                "--answer", "\\theta^{t+1} := \\theta^t");
        assertEquals(ExitCode.FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("read as:   theta = theta_t") && r.out().contains("verdict:   incorrect"), r.out());
        assertTrue(r.out().contains(":1: \\theta^{t+1} := \\theta^t\n"), "the echo shows the whole answer: " + r.out());
    }
}
