package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import derivcheck.spec.Specs;
import org.junit.jupiter.api.Test;

/** Default LaTeX names and the use of the spec's latex names, one rule per test. */
class LatexNamesTest {
    @Test void greekNamesBecomeCommands() {
        assertEquals("\\theta", LatexNames.standard("theta"));
        assertEquals("\\Delta", LatexNames.standard("Delta"));
    }

    @Test void epsIsVarepsilonAndLIsEll() {
        assertEquals("\\varepsilon", LatexNames.standard("eps"));
        assertEquals("\\ell", LatexNames.standard("l"));
    }

    @Test void underscorePartsBecomeSubscripts() {
        assertEquals("\\theta_t", LatexNames.standard("theta_t"));
        assertEquals("w_{i,j}", LatexNames.standard("w_i_j"));
    }

    @Test void trailingDigitsBecomeSubscripts() {
        assertEquals("x_0", LatexNames.standard("x0"));
        assertEquals("w_{12}", LatexNames.standard("w12"));
    }

    @Test void accentWordsBecomeAccents() {
        assertEquals("\\tilde{x}", LatexNames.standard("x_tilde"));
        assertEquals("\\tilde{\\sigma}", LatexNames.standard("sigma_tilde"));
        assertEquals("\\hat{y}", LatexNames.standard("y_hat"));
    }

    @Test void starSuffixBecomesASuperscriptStar() {
        assertEquals("p^{*}", LatexNames.standard("pstar"));
    }

    @Test void otherWordsAreUpright() {
        assertEquals("\\mathrm{KL}", LatexNames.standard("KL"));
    }

    @Test void theSpecsLatexNameWins() {
        Problem p = Specs.parse("problem t\n  dim n\n  given theta_t : vector[n]  latex \"\\theta^t\"\n");
        assertEquals("\\theta^t", LatexNames.of(p).name("theta_t"));
    }

    @Test void anUnbalancedSpecNameFallsBackToTheDefault() {
        Problem p = Specs.parse("problem t\n  given a : real  latex \"\\tilde{a\"\n");
        assertEquals("a", LatexNames.of(p).name("a"));
    }

    @Test void atomsAreSymbolsWithAtMostOneSubAndOneSuperscript() {
        assertTrue(LatexNames.isAtom("\\tilde g^t"));
        assertTrue(LatexNames.isAtom("\\mathbf{w}^*_{\\text{ridge}}"));
        assertTrue(LatexNames.isAtom("x^{(i)}"));
        assertFalse(LatexNames.isAtom("L(\\theta^t)"));
        assertFalse(LatexNames.isAtom("\\nabla_x f_y(x;\\theta)"));
    }
}
