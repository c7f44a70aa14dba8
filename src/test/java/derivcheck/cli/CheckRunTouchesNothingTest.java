package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole check run, in a fresh JVM (Symja started from cold, every tier used: reading, exact, numeric,
 * the symbolic proof), starts no process, opens no socket, resolves no host name, and writes or deletes
 * no file: a recording security manager sees every such request, from our code or any library's.
 */
class CheckRunTouchesNothingTest {
    private static Process child(Path log, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xss8m",
                "-Djava.security.manager=" + RecordingSecurityManager.class.getName(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test @Timeout(120)
    void theRecorderSeesAWriteWhenACommandDoesWriteAFile(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        Process p = child(log, "new", "--dir", dir.toString(), "probe_exercise");
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, p.exitValue(), out);
        assertTrue(out.matches("(?s).*sandbox-events: \\[.*write [^\\]]*probe_exercise.*"), out);
    }

    @Test @Timeout(180)
    void aCheckRunStartsNoProcessOpensNoSocketAndWritesNoFile(@TempDir Path dir) throws Exception {
        Path answers = Files.writeString(dir.resolve("answers.md"), """
                $$\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon' \\tilde g^t}{1 + \\varepsilon' \\lambda}$$
                $$\\theta^{t+1} = \\theta^t - \\varepsilon'(\\tilde g^t + \\lambda \\theta^t)$$
                $$\\theta^{t+1} = \\operatorname{Run}(\\theta^t)$$
                $$theta = URLFetch(theta_t) + 0*Pause(20)$$
                """);
        Path log = dir.resolve("child.log");
        Process p = child(log, "check", "--prove", "--samples", "4", "problems/prox_weight_decay.prob", answers.toString());
        boolean exited = p.waitFor(150, TimeUnit.SECONDS);
        if (!exited) p.destroyForcibly();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(exited, out);
        assertEquals(ExitCode.BAD_INPUT, p.exitValue(), "two answers judged, two refused: " + out);
        assertTrue(out.contains("verdict:   correct") && out.contains("verdict:   incorrect"), out);
        assertTrue(out.contains("sandbox-events: []"), "the run asked to do something it must not:\n" + out);
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "only the answers and the child's log are in the folder");
        }
    }
}
