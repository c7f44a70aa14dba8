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
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong answers of the kinds students write, each with the diagnosis a student should read (numeric tier only: fast). */
class WrongAnswerDiagnosisTest {
    static AnswerReport check(String spec, String latex) throws Exception {
        Path f = Path.of("problems", spec + ".prob");
        SourceText st = new SourceText(f.toString(), Files.readString(f));
        Problem p = SpecReader.read(st).get();
        ParseResult<List<Answer>> r = new AnswerReader(p, st).read(latex, new Pos("<answer>", 1, 1), new SourceText("<answer>", latex));
        assertTrue(r.ok(), r::renderDiagnostics);
        AnswerChecker c = new AnswerChecker(Engine.standard(Cas.shared()), p, VerifyOptions.defaults().withSamples(6), false);
        return c.check(r.get().get(0));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " ## ", value = {
        "prox_weight_decay ## \\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 - \\varepsilon'\\lambda} ## Sign error",
        "prox_weight_decay ## \\theta^{t+1} = \\theta^t - \\varepsilon'(\\tilde g^t + \\lambda\\theta^t) ## linearized SGD step",
        "prox_weight_decay ## \\theta^{t+1} = -\\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda} ## sign is flipped",
        "prox_weight_decay ## \\theta^{t+1} = 2\\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda} ## constant factor: the answer is 2 times",
        "prox_weight_decay ## \\theta^{t+1} = \\frac{1}{2}\\cdot\\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda} ## the answer is 1/2 times",
        "trust_region_box ## \\theta = \\theta^t + \\varepsilon \\operatorname{sign}(g^t) ## maximizes the linear model",
        "trust_region_box ## \\theta = \\theta^t - \\varepsilon \\frac{g^t}{\\|g^t\\|} ## Euclidean ball",
        "trust_region_l2 ## \\theta = \\theta^t - \\varepsilon g^t ## ",
        "trust_region_l2 ## \\theta = \\theta^t + \\varepsilon \\frac{g^t}{\\|g^t\\|} ## ",
        "ridge_closed_form ## \\mathbf{w}^*_{\\text{ridge}} = (X^T X + \\lambda I)^{-1} X^T \\mathbf{t} ## 2*lambda*n*I",
        "ridge_closed_form ## \\mathbf{w}^*_{\\text{ridge}} = (X^T X + 2\\lambda I)^{-1} X^T \\mathbf{t} ## also scales the ridge term",
        "ridge_fgm_epsilon ## \\epsilon = \\frac{x X^T t}{X^T X + 2\\lambda n} ## That is x*w*",
        "ridge_fgm_epsilon ## \\epsilon = \\frac{x (X^T X + \\lambda n)}{X^T t} ## 2*lambda*n in the denominator",
        "ridge_fgsm_epsilon ## \\epsilon = \\frac{\\operatorname{sign}(X^T X + 2\\lambda n)x}{\\operatorname{sign}(X^T X)} ## drops X^T t",
        "ridge_fgsm_epsilon ## \\epsilon = \\frac{x(X^T X + 2\\lambda n)}{X^T t} ## That is the FGM answer",
        "node_statistics ## \\mathbb{V}[y] = \\tilde\\sigma^2 \\sigma^2 ## their variances add up",
        "node_statistics ## \\mathbb{V}[y] = n \\tilde\\sigma \\sigma ## standard deviations",
        "node_statistics ## \\mathbb{V}[y] = 2 n \\tilde\\sigma^2 \\sigma^2 ## the answer is 2 times",
        "noisy_quadratic_batch ## \\mathrm{Var}[g_B(w)] = \\sigma^2 ## contributes 1/B^2",
        "noisy_quadratic_batch ## \\mathrm{Var}[g_B(w)] = \\frac{\\sigma^2}{B^2} ## add B*sigma^2",
        "dropout_gaussian_noise ## \\sigma = \\frac{1-p}{p} ## That is sigma^2",
        "dropout_gaussian_noise ## \\sigma = \\sqrt{p(1-p)} ## scaled by 1/p",
        "backprop_shifted_sum ## \\frac{dL}{da} = \\sum_{i=1}^{N-2} g_i x_i ## through both x_i and x_{i+2}",
        "backprop_shifted_sum ## \\frac{dL}{db} = -\\sum_{i=1}^{N-2} g_i ## sign is flipped",
        "backprop_shifted_sum ## \\frac{dL}{dx_j} = \\begin{cases} a(g_j + g_{j-2}) & \\text{if } 3 \\le j \\le N-2 \\\\ 0 & \\text{otherwise} \\end{cases} ## also feed one output each",
        "backprop_shifted_sum ## \\frac{dL}{dx_j} = \\begin{cases} a g_j & j \\le 2 \\\\ a(g_j + g_{j-2}) & j \\le N-2 \\\\ a g_{j-1} & \\text{otherwise} \\end{cases} ## Wrong at index j",
        "fgm_linear_output ## f(\\mathbf{x}'; \\mathbf{w}) = \\mathbf{w}^T \\mathbf{x} - \\epsilon \\|\\mathbf{w}\\| ## the norm is squared",
        "fgm_linear_output ## f(\\mathbf{x}'; \\mathbf{w}) = \\mathbf{w}^T \\mathbf{x} ## A term is missing",
        "fgm_linear_output ## f(\\mathbf{x}'; \\mathbf{w}) = \\mathbf{w}^T \\mathbf{x} - \\epsilon \\|\\mathbf{w}\\|^2 + \\epsilon ## There is an extra term: eps",
        "mirror_descent_box_vector ## x = x^0 - \\varepsilon \\nabla f(x^0) ## Euclidean gradient step",
        "adversarial_attack_box ## \\tilde x = -\\varepsilon \\operatorname{sign}(\\nabla_x f_y(x;\\theta)) ## ",
        "adversarial_attack_box ## \\tilde x_i = -\\varepsilon \\operatorname{sign}(g_i) ## ",
    })
    void wrongAnswerIsIncorrectWithItsDiagnosis(String spec, String latex, String diagnosis) throws Exception {
        AnswerReport r = check(spec.strip(), latex.strip());
        assertEquals(AnswerReport.Word.INCORRECT, r.verdict(), () -> r.numeric().toString());
        assertTrue(r.numeric().get().counterexample().isPresent(), "incorrect needs a counterexample");
        String d = r.diagnosis().orElse("(no diagnosis)");
        String want = diagnosis == null ? "" : diagnosis.strip();
        if (want.isEmpty()) assertTrue(r.diagnosis().isPresent(), "a diagnosis is expected");
        else assertTrue(d.contains(want), () -> "diagnosis was: " + d);
    }
}
