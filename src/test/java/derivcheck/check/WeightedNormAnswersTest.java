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
 * Issue 14: hand answers in LaTeX with weighted norms \|v\|_D, \lVert v \rVert_{D} (D declared diagonal
 * positive definite in the spec) read as sqrt(v'*D*v) and are judged; a wrong one is incorrect.
 */
class WeightedNormAnswersTest {
    private static final Path SPEC = Path.of("src/test/resources/derive/weighted/weighted_prox_step.prob");

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
