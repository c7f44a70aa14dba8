package derivcheck.engine.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.engine.Checked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A stage that ignores every deadline does not stop the batch. */
class GraderStallTest {
    @Test @Timeout(60)
    void aFileWhoseCheckNeverReturnsIsGivenUpAndTheOthersAreGraded(@TempDir Path dir) throws Exception {
        for (String s : List.of("a", "b", "c", "d")) Files.writeString(dir.resolve(s + ".txt"), s.equals("b") ? "stuck\n" : "fine\n");
        CountDownLatch never = new CountDownLatch(1);
        Grader.Checker checker = (text, pos, src) -> {
            if (text.equals("stuck")) {
                // deaf to interrupts and deadlines, like a plain-Java loop inside a library
                while (true) {
                    try {
                        never.await();
                    } catch (InterruptedException ignored) {
                        // keep going
                    }
                }
            }
            return List.of(Checked.unreadable(pos, "checked"));
        };
        List<FileResult> r = new Grader(checker, Duration.ofMillis(100), 1).grade(dir, Submission.scan(dir), k -> { });
        assertEquals(List.of("a.txt", "b.txt", "c.txt", "d.txt"), r.stream().map(FileResult::file).toList());
        assertEquals(Checked.Status.TIMEOUT, r.get(1).outcomes().get(0).status());
        assertTrue(r.get(1).outcomes().get(0).message().contains("given up"), r.get(1).outcomes().get(0).message());
        for (int i : new int[] {0, 2, 3}) assertEquals(Checked.Status.UNREADABLE, r.get(i).outcomes().get(0).status(), "graded after the stall");
    }
}
