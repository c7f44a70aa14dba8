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

    /** The sheet's objective (001 Assignment 3b), as a left side; and a student's variants. */
    static final String PROX = "\\left[ \\left\\langle \\tilde{g}^t, \\theta - \\theta^t \\right\\rangle + \\frac{\\lambda}{2} \\|\\theta\\|^2"
            + " + \\frac{1}{2\\varepsilon'} \\|\\theta - \\theta^t\\|^2 \\right]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ## ", value = {
        // the prox step's minimizer, written as argmin of the sheet's objective
        "\\arg\\min_{\\theta} PROX = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda} ## correct",
        "\\operatorname*{argmin}_\\theta PROX = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda} ## correct",
        "\\underset{\\theta}{\\operatorname{argmin}} PROX = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda} ## correct",
        // the unknown under its own name
        "\\arg\\min_{\\theta^{t+1}} \\frac{\\lambda}{2} \\|\\theta^{t+1}\\|^2 + \\langle \\tilde g^t, \\theta^{t+1} - \\theta^t \\rangle + \\frac{1}{2\\varepsilon'} \\|\\theta^{t+1} - \\theta^t\\|^2 = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda} ## correct",
        // a term free of theta dropped (<g, theta^t>): the same minimizers
        "\\arg\\min_{\\theta} \\langle \\tilde g^t, \\theta \\rangle + \\frac{\\lambda}{2} \\|\\theta\\|^2 + \\frac{1}{2\\varepsilon'} \\|\\theta - \\theta^t\\|^2 = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda} ## correct",
        // the sign slip of the spec's mistake line, under the right objective
        "\\arg\\min_{\\theta} PROX = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1-\\varepsilon'\\lambda} ## incorrect",
        // another objective (lambda instead of lambda/2): its minimizer is not what the spec asks, and
        // the right value for the spec is no counterexample to the display either
        "\\arg\\min_{\\theta} \\langle \\tilde g^t, \\theta \\rangle + \\lambda \\|\\theta\\|^2 + \\frac{1}{2\\varepsilon'} \\|\\theta - \\theta^t\\|^2 = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda} ## undecided",
    })
    void anArgminOnTheLeftIsTheUnknownWhenItsFunctionIsTheObjective(String latex, String verdict) throws Exception {
        String text = latex.strip().replace("PROX", PROX);
        AnswerReport r = check(spec("prox_weight_decay"), text);
        assertEquals(verdict.strip(), r.verdict().word(), r::toString);
        assertTrue(r.answer().readAs().startsWith("theta = ") && r.answer().readAs().contains("(argmin of "), r.answer().readAs());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " ## ", value = {
        "prox_weight_decay ## \\arg\\max_{\\theta} \\|\\theta\\|^2 = 0 ## <answer>:1:1: \\arg\\max of a problem that minimizes its objective",
        "prox_weight_decay ## \\arg\\min_{\\lambda} \\|\\theta^{t+1}\\|^2 = 0 ## <answer>:1:11: \\arg\\min over \\lambda, which is not an unknown of the spec",
        "fgm_linear_output ## \\arg\\min_{\\mathbf{x}} f(\\mathbf{x};\\mathbf{w}) = 0 ## <answer>:1:1: \\arg\\min: the spec states no objective",
        // on the right of an answer it restates the problem (seed 001 eq. (10))
        "prox_weight_decay ## \\theta^{t+1} = \\arg\\min_{\\theta} \\|\\theta\\|^2 ## <answer>:1:16: \\arg\\min restates the optimization problem",
    })
    void anArgminThatCannotStandForTheUnknownIsALocatedError(String spec, String latex, String message) throws Exception {
        ParseResult<List<Answer>> r = read(spec(spec.strip()), latex.strip());
        assertFalse(r.ok(), () -> "read as " + r.get().get(0).readAs());
        assertTrue(r.renderDiagnostics().contains(message.strip()), r::renderDiagnostics);
    }
}
