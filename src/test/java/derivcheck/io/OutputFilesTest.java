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
}
