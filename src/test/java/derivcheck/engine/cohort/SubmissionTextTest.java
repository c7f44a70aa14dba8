package derivcheck.engine.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.limits.InputLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTextTest {
    @TempDir Path dir;

    @Test void malformedUtf8IsAnErrorAtItsLineAndByteColumn() throws Exception {
        Path f = dir.resolve("a.tex");
        byte[] head = "$$x$$\nab".getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[head.length + 2];
        System.arraycopy(head, 0, b, 0, head.length);
        b[head.length] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
        b[head.length + 1] = (byte) 0x28;
        Files.write(f, b);
        SubmissionText.Read r = SubmissionText.read(f, "a.tex");
        assertFalse(r.ok());
        assertEquals("a.tex:2:3", r.errorPos().toString()); // Pos.equals ignores places
        assertTrue(r.error().contains("not UTF-8: byte 0xc3"), r.error());
    }

    @Test void aNulByteMeansBinary() throws Exception {
        Path f = dir.resolve("b.md");
        Files.write(f, new byte[] {'$', '$', 0, '$', '$'});
        SubmissionText.Read r = SubmissionText.read(f, "b.md");
        assertFalse(r.ok());
        assertTrue(r.error().contains("binary"), r.error());
    }

    @Test void aFileOverTheSizeCapIsNotRead() throws Exception {
        Path f = dir.resolve("c.tex");
        Files.write(f, new byte[(int) InputLimits.MAX_FILE_BYTES + 1]);
        SubmissionText.Read r = SubmissionText.read(f, "c.tex");
        assertFalse(r.ok());
        assertTrue(r.error().contains("more than the limit"), r.error());
    }

    @Test void aTxtFileWithoutDisplaysHoldsOneAnswerPerLineAndCommentsAreSkipped() throws Exception {
        Path f = dir.resolve("d.txt");
        Files.writeString(f, "# my answers\n\n  theta = g\n% note\ntheta = 2*g\n");
        List<SubmissionText.Unit> u = SubmissionText.read(f, "d.txt").units();
        assertEquals(2, u.size());
        assertEquals("theta = g", u.get(0).text());
        assertEquals("d.txt:3:3", u.get(0).pos().toString());
        assertEquals("d.txt:5:1", u.get(1).pos().toString());
    }

    @Test void aTexFileGivesItsDisplays() throws Exception {
        Path f = dir.resolve("e.tex");
        Files.writeString(f, "Text $x$ and\n\\[ \\theta = g \\]\n\\begin{align*} a &= b \\end{align*}\n");
        assertEquals(2, SubmissionText.read(f, "e.tex").units().size());
    }

    @Test void studentsAreFilesOrFoldersAndOtherFilesAreLeftOut() throws Exception {
        Files.writeString(dir.resolve("ann.tex"), "");
        Files.createDirectories(dir.resolve("bob/sub"));
        Files.writeString(dir.resolve("bob/sub/2.md"), "");
        Files.writeString(dir.resolve("bob/1.txt"), "");
        Files.writeString(dir.resolve("bob/notes.pdf"), "");
        Files.writeString(dir.resolve(".hidden.tex"), "");
        Files.writeString(dir.resolve("grades.csv"), "");
        List<Submission> s = Submission.scan(dir);
        assertEquals(List.of("ann", "bob"), s.stream().map(Submission::student).toList());
        assertEquals(List.of(dir.resolve("bob/1.txt"), dir.resolve("bob/sub/2.md")), s.get(1).files());
    }
}
