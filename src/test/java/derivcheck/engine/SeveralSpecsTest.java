package derivcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import derivcheck.expr.Pos;
import derivcheck.source.SourceText;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A text checked against several specs is never called incorrect when it is a right answer to one of them. */
class SeveralSpecsTest {
    // seed 001, Assignment 11, the answer as the sheet writes it: the mirror-descent step in the box (0, 1)^n
    private static final String A11 = "x_i = \\text{sigmoid} \\left( \\log \\frac{x_i^0}{1 - x_i^0} - \\varepsilon g_i \\right).";

    @Test void aRightAnswerToTheSecondSpecIsNotJudgedIncorrectAgainstTheFirstThatAlsoReadsIt() {
        ProblemSet s = Prepared.set(Path.of("problems/adversarial_attack_box.prob"), Path.of("problems/mirror_descent_box_vector.prob"));
        List<Checked> c = s.check(A11, new Pos("a11.md", 1, 1), new SourceText("a11.md", A11));
        assertEquals(1, c.size());
        assertEquals(Checked.Status.CORRECT, c.get(0).status(), c.get(0).toString());
        assertEquals("mirror_descent_box_vector", c.get(0).problem().get().problem().name());
    }

    @Test void aWrongAnswerToEverySpecThatReadsItStaysIncorrect() {
        String wrong = "x_i = \\text{sigmoid} \\left( \\log \\frac{x_i^0}{1 - x_i^0} + \\varepsilon g_i \\right)";
        ProblemSet s = Prepared.set(Path.of("problems/adversarial_attack_box.prob"), Path.of("problems/mirror_descent_box_vector.prob"));
        List<Checked> c = s.check(wrong, new Pos("w.md", 1, 1), new SourceText("w.md", wrong));
        assertEquals(Checked.Status.INCORRECT, c.get(0).status(), c.get(0).toString());
    }
}
