package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sheet never writes over its own inputs, and an unwritable output is one clear line and exit 2. */
class OutputSafetyTest {
    @TempDir Path dir;

    private record Run(int code, String err) {}

    private static Run run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return new Run(Main.execute(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    private Path copyOfASpec() throws Exception {
        Path spec = dir.resolve("in.prob");
        Files.copy(Path.of("problems/trust_region_l2.prob"), spec);
        return spec;
    }

    @Test void sheetRefusesToWriteOverItsInputSpecAndLeavesItByteForByte() throws Exception {
        Path spec = copyOfASpec();
        byte[] before = Files.readAllBytes(spec);
        Run r = run("sheet", "--problems-only", spec.toString(), "-o", spec.toString(), "--force");
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("is one of the inputs"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertArrayEquals(before, Files.readAllBytes(spec));
    }

    @Test void sheetOutputThatIsADirectoryIsOneClearLineAndExit2() throws Exception {
        Path spec = copyOfASpec();
        byte[] before = Files.readAllBytes(spec);
        Path out = Files.createDirectory(dir.resolve("sheet.tex"));
        Run r = run("sheet", "--problems-only", spec.toString(), "-o", out.toString(), "--force");
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("is a directory"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertArrayEquals(before, Files.readAllBytes(spec));
    }

    @Test void sheetIntoAReadOnlyFolderIsOneClearLineAndExit2() throws Exception {
        Path spec = copyOfASpec();
        Path ro = Files.createDirectory(dir.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "running as root: folders are always writable");
            Run r = run("sheet", "--problems-only", spec.toString(), "-o", ro.resolve("s.tex").toString());
            assertEquals(ExitCode.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().contains("is not writable"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        } finally {
            ro.toFile().setWritable(true);
        }
    }
}
