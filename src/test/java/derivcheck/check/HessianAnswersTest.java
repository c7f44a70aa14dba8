package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Engine;
import derivcheck.expr.Expr;
import derivcheck.expr.Grad;
import derivcheck.expr.Pos;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.render.LatexPrinter;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Second derivatives in LaTeX answers: \nabla^2_w L, \nabla_w^2 L, \nabla^2 L (the one variable the
 * spec differentiates L by) and \frac{\partial^2 L}{\partial w^2} read as grad(grad(L, w), w), are
 * judged against the spec (right: correct, slips: incorrect), and the LaTeX printer writes them so.
 */
class HessianAnswersTest {
    private static final Path QUADRATIC = Path.of("src/test/resources/derive/families/newton_step_quadratic_vector.prob");
    private static final Path SCALAR = Path.of("src/test/resources/derive/second/logistic_newton_cross_entropy.prob");

    private record Spec(Problem p, SourceText st) {}

    private static Spec spec(Path f) throws Exception {
        SourceText st = new SourceText(f.toString(), Files.readString(f));
        return new Spec(SpecReader.read(st).get(), st);
    }

    private static ParseResult<List<Answer>> read(Spec s, String text) {
        return new AnswerReader(s.p(), s.st()).read(text, new Pos("<answer>", 1, 1), new SourceText("<answer>", text));
    }

    private static AnswerReport check(Spec s, String text) {
        ParseResult<List<Answer>> a = read(s, text);
        assertTrue(a.ok(), a::renderDiagnostics);
        return new AnswerChecker(Engine.standard(Cas.shared()), s.p(), VerifyOptions.defaults(), false).check(a.get().get(0));
    }

    @Test void everyHessianNotationReadsAsTheSecondDerivative() throws Exception {
        Spec q = spec(QUADRATIC), s = spec(SCALAR);
        for (String t : List.of("\\nabla^2_w f = A", "\\nabla_w^2 f = A", "\\nabla^2 f = A", "\\nabla^2_{w} f = A")) {
            ParseResult<List<Answer>> a = read(q, t);
            assertTrue(a.ok(), a::renderDiagnostics);
            assertEquals("grad(grad(f, w), w) = A", a.get().get(0).readAs(), t);
        }
        for (String t : List.of("\\frac{\\partial^2 L}{\\partial w^2} = 0", "\\frac{d^2 L}{dw^2} = 0", "\\nabla^2 L = 0")) {
            ParseResult<List<Answer>> a = read(s, t);
            assertTrue(a.ok(), a::renderDiagnostics);
            assertEquals("grad(grad(L, w), w) = 0", a.get().get(0).readAs(), t);
        }
    }

    @Test void otherPowersOfNablaAndMixedPartialsAreRefusedWithTheirPosition() throws Exception {
        ParseResult<List<Answer>> cube = read(spec(QUADRATIC), "\\nabla^3_w f = A");
        assertFalse(cube.ok());
        assertTrue(cube.renderDiagnostics().contains("\\nabla^3 is not read"), cube.renderDiagnostics());
        ParseResult<List<Answer>> mixed = read(spec(SCALAR), "\\frac{\\partial^2 L}{\\partial w \\partial x} = 0");
        assertFalse(mixed.ok());
        assertTrue(mixed.renderDiagnostics().contains("write a second derivative as"), mixed.renderDiagnostics());
    }

    @Test void aRightHessianIsCorrectAndASlipIsIncorrect() throws Exception {
        Spec q = spec(QUADRATIC), s = spec(SCALAR);
        assertEquals(AnswerReport.Word.CORRECT, check(q, "\\nabla^2 f = A").verdict());
        assertEquals(AnswerReport.Word.INCORRECT, check(q, "\\nabla^2_w f = 2A").verdict());
        String right = "\\frac{\\partial^2 L}{\\partial w^2} = \\sum_{i=1}^n \\sigma(w x_i)(1-\\sigma(w x_i)) x_i^2";
        assertEquals(AnswerReport.Word.CORRECT, check(s, right).verdict());
        assertEquals(AnswerReport.Word.INCORRECT, check(s, right.replace("x_i^2", "x_i")).verdict());
    }

    @Test void thePrinterWritesHessiansAndSecondDerivativesAsSheetsDo() throws Exception {
        Spec q = spec(QUADRATIC), s = spec(SCALAR);
        LatexPrinter printer = LatexPrinter.standard();
        Expr f = q.p().symbol("f").orElseThrow(), w = q.p().symbol("w").orElseThrow();
        String h = printer.print(new Grad(new Grad(f, w, Pos.NONE), w, Pos.NONE));
        assertEquals("\\nabla^2_{w} f", h);
        Expr l = s.p().symbol("L").orElseThrow(), v = s.p().symbol("w").orElseThrow();
        String d2 = printer.print(new Grad(new Grad(l, v, Pos.NONE), v, Pos.NONE));
        assertEquals("\\frac{\\partial^2 L}{\\partial w^2}", d2);
        // and what it prints reads back as the same expression
        assertEquals("grad(grad(f, w), w) = A", read(q, h + " = A").get().get(0).readAs());
        assertEquals("grad(grad(L, w), w) = 0", read(s, d2 + " = 0").get().get(0).readAs());
    }
}
