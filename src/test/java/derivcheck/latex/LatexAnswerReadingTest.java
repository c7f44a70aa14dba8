package derivcheck.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Pos;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexAnswerReadingTest {
    static AnswerReader reader(String spec) throws Exception {
        Path f = Path.of("problems", spec + ".prob");
        SourceText st = new SourceText(f.toString(), Files.readString(f));
        Problem p = SpecReader.read(st).get();
        return new AnswerReader(p, st);
    }

    static ParseResult<List<Answer>> read(String spec, String text) throws Exception {
        return reader(spec).read(text, new Pos("<answer>", 1, 1), new SourceText("<answer>", text));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " ## ", value = {
        "prox_weight_decay ## \\theta^{t+1} = \\frac{\\theta^t - \\varepsilon' \\tilde{g}^t}{\\varepsilon' \\lambda + 1} ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        "prox_weight_decay ## \\theta^{t+1} = \\dfrac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda} ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        "prox_weight_decay ## \\theta^{t+1} = \\left(\\theta^t - \\varepsilon' \\tilde g^t\\right) \\cdot \\tfrac{1}{1+\\varepsilon'\\lambda} ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        "prox_weight_decay ## theta = (theta_t - eps*g)/(1 + eps*lambda) ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        "prox_weight_decay ## \\boxed{\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon' \\tilde g^t}{1+\\varepsilon'\\lambda}} ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        "prox_weight_decay ## \\theta^{t+1} = \\boxed{\\frac{\\theta^t - \\varepsilon' \\tilde g^t}{1+\\varepsilon'\\lambda}} ## theta = (theta_t - eps*g)/(eps*lambda + 1)",
        "trust_region_box ## \\theta = \\theta^t - \\varepsilon \\operatorname{sign}(g^t) ## theta = theta_t - eps*sign(g)",
        "trust_region_box ## \\theta = \\theta^t - \\varepsilon\\, \\mathrm{sgn}(g^t) ## theta = theta_t - eps*sign(g)",
        "trust_region_box ## \\theta = \\theta^t - \\varepsilon \\text{sign}(g^t) ## theta = theta_t - eps*sign(g)",
        "trust_region_box ## \\min = L(\\theta^t) - \\varepsilon \\|g^t\\|_1 ## min = Lt - eps*||g||_1",
        "trust_region_l2 ## \\theta = \\theta^t - \\varepsilon \\frac{g^t}{\\lVert g^t \\rVert_2} ## theta = theta_t - eps*g/||g||",
        "fgm_linear_output ## f(\\mathbf{x}'; \\mathbf{w}) = \\mathbf{w}^\\top \\mathbf{x} - \\epsilon \\|\\mathbf{w}\\|^2 ## fp = w'*x - eps*||w||^2",
        "fgm_linear_output ## f(\\mathbf{x}'; \\mathbf{w}) = \\langle \\mathbf{w}, \\mathbf{x} \\rangle - \\epsilon \\mathbf{w}^{\\mathsf T}\\mathbf{w} ## fp = <w, x> - eps*w'*w",
        "ridge_closed_form ## \\mathbf{w}^*_{\\text{ridge}} = (X^T X + 2\\lambda n I)^{-1} X^T \\mathbf{t} ## w = inv(X'*X + 2*lambda*n*eye(d))*X'*t",
        "node_statistics ## \\mathbb{E}[y] = 0 ## E[y] = 0",
        "node_statistics ## \\mathrm{Var}[y] = n \\tilde\\sigma^2 \\sigma^2 ## Var[y] = n*sigma_tilde^2*sigma^2",
        "dropout_gaussian_noise ## \\sigma = \\sqrt{\\frac{1-p}{p}} ## sigma = sqrt((-p + 1)/p)",
        "backprop_shifted_sum ## \\frac{\\partial L}{\\partial b} = \\sum_{i=1}^{N-2} g_i ## grad(L, b) = sum(i = 1..N - 2, g_i)",
        "backprop_shifted_sum ## \\frac{dL}{da} = \\sum_{i=1}^{N-2} g_i (x_i + x_{i+2}) ## grad(L, a) = sum(i = 1..N - 2, g_i*(x_i + x_{i + 2}))",
        "backprop_shifted_sum ## \\frac{dL}{dx_j} = \\sum_{i=1}^{N-2} g_i a [\\![ j = i ]\\!] ## grad(L, x)_{j} = sum(i = 1..N - 2, g_i*a*[j = i]) for j in 1..N",
        "backprop_shifted_sum ## \\frac{dL}{dx_j} = \\begin{cases} a g_j & \\text{if } j \\le 2 \\\\ a(g_j + g_{j-2}) & \\text{if } j = 3, \\dots, N-2 \\\\ a g_{j-2} & \\text{otherwise} \\end{cases} ## grad(L, x)_{j} = cases(a*g_j if j <= 2, a*(g_j + g_{j - 2}) if 3 <= j <= N - 2, a*g_{j - 2} otherwise) for j in 1..N",
        "backprop_normalized_linear ## \\frac{dL}{dx_j} = \\sum_i g_i \\frac{w_{ij}}{\\|w_i\\|} ## grad(L, x)_{j} = sum(i = 1..m, g_i*w_{i, j}/||w_i||) for j in 1..n",
        "backprop_normalized_linear ## \\nabla_b L = g ## grad(L, b) = g",
    })
    void readsEachConstructAsTheSpecExpressionItMeans(String spec, String latex, String readAs) throws Exception {
        ParseResult<List<Answer>> r = read(spec.strip(), latex.strip());
        assertTrue(r.ok(), r::renderDiagnostics);
        assertEquals(readAs.strip(), r.get().get(0).readAs());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " ## ", value = {
        "prox_weight_decay ## \\theta^{t+1} = \\frac{\\theta^t - \\gamma g}{1} ## <answer>:1:33: unknown symbol \\gamma",
        "prox_weight_decay ## \\theta^{t+1} = \\frac{\\theta^t - }{2} ## <answer>:1:33: unexpected '}'",
        "prox_weight_decay ## \\theta^{t+1} = \\frac{\\theta^t}{\\foo} ## <answer>:1:32: unknown command \\foo",
        "prox_weight_decay ## \\theta^{t+1} = \\frac{\\theta^t {2} ## <answer>:1:",
        "prox_weight_decay ## \\theta^{t+1} = \\theta^t + ## unexpected end of the answer",
        "ridge_closed_form ## \\mathbf{w}^*_{\\text{ridge}} = X \\mathbf{t} ## not conformable",
        "mirror_descent_box_vector ## x = \\sigma(\\log \\frac{x^0}{1-x^0} - \\varepsilon \\nabla f(x^0)) ## cannot divide by a vector in R^n",
    })
    void refusesBadInputWithAPosition(String spec, String latex, String message) throws Exception {
        ParseResult<List<Answer>> r = read(spec.strip(), latex.strip());
        assertFalse(r.ok());
        assertTrue(r.renderDiagnostics().contains(message.strip()), r::renderDiagnostics);
    }

    @org.junit.jupiter.api.Test
    void alignRowsContinueTheChainAndKeepTheirLines() throws Exception {
        String text = "\\begin{aligned} f(\\mathbf{x}'; \\mathbf{w}) &= \\mathbf{w}^T (\\mathbf{x} - \\epsilon \\mathbf{w}) \\\\\n &= \\mathbf{w}^T \\mathbf{x} - \\epsilon \\|\\mathbf{w}\\|^2 \\end{aligned}";
        ParseResult<List<Answer>> r = read("fgm_linear_output", text);
        assertTrue(r.ok(), r::renderDiagnostics);
        assertEquals(2, r.get().get(0).claim().relations().size());
        assertEquals(List.of(1, 1, 2), r.get().get(0).sideLines());
    }

    @org.junit.jupiter.api.Test
    void findsDisplaysInMarkdownAndTex() {
        String doc = "text\n$$a = b$$\nmore \\[ c = d \\]\n\\begin{align} e &= f \\end{align}\n";
        List<Displays.Display> d = Displays.of("doc.md", doc);
        assertEquals(3, d.size());
        assertEquals(2, d.get(0).pos().line());
        assertEquals(4, d.get(2).pos().line());
    }
}
