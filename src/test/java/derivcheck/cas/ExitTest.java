package derivcheck.cas;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

class ExitTest {
    /**
     * Without {@code Config.JAS_NO_THREADS} JAS's polynomial code starts a pool of non-daemon threads
     * (measured: seven of them after one factor/cancel/together) and the JVM lingers about 60 s after
     * main returns (68.8 s measured); this test then fails on both the thread list and the 45 s wait.
     * A child JVM that used the CAS, and never closed it, must exit on its own, promptly.
     */
    @Test @Timeout(120)
    void aJvmThatUsedTheCasExitsPromptlyWhenMainReturns() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Path out = Files.createTempFile("cas-exit", ".txt");
        try {
            Process p = new ProcessBuilder(java, "-Xss8m", "-cp", cp, ExitProbe.class.getName())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            long t0 = System.nanoTime();
            boolean exited = p.waitFor(45, TimeUnit.SECONDS);
            long took = (System.nanoTime() - t0) / 1_000_000;
            if (!exited) p.destroyForcibly();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(exited, "the child JVM did not exit within 45 s; output:\n" + text);
            assertEquals(0, p.exitValue(), text);
            assertTrue(text.contains("result true"), text);
            assertTrue(text.contains("solve true"), text);
            assertTrue(text.contains("factor true"), text);
            assertTrue(text.contains("non-daemon threads []") || text.contains("non-daemon threads [DestroyJavaVM]"), text);
            assertTrue(took < 15_000, "exit took " + took + " ms");
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
