package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17: LaTeX answers for the gradient of one entry of a let-defined vector, {@code \nabla_q a_j} and
 * {@code \frac{\partial a_j}{\partial q}} with the spec's dimension j as the index, and unit vectors e_j in them.
 */
class LetEntryGradientAnswersTest {
    private static final Path SPEC = Path.of("src/test/resources/derive/families/attention_weight_entry_gradient.prob");

    private static List<AnswerReport> check(String text) throws Exception { return SpecAnswers.check(SPEC, text); }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            \\nabla_q a_j = \\frac{a_j}{\\sqrt{n}} K^T (e_j - a)                          # grad(a_j, q) = a_j/sqrt(n)*K'*(e_j - a)     # CORRECT
            \\frac{\\partial a_j}{\\partial q} = \\frac{1}{\\sqrt{n}} a_j K^\\top (\\mathbf{e}_j - a) # grad(a_j, q) = 1/sqrt(n)*a_j*K'*(e_j - a) # CORRECT
            \\nabla_{q} a_{j} = \\frac{a_j}{\\sqrt{n}} K^T a                               # grad(a_j, q) = a_j/sqrt(n)*K'*a             # INCORRECT
            """)
    void theGradientOfAnEntryReadsWithTheDimensionAsItsIndexAndIsJudged(String latex, String readAs, String verdict) throws Exception {
        List<AnswerReport> r = check(latex.trim());
        assertEquals(1, r.size());
        assertEquals(readAs.trim(), r.get(0).answer().readAs());
        assertEquals(AnswerReport.Word.valueOf(verdict.trim()), r.get(0).verdict());
    }
}
