package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import derivcheck.spec.Specs;
import org.junit.jupiter.api.Test;

/** Prose with math: $…$ checked, spec ASCII typeset, plain words left alone. */
class ProseMathTest {
    private static final Problem P = Specs.parse("""
            problem p
              dim n
              given g, theta_t : vector[n]   latex "\\tilde g^t", "\\theta^t"
              given eps : real               latex "\\varepsilon'"  where eps > 0
              find theta : vector[n]         latex "\\theta^{t+1}"
              minimize <g, theta> + 1/(2*eps)*||theta - theta_t||^2
            """);

    @Test void authorsLatexPassesAndDangerousCommandsDoNot() {
        assertEquals("$\\|x\\|^2$ here", ProseMath.plain().text("$\\|x\\|^2$ here"));
        String bad = SafeMath.clean("\\input{/etc/passwd} \\write18{rm} ^^5cinput x}");
        assertFalse(bad.contains("\\input") || bad.contains("\\write") || bad.contains("^^"), bad);
        assertTrue(SafeMath.clean("\\frac{1}{2}\\lambda").equals("\\frac{1}{2}\\lambda"));
        assertEquals("{a}\\}", SafeMath.clean("{a}}"));
    }

    @Test void engineTextPrintsTheProblemsNames() {
        String t = ProseMath.of(P).text("The cases are theta_t_i - eps*sign(g_i).");
        assertEquals("The cases are $\\theta^t_{i} - \\varepsilon'\\,\\operatorname{sign}(\\tilde g^t_{i})$.", t);
        assertEquals("The upstream gradient $g = \\nabla_{y} L$ is given.",
                ProseMath.plain().text("The upstream gradient g = grad(L, y) is given."));
    }

    @Test void authorsAsciiUsesDefaultNamesAndWordsStayText() {
        String t = ProseMath.authored(P).text("A 1-D step of size lambda*||theta||^2 in Assignment 3b, with sigma~^2.");
        assertEquals("A 1-D step of size $\\lambda\\,\\|\\theta\\|^{2}$ in Assignment 3b, with $\\tilde{\\sigma}^{2}$.", t);
        assertEquals("the factor $(1-p)$", ProseMath.plain().text("the factor (1-p)"));
        assertEquals("Set $\\langle g, x\\rangle$ to 0", ProseMath.plain().text("Set <g, x> to 0"));
        assertEquals("the difference of the two sides is 0", ProseMath.of(P).text("lhs - rhs is 0"));
    }

    @Test void aNameWithAnAccentedLetterIsOneProseWordNotASymbolBesideAWord() {
        // "Hölder" once printed $H$\"older: the H was read as a symbol before the non-ASCII letter
        assertEquals("the H\\\"older inequality", ProseMath.plain().text("the Hölder inequality"));
        assertEquals("H\\\"older and Schr\\\"odinger", ProseMath.plain().text("Hölder and Schrödinger"));
    }

    @Test void shortWordsInsideNormsAndFunctionBracketsAreMathAndPossessivesAreText() {
        assertEquals("Mean of $\\|Ax\\|^{2}$ for $x$", ProseMath.plain().text("Mean of ||Ax||^2 for x"));
        assertEquals("Compute $\\mathbb{E}[\\|Ax\\|^{2}]$.", ProseMath.plain().text("Compute E[||Ax||^2]."));
        String var = ProseMath.plain().text("for independent X, Y, Var[XY] = E[X^2]E[Y^2] - E[X]^2 E[Y]^2 (only then)");
        assertTrue(var.contains("\\operatorname{Var}[XY] = \\mathbb{E}[X^{2}]\\mathbb{E}[Y^{2}] - \\mathbb{E}[X]^{2} \\mathbb{E}[Y]^{2}$ (only then)"), var);
        assertEquals("the product of their E's.", ProseMath.plain().text("the product of their E's."));
        assertEquals("$\\mathbb{E}$ is linear; $\\operatorname{Var}$ drops constants", ProseMath.plain().text("E is linear; Var drops constants"));
        assertEquals("Set $x'$ to 0", ProseMath.plain().text("Set x' to 0"));
    }

    private static final Problem WITH_A = Specs.parse("""
            problem q
              dim n
              given a, x : vector[n]
              given l : real where l > 0
              find y : vector[n]
              minimize <a, y>
            """);

    @Test void theArticleAIsTextEvenWhenTheProblemHasANameA() {
        assertEquals("the gradient of a function of $\\|x\\|$", ProseMath.of(WITH_A).text("the gradient of a function of ||x||"));
        assertEquals("where $a$ is given and $x = \\ell\\,a$", ProseMath.of(WITH_A).text("where a is given and x = l*a"));
        assertEquals("at $\\sigma^{2} = (1/d)\\,\\mathbb{E}\\|x - \\mu(z)\\|^{2}$, the",
                ProseMath.plain().text("at sigma^2 = (1/d)*E||x - mu(z)||^2, the"));
        assertEquals("decoder $N(x; \\mu(z), \\sigma^{2} I)$ in", ProseMath.plain().text("decoder N(x; mu(z), sigma^2 I) in"));
        assertEquals("at $w_0$ on the sphere", ProseMath.plain().text("at w0 on the sphere"));
        assertEquals("i.i.d. with mean 0", ProseMath.plain().text("i.i.d. with mean 0"));
        assertEquals("first; then", ProseMath.plain().text("first; then"));
        assertEquals("(a sum of $n$ equal terms)", ProseMath.of(WITH_A).text("(a sum of n equal terms)"));
        assertEquals("($\\log(ab) = \\log a + \\log b$: every argument is positive)",
                ProseMath.plain().text("(log(ab) = log a + log b: every argument is positive)"));
    }
}
