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

/**
 * Issue 11, defect 1 for moments (E[.] and Var[.] of an entry inside a sum over its index keep
 * the index bound, so such steps are decided) and defect 9 (a well-formed answer of the wrong
 * shape is `incorrect` with the shapes named; a malformed one stays a located error).
 */
class MomentsInSumsAndShapesTest {
    private static final Path NODE = Path.of("problems", "node_statistics.prob");
    private static final Path DROPOUT = Path.of("problems", "dropout_gaussian_noise.prob");
    private static final Path RIDGE = Path.of("problems", "ridge_closed_form.prob");

    private record Read(Problem problem, ParseResult<List<Answer>> answers) {}

    private static Read read(Path spec, String answer) throws Exception {
        SourceText st = new SourceText(spec.toString(), Files.readString(spec));
        Problem p = SpecReader.read(st).get();
        return new Read(p, new AnswerReader(p, st).read(answer, new Pos("<answer>", 1, 1), new SourceText("<answer>", answer)));
    }

    private static AnswerReport check(Path spec, String answer) throws Exception {
        Read r = read(spec, answer);
        assertTrue(r.answers().ok(), r.answers()::renderDiagnostics);
        AnswerChecker c = new AnswerChecker(Engine.standard(Cas.shared()), r.problem(), VerifyOptions.defaults().withSamples(6), false);
        return c.check(r.answers().get().get(0));
    }

    private static String steps(AnswerReport r) {
        StringBuilder b = new StringBuilder();
        for (AnswerReport.Step s : r.steps()) b.append(s.verdict().word().charAt(0));
        return b.toString();
    }

    @Test
    void momentsOfEntriesInsideASumAreEvaluatedWithTheirIndexBound() throws Exception {
        // E[w_i] E[x_i] = 0 for every i, whichever i it is
        AnswerReport mean = check(NODE, "\\mathbb{E}[y] = \\sum_{i=1}^{n} \\mathbb{E}[w_i] \\mathbb{E}[x_i] = 0");
        assertEquals("cc", steps(mean), mean.toString());
        AnswerReport var = check(NODE, "\\mathbb{V}[y] = \\sum_{i=1}^{n} \\mathbb{V}[w_i] \\mathbb{V}[x_i] = n \\tilde\\sigma^2 \\sigma^2");
        assertEquals("cc", steps(var), var.toString());
    }

    @Test
    void aWrongMomentInsideASumIsAnIncorrectStep() throws Exception {
        // Var[m_j] = p(1 - p) for Bernoulli(p): (1/p^2) sum p(1-p) c_j = (1-p)/p sum c_j, not (p - p^2)/p sum c_j
        AnswerReport r = check(DROPOUT, "\\text{var}(\\tilde{y}_m^{(i)}) = \\frac{1}{p^2} \\sum_j \\text{var}(m_j^{(i)}) [w_j x_j^{(i)}]^2"
                + " = \\frac{p-p^2}{p} \\sum_j [w_j x_j^{(i)}]^2");
        assertEquals("ci", steps(r), r.toString());
        // written with the right moment, the same step holds
        AnswerReport ok = check(DROPOUT, "\\text{var}(\\tilde{y}_m^{(i)}) = \\frac{1}{p^2} \\sum_j \\text{var}(m_j^{(i)}) [w_j x_j^{(i)}]^2"
                + " = \\frac{p-p^2}{p^2} \\sum_j [w_j x_j^{(i)}]^2");
        assertEquals("cc", steps(ok), ok.toString());
        assertEquals(AnswerReport.Word.CORRECT, ok.verdict());
    }

    @Test
    void aStepWithTheSoughtSigmaIsJudgedAtTheSolution() throws Exception {
        // Var[1 + pi_j] = sigma^2, and sigma^2 = (1-p)/p at the solution: "6^2" is wrong there, sigma^2 is right
        // (the first step, Var[ypi] = ..., needs the symbolic tier, which this numeric-only checker skips)
        AnswerReport six = check(DROPOUT, "\\text{var}(\\tilde{y}_\\pi^{(i)}) = \\sum_j \\text{var}(1 + \\pi_j^{(i)}) [w_j x_j^{(i)}]^2"
                + " = \\sum_j 6^2 [w_j x_j^{(i)}]^2");
        assertEquals(AnswerReport.Word.INCORRECT, six.steps().get(1).verdict(), six.toString());
        AnswerReport sigma = check(DROPOUT, "\\text{var}(\\tilde{y}_\\pi^{(i)}) = \\sum_j \\text{var}(1 + \\pi_j^{(i)}) [w_j x_j^{(i)}]^2"
                + " = \\sum_j \\sigma^2 [w_j x_j^{(i)}]^2");
        assertEquals(AnswerReport.Word.CORRECT, sigma.steps().get(1).verdict(), sigma.toString());
    }

    @Test
    void aVectorStatedForAScalarIsIncorrectAndSaysWhichShapes() throws Exception {
        AnswerReport r = check(NODE, "\\mathbb{E}[y] = w");
        assertEquals(AnswerReport.Word.INCORRECT, r.verdict());
        assertEquals("shapes", r.evidence());
        assertTrue(r.diagnosis().orElse("").toLowerCase(java.util.Locale.ROOT).contains("the answer is a vector of length n; the problem asks for a scalar"), r.diagnosis().toString());
    }

    @Test
    void aMatrixStatedForAVectorIsIncorrectWithItsPosition() throws Exception {
        String text = "\\mathbf{w}^* = X";
        Read r = read(RIDGE, text);
        assertFalse(r.answers().ok());
        Optional<AnswerReport> rep = ShapeErrors.asIncorrect(text, new Pos("<answer>", 1, 1), r.answers());
        assertTrue(rep.isPresent(), r.answers()::renderDiagnostics);
        assertEquals(AnswerReport.Word.INCORRECT, rep.get().verdict());
        String d = rep.get().diagnosis().orElse("");
        assertTrue(d.contains("the answer is a matrix of size n x d; the problem asks for a vector of length d") && d.contains("<answer>:1:"), d);
    }

    @Test
    void aMalformedAnswerStaysALocatedErrorNotAVerdict() throws Exception {
        String text = "\\mathbf{w}^* = (X^T X + ";
        Read r = read(RIDGE, text);
        assertFalse(r.answers().ok());
        assertTrue(ShapeErrors.asIncorrect(text, new Pos("<answer>", 1, 1), r.answers()).isEmpty());
        assertTrue(r.answers().diagnostics().get(0).pos().line() == 1 && r.answers().diagnostics().get(0).pos().col() >= 1);
    }

    @Test
    void aScalarForAVectorTargetIsStillJudgedByValue() throws Exception {
        // w = 0 is how the zero vector is written: not a shape error (here it is wrong by value)
        AnswerReport r = check(RIDGE, "\\mathbf{w}^* = 0");
        assertTrue(!"shapes".equals(r.evidence()), r.toString());
    }
}
