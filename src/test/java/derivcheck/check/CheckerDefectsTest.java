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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 11, defects 2, 3, 5 and 9, from the issue's own examples (numeric tiers only: fast). */
class CheckerDefectsTest {
    private record Read(Problem problem, ParseResult<List<Answer>> answers) {}

    private static Read read(Path spec, String answer) throws Exception {
        SourceText st = new SourceText(spec.toString(), Files.readString(spec));
        Problem p = SpecReader.read(st).get();
        ParseResult<List<Answer>> r = new AnswerReader(p, st).read(answer, new Pos("<answer>", 1, 1), new SourceText("<answer>", answer));
        return new Read(p, r);
    }

    private static AnswerReport check(Path spec, String answer) throws Exception {
        Read r = read(spec, answer);
        assertTrue(r.answers().ok(), r.answers()::renderDiagnostics);
        AnswerChecker c = new AnswerChecker(Engine.standard(Cas.shared()), r.problem(), VerifyOptions.defaults(), false);
        return c.check(r.answers().get().get(0));
    }

    private static final Path SHIFTED = Path.of("problems", "backprop_shifted_sum.prob");
    private static final Path LOGIT = Path.of("src", "test", "resources", "judge", "logit_domain.prob");

    @Test
    void aCorrectFinalAnswerReachedByAWrongStepIsReportedAsBoth() throws Exception {
        AnswerReport r = check(SHIFTED, "\\frac{dL}{da} = \\sum_{i=1}^{N-2} g_i x_i = \\sum_{i=1}^{N-2} g_i (x_i + x_{i+2})");
        assertEquals(AnswerReport.Word.CORRECT, r.verdict());
        assertEquals(AnswerReport.Word.INCORRECT, r.steps().get(0).verdict());
        assertTrue(r.hasError(), "exit code 1 means: an answer or one of its steps is incorrect");
        assertEquals("final answer correct, the steps 1 (line 1) and 2 (line 1) incorrect", r.summary());
    }

    @Test
    void aDrawWhereTheReferenceIsUndefinedIsDiscardedNotACounterexample() throws Exception {
        // the spec says only x > 0; log(x/(1-x)) is undefined for x >= 1
        AnswerReport ok = check(LOGIT, "f = log(x) - log(1-x)");
        assertEquals(AnswerReport.Word.CORRECT, ok.verdict(), ok.toString());
    }

    @Test
    void anAnswerUndefinedWhereTheReferenceIsDefinedIsACounterexampleAndSaysSo() throws Exception {
        AnswerReport bad = check(LOGIT, "f = log(x/(1-x)) + log(x-1) - log(x-1)");
        assertEquals(AnswerReport.Word.INCORRECT, bad.verdict());
        assertTrue(bad.diagnosis().orElse("").contains("undefined") && bad.diagnosis().get().contains("where the reference is defined"),
                bad.diagnosis().toString());
    }

    @Test
    void overlappingCaseArmsThatDisagreeAreIncorrectAtTheOverlapWithBothValues() throws Exception {
        // the seed's own split "j <= 2 / j = 2..N-2 / j >= N-2"
        AnswerReport r = check(SHIFTED, "\\frac{dL}{dx_j} = \\begin{cases} a g_j & j \\le 2 \\\\ a(g_j + g_{j-2}) & 2 \\le j \\le N-2"
                + " \\\\ a g_{j-2} & j \\ge N-2 \\end{cases}");
        assertEquals(AnswerReport.Word.INCORRECT, r.verdict());
        String d = r.diagnosis().orElse("");
        assertTrue(d.contains("overlap at j = ") && d.contains("case 2 gives") && d.contains("case 3 gives"), d);
        // j = N-2 is where cases 2 and 3 both apply
        var cx = r.numeric().flatMap(v -> v.counterexample()).orElseThrow();
        assertEquals(cx.sizes().get("N") - 2, cx.index().orElseThrow());
    }

    @Test
    void disjointCaseArmsAreNotAnOverlap() throws Exception {
        AnswerReport r = check(SHIFTED, "\\frac{dL}{dx_j} = \\begin{cases} a g_j & j \\le 2 \\\\ a(g_j + g_{j-2}) & 3 \\le j \\le N-2"
                + " \\\\ a g_{j-2} & j \\ge N-1 \\end{cases}");
        assertEquals(AnswerReport.Word.CORRECT, r.verdict(), r.toString());
    }

    @Test
    void aShapeErrorInAnAnswerIsAnIncorrectVerdictWithItsPosition() throws Exception {
        Path ridge = Path.of("problems", "ridge_closed_form.prob");
        String text = "\\mathbf{w}^*_{\\text{ridge}} = (X X^T + 2\\lambda n I)^{-1} X^T \\mathbf{t}";
        Read r = read(ridge, text);
        assertFalse(r.answers().ok());
        Optional<AnswerReport> rep = ShapeErrors.asIncorrect(text, new Pos("<answer>", 1, 1), r.answers());
        assertTrue(rep.isPresent(), r.answers()::renderDiagnostics);
        assertEquals(AnswerReport.Word.INCORRECT, rep.get().verdict());
        assertTrue(rep.get().diagnosis().orElse("").startsWith("not conformable: "), rep.get().diagnosis().toString());
        assertTrue(rep.get().diagnosis().get().contains("<answer>:1:"), rep.get().diagnosis().toString());
    }

    @Test
    void anUnreadableAnswerIsNotTurnedIntoAVerdict() throws Exception {
        String text = "\\mathbf{w}^*_{\\text{ridge}} = (X^T X + ";
        Read r = read(Path.of("problems", "ridge_closed_form.prob"), text);
        assertFalse(r.answers().ok());
        assertTrue(ShapeErrors.asIncorrect(text, new Pos("<answer>", 1, 1), r.answers()).isEmpty());
    }
}
