package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts on the reading defects of issue 11 (4, 7, 8), from their examples. */
class ReadingRegressionTest {
    static AnswerReport check(String spec, String text) throws Exception {
        return check(Path.of("problems", spec + ".prob"), text);
    }

    static AnswerReport check(Path f, String text) throws Exception {
        SourceText st = new SourceText(f.toString(), Files.readString(f));
        Problem p = SpecReader.read(st).get();
        ParseResult<List<Answer>> r = new AnswerReader(p, st).read(text, new Pos("<answer>", 1, 1), new SourceText("<answer>", text));
        assertTrue(r.ok(), r::renderDiagnostics);
        return new AnswerChecker(Engine.standard(Cas.shared()), p, VerifyOptions.defaults().withSamples(6), false).check(r.get().get(0));
    }

    @Test void defect4_fOfXPrimeIsTheModelAtXPrimeNotAProduct() throws Exception {
        AnswerReport r = check("fgm_linear_output",
                "f(\\mathbf{x}') = \\mathbf{w}^T \\mathbf{x}' = \\mathbf{w}^T (\\mathbf{x} - \\epsilon \\mathbf{w}) = \\mathbf{w}^T \\mathbf{x} - \\epsilon \\|\\mathbf{w}\\|^2");
        assertEquals(AnswerReport.Word.CORRECT, r.verdict(), () -> r.answer().readAs() + " " + r.diagnosis());
        assertTrue(r.steps().stream().allMatch(s -> s.verdict() == AnswerReport.Word.CORRECT), () -> r.steps().toString());
    }

    @Test void defect8_aChainOfInequalitiesIsOneConditionComparedAsASet() throws Exception {
        AnswerReport right = check("bn_weight_decay_step", "0 < \\eta < \\frac{2\\lambda}{\\lambda^2 + a^2}".replace("\\eta", "\\alpha"));
        assertEquals(AnswerReport.Word.CORRECT, right.verdict(), () -> right.numeric().toString());
        assertTrue(right.steps().isEmpty(), "the links of a condition are not steps");
        AnswerReport ascii = check("bn_weight_decay_step", "0 < alpha < 2*lambda/(lambda^2 + a^2)");
        assertEquals(AnswerReport.Word.CORRECT, ascii.verdict());
        AnswerReport wrong = check("bn_weight_decay_step", "0 < \\alpha < \\frac{2}{\\lambda}");
        assertEquals(AnswerReport.Word.INCORRECT, wrong.verdict());
        assertTrue(wrong.steps().isEmpty());
    }

    /** The issue's own example, on the spec whose condition it states (|1 - eta*a| < 1 with a, eta > 0). */
    @Test void defect8_theIssuesChainZeroLessEtaLessTwoOverAIsOneConditionWithNoStepsAndNoFailure() throws Exception {
        Path spec = Path.of("src/test/resources/derive/scalar/step_size_condition.prob");
        for (String text : List.of("0 < \\eta < \\frac{2}{a}", "0 < eta < 2/a")) {
            AnswerReport r = check(spec, text);
            assertEquals(AnswerReport.Word.CORRECT, r.verdict(), () -> text + ": " + r.numeric());
            assertTrue(r.steps().isEmpty(), text + ": the links of a condition are not steps");
            assertFalse(r.hasError(), text + ": exit code 0");
        }
        AnswerReport wrong = check(spec, "0 < \\eta < \\frac{1}{a}");
        assertEquals(AnswerReport.Word.INCORRECT, wrong.verdict(), "a smaller set of step sizes is another condition");
    }

    @Test void defect7_thePrimedStepSizeIsNotTheUnprimedOne() throws Exception {
        AnswerReport r = check("prox_weight_decay_sgd_match", "\\varepsilon' = \\frac{\\varepsilon}{1-\\lambda\\varepsilon}");
        assertEquals(AnswerReport.Word.CORRECT, r.verdict());
        assertEquals("eps1 = eps/(-lambda*eps + 1)", r.answer().readAs());
    }
}
