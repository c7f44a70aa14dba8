package derivcheck.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Pos;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per construct of issue 11 ("Read what solution sheets write"): each is read as the
 * spec expression it means, or refused with a located message that names it.
 */
class SheetConstructsTest {
    static ParseResult<List<Answer>> read(String spec, String text) throws Exception {
        return LatexAnswerReadingTest.read(spec, text);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " ## ", value = {
        // prose, spacing, punctuation and equation numbers around a chain
        "prox_weight_decay ## \\text{so } \\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda}. ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        "prox_weight_decay ## \\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda} \\qquad (12) ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        "prox_weight_decay ## \\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda} \\quad (29a). ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        "prox_weight_decay ## \\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda} \\tag{12} ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        "adversarial_attack_box ## \\tilde x_i = x_i - \\varepsilon \\text{sign}(g_i) \\quad \\text{for all } i ## x_tilde_i = x_i - eps*sign(g_i) for i in 1..n",
        "adversarial_attack_box ## \\tilde x_i = x_i - \\varepsilon\\;\\mathrm{sgn}(g_i) \\quad \\forall i ## x_tilde_i = x_i - eps*sign(g_i) for i in 1..n",
        // a bare value answers the one unknown
        "prox_weight_decay ## \\frac{\\theta^t - \\varepsilon' \\tilde{g}^t}{1+\\varepsilon'\\lambda} ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        // \\cdot \\sum, Var and E spellings
        "noisy_quadratic_batch ## \\mathrm{Var}[g_B(w)] = \\frac{1}{B^2} \\cdot \\sum_{i=1}^{B} \\sigma^2 ## Var[gB] = 1/B^2*sum(i = 1..B, sigma^2)",
        "node_statistics ## \\operatorname{var}(y) = n\\tilde\\sigma^2\\sigma^2 ## Var[y] = n*sigma_tilde^2*sigma^2",
        "node_statistics ## \\mathbb{E}_{w \\sim p}[y] = 0 ## E[y] = 0",
        "node_statistics ## \\mathbb{E}[y]^2 = 0 ## E[y]^2 = 0",
        "node_statistics ## \\mathbb{E}_{w\\sim p}[\\,y\\,] = 0 ## E[y] = 0",
        "node_statistics ## \\mathrm{Var}(y) = E[y^2] - E^2(y) ## Var[y] = E[y^2] - E[y]^2",
        // fonts, transposes, norms
        "fgm_linear_output ## f(\\vec x'; \\vec w) = \\vec w^\\top \\vec x - \\epsilon \\lVert\\vec w\\rVert_2^2 ## fp = w'*x - eps*||w||^2",
        "fgm_linear_output ## f(\\boldsymbol x'; \\boldsymbol w) = \\mathbf{w}^{\\mathsf T} \\mathbf{x} - \\epsilon \\mathbf{w}^T\\mathbf{w} ## fp = w'*x - eps*w'*w",
        "fgm_linear_output ## f(\\mathbf{x}'; \\mathbf{w}) = \\mathbf{w}^T \\mathbf{x} - \\epsilon ||\\mathbf{w}||^2 ## fp = w'*x - eps*||w||^2",
        "fgm_linear_output ## f(\\mathbf{x}'; \\mathbf{w}) = \\mathbf{w}^T \\mathbf{x} - \\epsilon \\|\\mathbf{w}\\|_2^2 ## fp = w'*x - eps*||w||^2",
        // defect 4: a name written with arguments means its definition there
        "fgm_linear_output ## f(\\mathbf{x}') = \\mathbf{w}^T \\mathbf{x}' ## w'*xp = w'*xp",
        "ridge_fgsm_epsilon ## f(x') = w^T x - \\epsilon \\cdot w^T \\operatorname{sign}(w) ## w*xp = w'*x - eps*w'*sign(w)",
        // a name without arguments before parentheses is a product, and a(x)^2 is a (x)^2
        "prox_norm_regularizer ## \\theta(\\frac{\\varepsilon \\rho'(\\|\\theta\\|)}{\\|\\theta\\|} + 1) = \\theta^t - \\varepsilon g ## theta*(eps*rho'(||theta||)/||theta|| + 1) = theta_t - eps*g",
        "backprop_shifted_sum ## \\frac{dL}{da} = \\sum_{i=1}^{N-2} g_i (x_i + x_{i+2})^2 ## grad(L, a) = sum(i = 1..N - 2, g_i*(x_i + x_{i + 2})^2)",
        // declared functions and their derivatives
        "prox_norm_regularizer ## \\varepsilon \\rho'(\\|\\theta\\|) + \\|\\theta\\| = \\|a\\| ## eps*rho'(||theta||) + ||theta|| = ||a||",
        // operators: d/dx applied to what follows, nabla_x of an expression
        "vae_decoder_variance ## \\frac{\\partial}{\\partial \\sigma} \\log \\sigma = \\frac{1}{\\sigma} ## grad(log(sigma), sigma) = 1/sigma",
        "fgm_linear_output ## \\nabla_{\\mathbf{x}} (\\mathbf{w}^T \\mathbf{x}) = \\mathbf{w} ## grad(w'*x, x) = w",
        "fgm_linear_output ## \\nabla_\\mathbf{x} (\\mathbf{w}^T \\mathbf{x}) = \\mathbf{w} ## grad(w'*x, x) = w",
        "vae_decoder_variance ## \\frac{\\partial}{\\partial \\sigma}(\\log \\sigma + \\sigma) = \\frac{1}{\\sigma} + 1 ## grad(log(sigma) + sigma, sigma) = 1/sigma + 1",
        // the sheets' `0 = d/dtheta = ...`: the bare operator as a whole side is the derivative of the objective
        "prox_weight_decay ## 0 = \\frac{\\mathrm{d}}{\\mathrm{d}\\theta} = \\lambda\\theta ## 0 = grad(<g, theta - theta_t> + lambda*||theta||^2/2 + 1/(2*eps)*||theta - theta_t||^2, theta) = lambda*theta",
        // the dimension d is not a differential
        "vae_decoder_variance ## \\frac{d}{\\sigma} = \\frac{1}{\\sigma^3} \\mathbb{E}_{p_d(x)} \\mathbb{E}_{q(z|x)} [\\|x - \\mu(z)\\|^2] ## d/sigma = 1/sigma^3*S",
        // sub- and superscripts in either order; the sheet's damaged Iverson bracket
        "ridge_fgm_epsilon ## f(x' ; w_{\\text{ridge}}^*) = 0 ## w*xp = 0",
        "backprop_shifted_sum ## \\frac{dL}{dx_j} = \\sum_{i=1}^{N-2} g_i a [j=i]] ## grad(L, x)_{j} = sum(i = 1..N - 2, g_i*a*[j = i]) for j in 1..N",
        // updates of a defined quantity
        "fgm_linear_output ## \\mathbf{x}' \\leftarrow \\mathbf{x} - \\epsilon \\mathbf{w} ## xp = x - eps*w",
        // updates with \to and \gets of a quantity the spec defines
        "fgm_linear_output ## \\mathbf{x}' \\to \\mathbf{x} - \\epsilon \\mathbf{w} ## xp = x - eps*w",
        "fgm_linear_output ## \\mathbf{x}' \\gets \\mathbf{x} - \\epsilon \\mathbf{w} ## xp = x - eps*w",
        // underbrace: the label is dropped, the body is read like any formula (fonts, words, spacing inside it)
        "adversarial_attack_box ## \\tilde x_i = x_i - \\underbrace{\\varepsilon \\operatorname{sign}(g_i)}_{\\text{step}} ## x_tilde_i = x_i - eps*sign(g_i) for i in 1..n",
        "adversarial_attack_box ## \\tilde x_i = x_i - \\underbrace{\\varepsilon\\, \\mathrm{sgn}(g_i)}_{\\text{the step, } \\varepsilon \\text{ in size}} ## x_tilde_i = x_i - eps*sign(g_i) for i in 1..n",
        "adversarial_attack_box ## \\tilde x = x - \\varepsilon \\overbrace{\\operatorname{sign}(g)}^{\\text{entries } 1 \\text{ or } -1} ## x_tilde = x - eps*sign(g)",
        // evaluation bars: the definitions put in, derivatives taken, then the point substituted
        "fgm_linear_output ## \\left. \\nabla_{\\mathbf{x}} f(\\mathbf{x};\\mathbf{w}) \\right|_{\\mathbf{x} = \\mathbf{x}'} = \\mathbf{w} ## w = w",
        "fgm_linear_output ## f(\\mathbf{x}';\\mathbf{w}) = \\left. f(\\mathbf{x};\\mathbf{w}) \\right|_{\\mathbf{x} = \\mathbf{x} - \\epsilon \\mathbf{w}} ## fp = w'*(x - eps*w)",
        "fgm_linear_output ## f(\\mathbf{x}';\\mathbf{w}) = f(\\mathbf{x};\\mathbf{w}) \\Big|_{\\mathbf{x} = \\mathbf{x}'} ## fp = w'*xp",
        // \max and \min of two arguments
        "adversarial_attack_box ## \\tilde x_i = \\max(x_i - \\varepsilon, \\min(x_i + \\varepsilon, x_i - \\varepsilon g_i)) ## x_tilde_i = max(x_i - eps, min(x_i + eps, x_i - eps*g_i)) for i in 1..n",
        // \pm: two answers, the first with +, the second with -
        "adversarial_attack_box ## \\tilde x_i = x_i \\pm \\varepsilon ## x_tilde_i = x_i + eps for i in 1..n",
        // defect 10: |a| of a vector is entrywise
        "adversarial_attack_box ## \\tilde x = x - \\varepsilon |\\operatorname{sign}(g)| ## x_tilde = x - eps*abs(sign(g))",
    })
    void readsTheConstructAsTheSpecExpressionItMeans(String spec, String latex, String readAs) throws Exception {
        ParseResult<List<Answer>> r = read(spec.strip(), latex.strip());
        assertTrue(r.ok(), r::renderDiagnostics);
        assertEquals(readAs.strip(), r.get().get(0).readAs());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " ## ", value = {
        "prox_weight_decay ## \\theta^{t+1} = \\arg\\min_{\\theta} \\|\\theta\\|^2 ## <answer>:1:16: \\arg\\min restates the optimization problem",
        "prox_weight_decay ## \\theta^{t+1} = \\operatorname*{argmin}_\\theta \\|\\theta\\|^2 ## <answer>:1:16: \\operatorname{argmin} restates",
        "mirror_descent_box_vector ## \\min_{x_i} x_i + 1 ## <answer>:1:1: \\min_{x_i} (a min over a variable) states an optimization problem",
        "adversarial_attack_box ## g^T(\\tilde{x} - x) \\to \\min_{\\tilde{x}} ## <answer>:1:20: '\\to \\min' states an optimization problem",
        "dropout_gaussian_noise ## \\sigma \\propto \\sqrt{1-p} = 1 ## <answer>:1:8: \\propto is read only as the one relation of a display",
        "kl_cross_entropy ## D_{\\rm KL}(p^*(y \\mid x) \\parallel p(y \\mid x; \\theta)) = \\int_y p^*(y \\mid x) ## 1:59: the integral \\int is not read",
        // the Hessian \\nabla^2 is read now (HessianAnswersTest); g is no name of this spec
        "ridge_closed_form ## \\nabla_{\\mathbf{w}}^2 g = X^T X ## <answer>:1:23: unknown symbol g",
        "prox_weight_decay ## = \\frac{\\theta^t}{1+\\varepsilon'\\lambda} ## and so continues a chain, but no chain comes before it",
        // the evaluation bar's point must be a quantity of the spec (check/ArgminAndEvaluationBarTest judges what the bar reads)
        "fgm_linear_output ## \\left. \\epsilon t \\right|_{t = 1} = \\epsilon ## <answer>:1:27: an evaluation bar names its point as {x = value}",
        "mirror_descent_box_vector ## x^{t+1} = \\text{sigmoid}(x^0) ## <answer>:1:1: x^{t+1} is an iterate the spec does not name",
        "prox_weight_decay ## \\theta^{(t)} = \\theta^t ## <answer>:1:1: \\theta^{(t)} is an iterate",
        "adversarial_attack_box ## \\tilde x_i = x_i^0 - \\varepsilon ## x_i^0 is an iterate",
        "adversarial_attack_box ## f_y(\\tilde{x};\\theta) = 0 ## <answer>:1:1: f_y(...) cannot be applied to other arguments: f_y(x;\\theta) is a given value of the spec",
        "prior_shift ## p(x, y) = p(x \\mid y)p(y) ## <answer>:1:1: p(...) cannot be applied to other arguments",
        "vae_decoder_variance ## p(x|z) = 1 ## <answer>:1:1: unknown symbol p",
        "vae_decoder_variance ## \\frac{\\partial}{\\partial \\sigma} \\text{ELBO} = 0 ## <answer>:1:34: text 'ELBO' inside a formula",
        "backprop_shifted_sum ## 0 = \\frac{\\mathrm{d}}{\\mathrm{d}a} = 1 ## <answer>:1:5: nothing to differentiate",
        "backprop_shifted_sum ## \\frac{\\partial}{\\partial a} + 1 = 1 ## <answer>:1:1: nothing to differentiate",
        "kmeans_online_gradient ## y_k \\to y_k + \\alpha(t)(x - y_k) ## <answer>:1:1: an update of y_k, which the spec gives",
        "adversarial_attack_box ## |\\tilde{x}_i - x_i| < \\varepsilon \\quad \\forall i ## <answer>:1:1: this inequality bounds no unknown",
        "ridge_fgm_epsilon ## \\epsilon^* = \\frac{w_r^* x}{\\|w_r^*\\|^2} ## unknown symbol w_r",
        "dropout_gaussian_noise ## m_1^{(i)} = \\begin{cases} 1, & \\text{with prob. } p \\\\ 0, & \\text{with prob. } 1-p \\end{cases} ## with prob",
        // defect 10: a unit vector whose subscript is a vector of the spec (y here) is no unit vector
        "backprop_shifted_sum ## \\frac{dL}{dx} = a g_1 e_y ## <answer>:1:1: the unit vector e_k needs a scalar index",
        // defect 7: the prime distinguishes the names
        "prox_weight_decay ## \\theta^{t+1} = \\theta^t - \\varepsilon \\tilde g^t ## <answer>:1:27: unknown symbol \\varepsilon",
        "prox_weight_decay ## \\theta^{t+1} = \\theta^t - \\varepsilon' g^t ## g^t is an iterate",
    })
    void refusesTheConstructWithALocatedMessageNamingIt(String spec, String latex, String message) throws Exception {
        ParseResult<List<Answer>> r = read(spec.strip(), latex.strip());
        assertFalse(r.ok(), () -> "read as " + r.get().get(0).readAs());
        assertTrue(r.renderDiagnostics().contains(message.strip()), r::renderDiagnostics);
    }

    @Test void aChainOfInequalitiesIsOneConditionWithTwoRelations() throws Exception {
        ParseResult<List<Answer>> r = read("bn_weight_decay_step", "0 < \\alpha < \\frac{2\\lambda}{\\lambda^2 + a^2}");
        assertTrue(r.ok(), r::renderDiagnostics);
        assertEquals("0 < alpha < 2*lambda/(lambda^2 + a^2)", r.get().get(0).readAs());
        ParseResult<List<Answer>> ascii = read("bn_weight_decay_step", "0 < alpha < 2*lambda/(lambda^2 + a^2)");
        assertTrue(ascii.ok(), ascii::renderDiagnostics);
        assertEquals(r.get().get(0).readAs(), ascii.get().get(0).readAs());
    }

    @Test void asciiWithBracedSubscriptsIsNotTakenForLatex() throws Exception {
        assertFalse(AnswerReader.isLatex("grad(L, a) = sum(i = 1..N-2, g_i*(x_i + x_{i+2}))"));
        assertTrue(AnswerReader.isLatex("x^{t+1} = 1"));
        ParseResult<List<Answer>> r = read("backprop_shifted_sum", "grad(L, a) = sum(i = 1..N-2, g_i*(x_i + x_{i+2}))");
        assertTrue(r.ok(), r::renderDiagnostics);
    }

    @Test void asciiBarsOfAVectorAreEntrywise() throws Exception {
        assertEquals("abs(x - x0) + ||g||", AnswerReader.entrywiseAbs("|x - x0| + ||g||"));
        ParseResult<List<Answer>> r = read("adversarial_attack_box", "min = fy - eps*sum(abs(g))");
        assertTrue(r.ok(), r::renderDiagnostics);
    }

    @Test void theEchoKeepsTheClosingBraceTheTokenRewriteDrops() throws Exception {
        ParseResult<List<Answer>> r = read("fgm_linear_output", "f(\\mathbf{x}'; \\mathbf{w}) = \\mathbf{w}^T \\mathbf{x} - \\epsilon \\|\\mathbf{w}\\|^{2}");
        assertTrue(r.ok(), r::renderDiagnostics);
        assertEquals("f(\\mathbf{x}'; \\mathbf{w}) = \\mathbf{w}^T \\mathbf{x} - \\epsilon \\|\\mathbf{w}\\|^{2}", r.get().get(0).input());
        ParseResult<List<Answer>> s = read("fgm_linear_output", "\\mathbf{x}' = \\mathbf{x} - \\epsilon \\mathbf{w}");
        assertEquals("\\mathbf{x}' = \\mathbf{x} - \\epsilon \\mathbf{w}", s.get().get(0).input());
    }

    @Test void aDisplayStartingWithEqualsContinuesThePreviousChain() {
        String doc = "$$\\frac{dL}{db} = \\sum_{i=1}^{N-2} g_i$$\nso\n$$= \\sum_{k=1}^{N-2} g_k.$$\n";
        List<Solutions.Item> items = Solutions.items("doc.md", doc, t -> false);
        assertEquals(1, items.size());
        assertEquals(1, items.get(0).pos().line());
        assertTrue(items.get(0).text().contains("\\\\"), items.get(0).text());
    }

    @Test void inlineMathIsAnAnswerOnlyWhereItNamesATargetOnTheLeft() throws Exception {
        AnswerReader r = LatexAnswerReadingTest.reader("dropout_gaussian_noise");
        assertTrue(r.statesTarget("\\sigma = \\sqrt{\\frac{1-p}{p}}"));
        assertFalse(r.statesTarget("\\text{var}(\\tilde{y}_{\\pi}^{(i)}) = \\text{var}(\\tilde{y}_m^{(i)})"));
        assertFalse(r.statesTarget("x_j^{(i)}"));
        String doc = "Thus if $\\sigma = \\sqrt{\\frac{1-p}{p}}$, then $\\text{var}(a) = \\text{var}(b)$.";
        List<Solutions.Item> items = Solutions.items("doc.md", doc, r::statesTarget);
        assertEquals(1, items.size());
        assertEquals(10, items.get(0).pos().col());
    }
}
