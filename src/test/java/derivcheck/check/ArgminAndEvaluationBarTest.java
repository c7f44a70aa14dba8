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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11, "read what solution sheets write": the evaluation bar {@code \left. f \right|_{x = a}}
 * (and {@code f \Big|_{x = a}}), read as f at x = a with derivatives taken before the point is put in,
 * and {@code \arg\min_x J = v} as the left side of an answer (the problem's unknown, when J is the
 * problem's objective). Verdicts decided by reading the mathematics (numeric tiers only: fast).
 */
class ArgminAndEvaluationBarTest {
    static ParseResult<List<Answer>> read(Path spec, String answer) throws Exception {
        SourceText st = new SourceText(spec.toString(), Files.readString(spec));
        Problem p = SpecReader.read(st).get();
        return new AnswerReader(p, st).read(answer, new Pos("<answer>", 1, 1), new SourceText("<answer>", answer));
    }

    static AnswerReport check(Path spec, String answer) throws Exception {
        ParseResult<List<Answer>> r = read(spec, answer);
        assertTrue(r.ok(), r::renderDiagnostics);
        SourceText st = new SourceText(spec.toString(), Files.readString(spec));
        AnswerChecker c = new AnswerChecker(Engine.standard(Cas.shared()), SpecReader.read(st).get(), VerifyOptions.defaults(), false);
        return c.check(r.get().get(0));
    }

    private static Path spec(String name) {
        return name.startsWith("test:") ? Path.of("src/test/resources/latex", name.substring(5) + ".prob") : Path.of("problems", name + ".prob");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " ## ", value = {
        // f'(b) = 3b^2 + b: the derivative is taken first, then a = b
        "test:evaluation_bar ## m = \\frac{\\partial f(a)}{\\partial a}\\Big|_{a = b} ## m = 3*b^2 + b ## correct",
        "test:evaluation_bar ## m = \\left. \\frac{\\mathrm{d}}{\\mathrm{d} a} (a^3 + b a) \\right|_{a = b} ## m = 3*b^2 + b ## correct",
        "test:evaluation_bar ## m = \\left. \\frac{\\mathrm{d}}{\\mathrm{d} a} (a^3 + b a) \\right\\vert_{a=b} = 3b^2 + b ## m = 3*b^2 + b = 3*b^2 + b ## correct",
        // f(b) is not f'(b)
        "test:evaluation_bar ## m = \\left. f(a) \\right|_{a = b} ## m = b^3 + b*b ## incorrect",
        // the sheet's FGM step: f at x' = x - eps w
        "fgm_linear_output ## f(\\mathbf{x}';\\mathbf{w}) = \\left. f(\\mathbf{x};\\mathbf{w}) \\right|_{\\mathbf{x} = \\mathbf{x} - \\epsilon \\mathbf{w}} ## fp = w'*(x - eps*w) ## correct",
        "fgm_linear_output ## f(\\mathbf{x}';\\mathbf{w}) = f(\\mathbf{x};\\mathbf{w}) \\Big|_{\\mathbf{x} = \\mathbf{x} + \\epsilon \\mathbf{w}} ## fp = w'*(x + eps*w) ## incorrect",
    })
    void anEvaluationBarIsTheExpressionAtThePoint(String spec, String latex, String readAs, String verdict) throws Exception {
        ParseResult<List<Answer>> r = read(spec(spec.strip()), latex.strip());
        assertTrue(r.ok(), r::renderDiagnostics);
        assertEquals(readAs.strip(), r.get().get(0).readAs());
        assertEquals(verdict.strip(), check(spec(spec.strip()), latex.strip()).verdict().word());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " ## ", value = {
        "test:evaluation_bar ## m = \\left. 3 b^2 + b \\right|_{f(a) = b} ## the variable of an evaluation bar is a given or an unknown of the spec",
        "fgm_linear_output ## f(\\mathbf{x}';\\mathbf{w}) = \\left. \\nabla_{\\mathbf{x}'} f(\\mathbf{x}';\\mathbf{w}) \\right|_{\\mathbf{x} = \\mathbf{w}} ## a derivative with respect to the defined quantity xp",
    })
    void anEvaluationBarThatCannotBeEvaluatedIsALocatedError(String spec, String latex, String message) throws Exception {
        ParseResult<List<Answer>> r = read(spec(spec.strip()), latex.strip());
        assertFalse(r.ok(), () -> "read as " + r.get().get(0).readAs());
        assertTrue(r.renderDiagnostics().contains(message.strip()), r::renderDiagnostics);
        assertTrue(r.renderDiagnostics().startsWith("<answer>:1:"), r::renderDiagnostics);
    }
}
