package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: hand answers in LaTeX with weighted norms \|v\|_D, \lVert v \rVert_{D} (D declared diagonal
 * positive definite in the spec) read as sqrt(v'*D*v) and are judged; a wrong one is incorrect.
 */
class WeightedNormAnswersTest {
    private static final Path SPEC = Path.of("src/test/resources/derive/weighted/weighted_prox_step.prob");

    private static List<AnswerReport> check(String text) throws Exception { return SpecAnswers.check(SPEC, text); }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            x = x_0 - \\frac{\\epsilon \\|g\\|_D}{\\|g\\|_D} D^{-1} g                   # CORRECT
            x = x_0 - \\epsilon \\frac{\\lVert g \\rVert_{D}}{\\lVert g \\rVert_{D}} D^{-1} g # CORRECT
            x = x_0 - \\epsilon \\frac{g}{\\|g\\|_D}                                    # INCORRECT
            """)
    void aWeightedNormInALatexAnswerReadsAsTheQuadraticFormAndIsJudged(String latex, String verdict) throws Exception {
        List<AnswerReport> r = check(latex.trim());
        assertEquals(1, r.size());
        assertTrue(r.get(0).answer().readAs().contains("sqrt(g'*D*g)"), r.get(0).answer().readAs());
        assertEquals(AnswerReport.Word.valueOf(verdict.trim()), r.get(0).verdict());
    }
}
