package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symja built-ins with side effects (files, network, processes, Java, sleeping, redefinition),
 * written as a symbol and as a call in ASCII and LaTeX answers: each display is read as a plain
 * symbol or refused with its position, the whole run takes normal time (Pause(20) would not), and
 * no file appears in the working directory.
 */
public class SandboxTest {
    public static final List<String> NAMES = List.of("Run", "RunProcess", "URLFetch", "URLRead", "URLSubmit", "Pause", "Export",
            "ExportString", "Import", "Get", "Put", "PutAppend", "ReadString", "OpenWrite", "OpenAppend", "DeleteFile",
            "CreateFile", "CopyFile", "FileNames", "ToExpression", "JavaNew", "JavaClass", "JavaObject", "LoadJavaClass",
            "InstallJava", "Set", "SetDelayed", "Unprotect", "Clear", "ClearAll", "SystemDialogInput", "Print", "Compile",
            "CompilePrint", "Share", "$HomeDirectory", "$UserName", "Environment", "TimeConstrained");

    private static final Pattern LOCATED = Pattern.compile("(?m)^[^\\s:]+:\\d+:\\d+: ");

    @Test @Timeout(600)
    void sideEffectBuiltinsAreReadAsPlainSymbolsOrRefusedAndTouchNoFile(@TempDir Path dir) throws Exception {
        StringBuilder doc = new StringBuilder();
        for (String name : NAMES) {
            String ascii = name.replace("$", "");
            doc.append("$$theta = ").append(ascii).append("(theta_t)$$\n");
            doc.append("$$theta = theta_t + 0*").append(ascii).append("$$\n");
            doc.append("$$\\theta = \\operatorname{").append(ascii).append("}(\\theta^t)$$\n");
            doc.append("$$\\theta = ").append(name.replace("$", "\\$")).append("[\\theta^t]$$\n");
        }
        Path answers = dir.resolve("answers.md");
        Files.writeString(answers, doc);
        List<Path> before;
        try (Stream<Path> s = Files.list(Path.of("."))) { before = s.sorted().toList(); }
        long t0 = System.nanoTime();
        ParseCommandTest.Run r = ParseCommandTest.run("check", "--samples", "2", "problems/prox_weight_decay.prob", answers.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<Path> after;
        try (Stream<Path> s = Files.list(Path.of("."))) { after = s.sorted().toList(); }
        assertEquals(before, after, "the run created or removed files in the working directory");
        assertTrue(r.code() == ExitCode.BAD_INPUT || r.code() == ExitCode.FAILED || r.code() == ExitCode.OK, r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(r.out().contains("verdict:   correct"), "a side-effect call was judged correct:\n" + r.out());
        // every display is accounted for: refused with a position, or judged
        long refused = LOCATED.matcher(r.err()).results().count();
        long judged = Pattern.compile("(?m)^  verdict: ").matcher(r.out()).results().count();
        assertEquals(4L * NAMES.size(), refused + judged, r.out() + r.err());
        assertTrue(ms < 300_000, "took " + ms + " ms (Pause would sleep)");
        try (Stream<Path> s = Files.list(dir)) { assertEquals(1, s.count(), "files appeared next to the answers"); }
    }
}
