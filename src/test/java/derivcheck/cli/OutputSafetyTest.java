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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command writes over its own inputs, into a directory, or into a folder that cannot be written: each is
 * refused before any work with one line "derivcheck CMD: error: cannot write OUT: why" and exit 2, and the
 * input is left byte for byte.
 */
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

    /** Exit 2, exactly one line, saying what is wrong, no exception. */
    private static void refusedWith(Run r, String why) {
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(": error: cannot write"), r.err());
        assertTrue(r.err().contains(why), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private Path copyOfASpec() throws Exception {
        Path spec = dir.resolve("in.prob");
        Files.copy(Path.of("problems/trust_region_l2.prob"), spec);
        return spec;
    }

    /** A path whose folder cannot exist: its would-be parent is a regular file. */
    private Path underAFile(String name) throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        return file.resolve("sub").resolve(name);
    }

    // ---- sheet

    @Test void sheetRefusesToWriteOverItsInputSpecAndLeavesItByteForByte() throws Exception {
        Path spec = copyOfASpec();
        byte[] before = Files.readAllBytes(spec);
        Run r = run("sheet", "--problems-only", spec.toString(), "-o", spec.toString(), "--force");
        refusedWith(r, "is one of the inputs");
        assertArrayEquals(before, Files.readAllBytes(spec));
    }

    @Test void sheetReportOntoASpecInAnInputFolderIsRefused() throws Exception {
        Path spec = copyOfASpec();
        byte[] before = Files.readAllBytes(spec);
        Run r = run("sheet", "--problems-only", dir.toString(), "-o", dir.resolve("s.tex").toString(), "--report", spec.toString());
        refusedWith(r, "is one of the inputs");
        assertArrayEquals(before, Files.readAllBytes(spec));
        assertFalse(Files.exists(dir.resolve("s.tex")));
    }

    @Test void sheetOutputThatIsADirectoryIsOneClearLineAndExit2() throws Exception {
        Path spec = copyOfASpec();
        byte[] before = Files.readAllBytes(spec);
        Path out = Files.createDirectory(dir.resolve("sheet.tex"));
        refusedWith(run("sheet", "--problems-only", spec.toString(), "-o", out.toString(), "--force"), "is a directory");
        assertArrayEquals(before, Files.readAllBytes(spec));
    }

    @Test void sheetIntoAFolderThatCannotBeCreatedIsOneClearLineAndExit2() throws Exception {
        Path spec = copyOfASpec();
        refusedWith(run("sheet", "--problems-only", spec.toString(), "-o", underAFile("s.tex").toString()),
                "does not exist and cannot be created");
    }

    @Test void sheetIntoAReadOnlyFolderIsOneClearLineAndExit2() throws Exception {
        Path spec = copyOfASpec();
        Path ro = Files.createDirectory(dir.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "running as root: folders are always writable");
            refusedWith(run("sheet", "--problems-only", spec.toString(), "-o", ro.resolve("s.tex").toString()), "is not writable");
        } finally {
            ro.toFile().setWritable(true);
        }
    }

    /**
     * A folder the checks let through but the system refuses (here a new folder under /proc; as root every folder
     * looks writable, so the read-only test above is skipped there): still one clear line and exit 2, not an internal error.
     */
    @Test void sheetIntoAFolderTheFileSystemRefusesAtWriteTimeIsOneClearLineAndExit2() throws Exception {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "needs /proc (Linux)");
        Path spec = copyOfASpec();
        Path out = proc.resolve("derivcheck-no-such-folder").resolve("s.tex");
        Run r = run("sheet", "--problems-only", spec.toString(), "-o", out.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("derivcheck sheet: error: cannot write " + out + ": "), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test void sheetIntoAMissingButCreatableFolderIsWrittenThere() throws Exception {
        Path spec = copyOfASpec();
        Path out = dir.resolve("build").resolve("s.tex");
        Run r = run("sheet", "--problems-only", spec.toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(Files.readString(out).startsWith(derivcheck.render.SheetWriter.MARKER));
        try (var s = Files.list(out.getParent())) {
            assertEquals(1, s.count(), "no temporary file is left beside the sheet");
        }
    }

    // ---- new

    @Test void newIntoAFolderThatCannotBeCreatedIsOneClearLineAndExit2() throws Exception {
        Path where = underAFile("x").getParent();
        refusedWith(run("new", "--dir", where.toString(), "my_exercise"), "does not exist and cannot be created");
    }

    @Test void newWritesItsSkeletonAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        Run r = run("new", "--dir", dir.toString(), "my_exercise");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("my_exercise.prob")).contains("problem my_exercise"));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    // ---- grade

    private Path submissions() throws Exception {
        Path subs = Files.createDirectory(dir.resolve("subs"));
        Files.writeString(subs.resolve("alice.md"), "$$ d = -r \\frac{g}{\\|g\\|} $$\n");
        return subs;
    }

    @Test void gradeCsvOntoItsSpecIsRefusedEvenWithForce() throws Exception {
        Path spec = copyOfASpec();
        byte[] before = Files.readAllBytes(spec);
        refusedWith(run("grade", spec.toString(), submissions().toString(), "--csv", spec.toString(), "--force"), "is one of the inputs");
        assertArrayEquals(before, Files.readAllBytes(spec));
    }

    @Test void gradeJsonThatIsADirectoryIsRefused() throws Exception {
        Path spec = copyOfASpec();
        Path out = Files.createDirectory(dir.resolve("grades.json"));
        refusedWith(run("grade", spec.toString(), submissions().toString(), "--json", out.toString(), "--force"), "is a directory");
    }

    @Test void gradeCsvInAFolderThatCannotBeCreatedIsRefused() throws Exception {
        Path spec = copyOfASpec();
        refusedWith(run("grade", spec.toString(), submissions().toString(), "--csv", underAFile("g.csv").toString()),
                "does not exist and cannot be created");
    }

    @Test void gradeGradescopeFolderThatIsAFileIsRefused() throws Exception {
        Path spec = copyOfASpec();
        Path file = Files.writeString(dir.resolve("gs"), "x");
        refusedWith(run("grade", spec.toString(), submissions().toString(), "--gradescope", file.toString(), "--force"),
                "is a file, not a folder");
        assertEquals("x", Files.readString(file));
    }

    /**
     * Where the file system refuses a new file though every folder looks writable (/proc; as root, everywhere), each report
     * of grade is refused before the cohort is graded: one line (no "graded N answer(s)" after it) and exit 2.
     */
    @Test void gradeReportsTheFileSystemRefusesAreRefusedBeforeAnyAnswerIsGraded() throws Exception {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "needs /proc (Linux)");
        Path spec = copyOfASpec();
        Path subs = submissions();
        Path nowhere = proc.resolve("derivcheck-no-such-folder");
        refusedWith(run("grade", spec.toString(), subs.toString(), "--csv", nowhere.resolve("g.csv").toString()), "cannot write " + nowhere.resolve("g.csv") + ": ");
        refusedWith(run("grade", spec.toString(), subs.toString(), "--csv", dir.resolve("g.csv").toString(), "--json", nowhere.resolve("g.json").toString()),
                "cannot write " + nowhere.resolve("g.json") + ": ");
        assertFalse(Files.exists(dir.resolve("g.csv")), "no report is written when another one is refused");
        refusedWith(run("grade", spec.toString(), subs.toString(), "--gradescope", nowhere.toString()), "cannot write into " + nowhere + ": ");
    }

    // ---- bench

    @Test void benchSaveOntoItsSpecIsRefusedEvenWithForce() throws Exception {
        Path spec = copyOfASpec();
        byte[] before = Files.readAllBytes(spec);
        refusedWith(run("bench", spec.toString(), "--save", spec.toString(), "--force"), "is one of the inputs");
        assertArrayEquals(before, Files.readAllBytes(spec));
    }

    @Test void benchSaveThatIsADirectoryIsRefused() throws Exception {
        Path spec = copyOfASpec();
        refusedWith(run("bench", spec.toString(), "--save", dir.toString(), "--force"), "is a directory");
    }

    // ---- cohort

    @Test void cohortOutThatIsItsSpecIsRefusedAndTheSpecKept() throws Exception {
        Path spec = copyOfASpec();
        byte[] before = Files.readAllBytes(spec);
        refusedWith(run("cohort", spec.toString(), "--out", spec.toString(), "--force"), "is one of the inputs");
        assertArrayEquals(before, Files.readAllBytes(spec));
    }

    @Test void cohortIntoAFolderTheFileSystemRefusesAtWriteTimeIsOneClearLineAndExit2() throws Exception {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "needs /proc (Linux)");
        Path out = proc.resolve("derivcheck-no-such-cohort");
        Run r = run("cohort", copyOfASpec().toString(), "--out", out.toString(), "--students", "2");
        refusedWith(r, "derivcheck cohort: error: cannot write into " + out + ": ");
        assertFalse(r.err().contains("internal error"), r.err());
    }

    /**
     * cohort writes each file through the atomic writer: over an old cohort whose files are links to a spec (the kind of
     * file a direct write would go through), each link is replaced by a new file and the spec is left byte for byte.
     */
    @Test void cohortOverAnOldCohortReplacesEachFileAndNeverWritesThroughALink() throws Exception {
        Path spec = copyOfASpec();
        byte[] before = Files.readAllBytes(spec);
        Path fresh = dir.resolve("fresh");
        assertEquals(ExitCode.OK, run("cohort", spec.toString(), "--out", fresh.toString(), "--students", "12", "--seed", "3").code());
        List<Path> written;
        try (var s = Files.walk(fresh)) { written = s.filter(Files::isRegularFile).map(fresh::relativize).sorted().toList(); }
        assertFalse(written.isEmpty());
        Path old = dir.resolve("old");
        for (Path f : written) {
            Files.createDirectories(old.resolve(f).getParent());
            Files.createSymbolicLink(old.resolve(f), spec);
        }
        Run r = run("cohort", spec.toString(), "--out", old.toString(), "--students", "12", "--seed", "3", "--force");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertArrayEquals(before, Files.readAllBytes(spec), "the spec behind the links is untouched");
        for (Path f : written) {
            assertTrue(Files.isRegularFile(old.resolve(f), java.nio.file.LinkOption.NOFOLLOW_LINKS), f + " is a new file, not the link");
            assertArrayEquals(Files.readAllBytes(fresh.resolve(f)), Files.readAllBytes(old.resolve(f)), f.toString());
        }
        try (var s = Files.walk(old)) {
            assertEquals(List.of(), s.map(Path::getFileName).map(Path::toString).filter(n -> n.endsWith(".tmp")).toList(), "no temporary file is left");
        }
    }

    @Test void cohortKeyFileOntoItsSpecIsRefused() throws Exception {
        // --out DIR writes DIR.key.csv beside DIR: here that is the spec itself
        Path spec = Files.copy(Path.of("problems/trust_region_l2.prob"), dir.resolve("c.key.csv"));
        byte[] before = Files.readAllBytes(spec);
        refusedWith(run("cohort", spec.toString(), "--out", dir.resolve("c").toString()), "is one of the inputs");
        assertArrayEquals(before, Files.readAllBytes(spec));
    }
}
