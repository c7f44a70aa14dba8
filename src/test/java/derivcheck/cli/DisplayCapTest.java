package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.limits.InputLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's input caps include the number of displays in one file: one display past {@link InputLimits#MAX_DISPLAYS}
 * is a located message at that display and exit 2, and the first ones are still checked (identical answers reuse
 * their verdict, so this stays fast).
 */
class DisplayCapTest {
    private static final String RIGHT = "$$\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon' \\tilde g^t}{1 + \\varepsilon' \\lambda}$$\n";

    @Test @Timeout(300)
    void oneDisplayPastTheCapIsLocatedAtItAndTheFirstOnesAreChecked(@TempDir Path dir) throws Exception {
        int cap = InputLimits.MAX_DISPLAYS;
        Path file = Files.writeString(dir.resolve("many.md"), RIGHT.repeat(cap + 1));
        ParseCommandTest.Run r = ParseCommandTest.run("check", "problems/prox_weight_decay.prob", file.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(file + ":" + (cap + 1) + ":3: more than " + cap + " displays in one file; only the first " + cap
                + " are checked"), r.err());
        assertTrue(r.out().contains(cap + " answer(s): " + cap + " correct, 0 incorrect"), r.out().substring(Math.max(0, r.out().length() - 300)));
    }
}
