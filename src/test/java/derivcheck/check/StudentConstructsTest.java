package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.Test;

/** Issue 11, "read what solution sheets write": \pm, unit vectors e_k, a second free index, \propto. */
class StudentConstructsTest {
    private static ParseResult<List<Answer>> read(String spec, String text) throws Exception {
        Path f = Path.of("problems", spec + ".prob");
        SourceText st = new SourceText(f.toString(), Files.readString(f));
        Problem p = SpecReader.read(st).get();
        return new AnswerReader(p, st).read(text, new Pos("<answer>", 1, 1), new SourceText("<answer>", text));
    }

    private static List<AnswerReport> check(String spec, String text) throws Exception {
        ParseResult<List<Answer>> r = read(spec, text);
        assertTrue(r.ok(), r::renderDiagnostics);
        Path f = Path.of("problems", spec + ".prob");
        Problem p = SpecReader.read(new SourceText(f.toString(), Files.readString(f))).get();
        AnswerChecker c = new AnswerChecker(Engine.standard(Cas.shared()), p, VerifyOptions.defaults().withSamples(6), false);
        List<AnswerReport> out = new ArrayList<>();
        for (Answer a : r.get()) out.add(c.check(a));
        return out;
    }

    @Test
    void plusMinusStatesTwoAnswersEachJudgedOnItsOwn() throws Exception {
        List<AnswerReport> r = check("dropout_gaussian_noise", "\\sigma = \\pm\\sqrt{\\frac{1-p}{p}}");
        assertEquals(2, r.size());
        assertEquals("sigma = sqrt((-p + 1)/p)", r.get(0).answer().readAs());
        assertEquals(AnswerReport.Word.CORRECT, r.get(0).verdict());
        assertEquals("sigma = -sqrt((-p + 1)/p)", r.get(1).answer().readAs());
        assertEquals(AnswerReport.Word.INCORRECT, r.get(1).verdict());
    }

    @Test
    void minusPlusTakesTheOppositeSignAndPmbIsStillAFont() throws Exception {
        List<AnswerReport> r = check("adversarial_attack_box", "\\tilde x = x \\mp \\varepsilon \\operatorname{sign}(g)");
        assertEquals("x_tilde = x - eps*sign(g)", r.get(0).answer().readAs());
        assertEquals(AnswerReport.Word.CORRECT, r.get(0).verdict());
        assertEquals(AnswerReport.Word.INCORRECT, r.get(1).verdict());
    }

    @Test
    void plusMinusInsideAnUnderbraceBodyGivesTheAnswersWithPlusAndMinus() throws Exception {
        for (String text : List.of("\\sigma = \\underbrace{\\pm\\sqrt{\\frac{1-p}{p}}}_{\\text{two roots}}",
                "\\sigma = 0 \\underbrace{\\pm \\sqrt{\\frac{1-p}{p}}}_{\\text{both}}")) {
            List<AnswerReport> r = check("dropout_gaussian_noise", text);
            assertEquals(2, r.size(), text);
            assertEquals(AnswerReport.Word.CORRECT, r.get(0).verdict(), text);
            assertEquals(AnswerReport.Word.INCORRECT, r.get(1).verdict(), text);
            assertNotEquals(r.get(0).answer().claim(), r.get(1).answer().claim(), text);
        }
    }

    /** `0 \\underbrace{- s}_{...}` is 0 − s as printed, not the product 0·(−s) (which read as sigma = 0). */
    @Test
    void aSignThatOpensAnUnderbraceBodyIsTheBinarySignBeforeIt() throws Exception {
        List<AnswerReport> r = check("dropout_gaussian_noise", "\\sigma = 0 \\underbrace{- \\sqrt{\\frac{1-p}{p}}}_{\\text{one root}}");
        assertEquals(1, r.size());
        assertEquals("sigma = -sqrt((-p + 1)/p)", r.get(0).answer().readAs());
        assertEquals(AnswerReport.Word.INCORRECT, r.get(0).verdict());
        List<AnswerReport> plus = check("dropout_gaussian_noise", "\\sigma = 0 \\underbrace{+ \\sqrt{\\frac{1-p}{p}}}_{\\text{one root}}");
        assertEquals(AnswerReport.Word.CORRECT, plus.get(0).verdict());
    }

    /** A label is dropped, so a \\pm there cannot state two answers: refused where it stands, not read twice alike. */
    @Test
    void plusMinusInAnUnderbraceLabelIsRefusedAtItsPosition() throws Exception {
        ParseResult<List<Answer>> r = read("dropout_gaussian_noise", "\\sigma = 0 + \\underbrace{\\sqrt{\\frac{1-p}{p}}}_{\\pm}");
        assertFalse(r.ok());
        assertTrue(r.renderDiagnostics().contains("<answer>:1:49: \\pm in the label of \\underbrace is not read"), r::renderDiagnostics);
        ParseResult<List<Answer>> both = read("dropout_gaussian_noise", "\\sigma = \\pm \\underbrace{\\sqrt{\\frac{1-p}{p}}}_{\\text{or } \\mp}");
        assertFalse(both.ok());
        assertTrue(both.renderDiagnostics().contains("<answer>:1:60: \\mp in the label of \\underbrace is not read"), both::renderDiagnostics);
    }

    /**
     * `2\\underbrace{a+b}_{…}` shows 2a + b on the page while its braces would group 2(a + b): the reading
     * guesses neither and says where; a sum standing alone in the sum around it, or bracketed, is read.
     */
    @Test
    void anUnderbraceOverASumNextToAFactorIsRefusedNotGuessed() throws Exception {
        for (String text : List.of("\\sigma = 2\\underbrace{p + 1}_{\\text{x}}",
                "\\sigma = \\underbrace{p + 1}_{\\text{x}} p",
                "\\sigma = \\underbrace{p - 1}_{\\text{x}} \\cdot p")) {
            ParseResult<List<Answer>> r = read("dropout_gaussian_noise", text);
            assertFalse(r.ok(), text);
            assertTrue(r.renderDiagnostics().contains("\\underbrace over a sum next to a factor is ambiguous"), r::renderDiagnostics);
        }
        for (String text : List.of("\\sigma = 2 + \\underbrace{p + 1}_{\\text{x}} - p",
                "\\sigma = 2\\underbrace{(p + 1)}_{\\text{x}}",
                "\\sigma = 2\\underbrace{p^{-1}}_{\\text{x}}")) {
            ParseResult<List<Answer>> r = read("dropout_gaussian_noise", text);
            assertTrue(r.ok(), () -> text + "\n" + r.renderDiagnostics());
        }
    }

    @Test
    void unitVectorsTakeTheirLengthFromTheVectorsAroundThem() throws Exception {
        List<AnswerReport> r = check("backprop_shifted_sum", "\\frac{dL}{dx} = \\sum_{i=1}^{N-2} a g_i (\\mathbf{e}_i + \\mathbf{e}_{i+2})");
        assertEquals("grad(L, x) = sum(i = 1..N - 2, a*g_i*(e_i + e_{i + 2}))", r.get(0).answer().readAs());
        assertEquals(AnswerReport.Word.CORRECT, r.get(0).verdict());
        List<AnswerReport> slip = check("backprop_shifted_sum", "\\frac{dL}{dx} = \\sum_{i=1}^{N-2} a g_i (e_i + e_{i+1})");
        assertEquals(AnswerReport.Word.INCORRECT, slip.get(0).verdict());
    }

    @Test
    void aUnitVectorWhoseLengthNothingFixesIsALocatedError() throws Exception {
        ParseResult<List<Answer>> r = read("backprop_shifted_sum", "\\frac{dL}{da} = \\sum_{i=1}^{N-2} g_i e_i");
        assertFalse(r.ok());
        assertTrue(r.renderDiagnostics().contains("<answer>:1:1: cannot tell the length of the unit vector"), r::renderDiagnostics);
    }

    @Test
    void aSecondFreeIndexIsReadAtOneValueAndWrongThereIsIncorrect() throws Exception {
        // the sheet's eq. (22): dL/db_i = g_j/||w_j|| for every i and j is false where j != i
        List<AnswerReport> r = check("backprop_normalized_linear",
                "\\frac{\\mathrm{d}L}{\\mathrm{d}b_i} = g_i \\frac{\\partial y_i}{\\partial b_i} = \\frac{g_j}{\\|w_j\\|}.");
        assertEquals(AnswerReport.Word.INCORRECT, r.get(0).verdict());
        assertEquals(AnswerReport.Word.CORRECT, r.get(0).steps().get(0).verdict(), "the first step has only i: it is the whole statement");
        assertEquals(AnswerReport.Word.INCORRECT, r.get(0).steps().get(1).verdict());
    }

    @Test
    void aSecondFreeIndexThatHoldsAtOneValueIsUndecidedNotCorrect() throws Exception {
        List<AnswerReport> r = check("backprop_normalized_linear", "\\frac{\\partial L}{\\partial b_i} = \\frac{g_i}{\\|w_i\\|} + g_j - g_j");
        assertEquals(AnswerReport.Word.UNDECIDED, r.get(0).verdict());
        assertTrue(r.get(0).evidence().contains("second free index"), r.get(0).evidence());
    }

    @Test
    void aVectorUpToAPositiveFactorIsCorrectAndANegativeOrNonParallelOneIncorrect() throws Exception {
        String w = "(X^T X + 2\\lambda n I)^{-1} X^T \\mathbf{t}";
        assertEquals(AnswerReport.Word.CORRECT, check("ridge_closed_form", "\\mathbf{w}^* \\propto 3" + w).get(0).verdict());
        assertEquals(AnswerReport.Word.INCORRECT, check("ridge_closed_form", "\\mathbf{w}^* \\propto -" + w).get(0).verdict());
        AnswerReport parallel = check("ridge_closed_form", "\\mathbf{w}^* \\propto X^T \\mathbf{t}").get(0);
        assertEquals(AnswerReport.Word.INCORRECT, parallel.verdict());
        assertTrue(parallel.diagnosis().orElse("").startsWith("No positive factor"), parallel.diagnosis().toString());
    }

    @Test
    void aScalarUpToAFactorIsUndecidedUnlessItIsTheValueItself() throws Exception {
        AnswerReport r = check("dropout_gaussian_noise", "\\sigma \\propto \\sqrt{1-p}").get(0);
        assertEquals(AnswerReport.Word.UNDECIDED, r.verdict());
        assertEquals(AnswerReport.Word.CORRECT, check("dropout_gaussian_noise", "\\sigma \\propto \\sqrt{\\frac{1-p}{p}}").get(0).verdict());
    }

    @Test
    void proptoInAChainIsALocatedError() throws Exception {
        ParseResult<List<Answer>> r = read("dropout_gaussian_noise", "\\sigma \\propto \\sqrt{1-p} = 1");
        assertFalse(r.ok());
        assertTrue(r.renderDiagnostics().contains("<answer>:1:8: \\propto is read only as the one relation"), r::renderDiagnostics);
    }
}
