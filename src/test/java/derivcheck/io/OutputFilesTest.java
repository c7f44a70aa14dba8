package derivcheck.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir Path dir;

    private long filesIn(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.count();
        }
    }

    @Test void aBodyThatFailsHalfwayLeavesTheOldFileIntactAndNoTemporaryFile() throws Exception {
        Path f = Files.writeString(dir.resolve("report.csv"), "old\n");
        assertThrows(IOException.class, () -> OutputFiles.write(f, w -> {
            w.write("half a new report");
            throw new IOException("disk full");
        }));
        assertEquals("old\n", Files.readString(f));
        assertEquals(1, filesIn(dir));
    }

    @Test void writeReplacesTheFileAndCreatesMissingFolders() throws Exception {
        Path f = dir.resolve("a").resolve("b").resolve("r.json");
        OutputFiles.write(f, "{}\n");
        OutputFiles.write(f, "{\"x\": 1}\n");
        assertEquals("{\"x\": 1}\n", Files.readString(f));
        assertEquals(1, filesIn(f.getParent()));
    }

    @Test void anInputReachedThroughAnotherSpellingOfItsPathIsRecognized() throws Exception {
        Path in = Files.writeString(dir.resolve("in.prob"), "problem p\n");
        Path other = dir.resolve("sub").resolve("..").resolve("in.prob");
        Files.createDirectory(dir.resolve("sub"));
        assertTrue(OutputFiles.refusal(other, List.of(in)).orElseThrow().contains("one of the inputs"));
        Path link = Files.createSymbolicLink(dir.resolve("link.prob"), in);
        assertTrue(OutputFiles.refusal(link, List.of(in)).orElseThrow().contains("one of the inputs"));
    }

    @Test void aNewFileInAWritableFolderIsNotRefused() {
        assertTrue(OutputFiles.refusal(dir.resolve("new").resolve("x.tex"), List.of(dir.resolve("in.prob"))).isEmpty());
    }

    @Test void checkingATargetInMissingFoldersTriesTheWriteButLeavesNoFolderAndNoFileBehind() throws Exception {
        Path target = dir.resolve("a").resolve("b").resolve("grades.csv");
        assertTrue(OutputFiles.refusal(target, List.of()).isEmpty());
        assertTrue(OutputFiles.folderOutputRefusal(dir.resolve("gs").resolve("x"), List.of()).isEmpty());
        assertEquals(0, filesIn(dir), "the probe file and the folders made for it are removed again");
    }

    /** As root every folder looks writable; /proc refuses a new folder all the same, and the check finds out by trying. */
    @Test void aFolderTheFileSystemRefusesIsRefusedByTheCheckNotOnlyWhenWriting() {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "needs /proc (Linux)");
        Path target = proc.resolve("derivcheck-no-such-folder").resolve("grades.csv");
        String why = OutputFiles.refusal(target, List.of()).orElseThrow();
        assertTrue(why.contains("derivcheck-no-such-folder"), why);
        assertTrue(OutputFiles.folderOutputRefusal(proc.resolve("derivcheck-no-such-folder"), List.of()).isPresent());
        assertTrue(OutputFiles.refusal(proc.resolve("derivcheck-no-such-file.csv"), List.of()).isPresent(), "no new file in /proc itself either");
    }

    @Test void writeBytesReplacesALinkInsteadOfWritingThroughIt() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.prob"), "problem p\n");
        Path link = Files.createSymbolicLink(dir.resolve("out.bin"), victim);
        OutputFiles.writeBytes(link, o -> o.write(new byte[] {(byte) 0xff, 0, 1}));
        assertEquals("problem p\n", Files.readString(victim));
        assertTrue(Files.isRegularFile(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {(byte) 0xff, 0, 1}, Files.readAllBytes(link));
        assertEquals(2, filesIn(dir));
    }

    @Test void aBodyThatClosesItsWriterItselfIsStillWrittenWhole() throws Exception {
        Path f = dir.resolve("key.csv");
        OutputFiles.write(f, w -> { w.write("a,b\n"); w.close(); });
        assertEquals("a,b\n", Files.readString(f));
    }
}
