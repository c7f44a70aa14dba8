package derivcheck.judge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The judge on src/test/resources/judge/pairs.txt: elementary pairs whose verdicts were decided by
 * hand. No pair decided `equal` by hand may be judged DIFFERENT (a false alarm) and no pair decided
 * `different` may be judged equal (a false correct); undecided is allowed but counted.
 */
class ElementaryPairsCorpusTest {
    private record Line(int number, String answer, String reference, String assume, boolean equal, String why) {}

    static List<String[]> rows() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of("src/test/resources/judge/pairs.txt"), StandardCharsets.UTF_8)) {
            if (l.isBlank() || l.startsWith("#")) continue;
            out.add(l.split(" ;; ", -1));
        }
        return out;
    }

    @Test
    void noFalseCorrectAndNoFalseIncorrectOnTheHandDecidedPairs() throws IOException {
        List<String[]> rows = rows();
        assertTrue(rows.size() >= 100, "the corpus has " + rows.size() + " pairs");
        List<String> wrong = new ArrayList<>();
        int undecided = 0, n = 0;
        for (String[] r : rows) {
            n++;
            boolean equal = r[3].equals("equal");
            assertTrue(equal || r[3].equals("different"), "verdict word in line " + n + ": " + r[3]);
            Judgement j = Pairs.judge(r[0], r[1], r[2]);
            if (j.undecided()) {
                undecided++;
                System.out.println("undecided: " + r[0] + " vs " + r[1] + ": " + j.reason());
            } else if (j.equal() != equal) {
                wrong.add(r[0] + "  vs  " + r[1] + (r[2].isEmpty() ? "" : " (" + r[2] + ")") + ": expected " + r[3] + ", got "
                        + j.summary() + " " + j.evidence());
            }
        }
        System.out.println("elementary pairs: " + n + ", undecided " + undecided + ", wrong " + wrong.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(undecided * 10 <= n, undecided + " of " + n + " undecided");
    }
}
