package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Engine;
import derivcheck.expr.Pos;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17: LaTeX answers for the gradient of one entry of a let-defined vector, {@code \nabla_q a_j} and
 * {@code \frac{\partial a_j}{\partial q}} with the spec's dimension j as the index, and unit vectors e_j in them.
 */
class LetEntryGradientAnswersTest {
    private static final Path SPEC = Path.of("src/test/resources/derive/families/attention_weight_entry_gradient.prob");

    private static List<AnswerReport> check(String text) throws Exception {
        SourceText st = new SourceText(SPEC.toString(), Files.readString(SPEC));
        Problem p = SpecReader.read(st).get();
        ParseResult<List<Answer>> r = new AnswerReader(p, st).read(text, new Pos("<answer>", 1, 1), new SourceText("<answer>", text));
        assertTrue(r.ok(), r::renderDiagnostics);
        AnswerChecker c = new AnswerChecker(Engine.standard(Cas.shared()), p, VerifyOptions.defaults().withSamples(6), false);
        List<AnswerReport> out = new ArrayList<>();
        for (Answer a : r.get()) out.add(c.check(a));
        return out;
    }

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
