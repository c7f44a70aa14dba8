package derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12: "where a library loop ignores interruption, run it where it can be abandoned (a daemon worker whose
 * result is dropped) ... and test that the process still exits promptly". The child JVM
 * ({@link AbandonedLoopExitProbe}) leaves two such loops spinning forever, one under the watchdog that even
 * survives being stopped, one in an abandoned CAS call, and returns from main: the JVM must exit at once
 * instead of running until it is killed. The 60 s wait is a hang guard; the measure is the time after main returned.
 */
class AbandonedLoopExitTest {
    @Test @Timeout(120)
    void aJvmWithLoopsThatIgnoreInterruptionStillRunningExitsPromptlyWhenMainReturns() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile("abandoned-loop-exit", ".txt");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AbandonedLoopExitProbe.class.getName())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean exited = p.waitFor(60, TimeUnit.SECONDS);
            long wall = (System.nanoTime() - t0) / 1_000_000;
            if (!exited) p.destroyForcibly();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(exited, "the child JVM did not exit within 60 s:\n" + text);
            assertEquals(0, p.exitValue(), text);
            assertTrue(text.contains("watchdog gave up: a loop that ignores interruption made no progress for"), text);
            assertTrue(text.contains("cas call done: false"), text);
            // the loops really were still running when main returned (else this would prove nothing)
            Matcher alive = Pattern.compile("abandoned loops still running (\\d+)").matcher(text);
            assertTrue(alive.find(), text);
            assertEquals(2, Integer.parseInt(alive.group(1)), text);
            Matcher up = Pattern.compile("main returns at uptime (\\d+) ms").matcher(text);
            assertTrue(up.find(), text);
            long afterMain = wall - Long.parseLong(up.group(1));
            assertTrue(afterMain < 10_000, "the JVM took " + afterMain + " ms to exit after main returned:\n" + text);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
