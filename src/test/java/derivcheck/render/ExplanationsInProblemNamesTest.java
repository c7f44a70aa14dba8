package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.model.Problem;
import derivcheck.spec.Specs;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The explanations of a worked solution name the problem's quantities with the problem's LaTeX
 * names, printed in math mode like the formulas, not the strategy's generic letters (c, m, r) or ASCII.
 */
class ExplanationsInProblemNamesTest {
    private static final Engine ENGINE = Engine.standard(Cas.shared());

    private static String whys(String spec) {
        Problem p = Specs.parse(spec);
        Derivation d = ENGINE.derive(p);
        assertEquals(Derivation.Status.DERIVED, d.status(), d.notes().toString());
        String tex = new SheetWriter(true, SheetVerifier.NONE, 1).write(List.of(new SheetWriter.Entry(p, Optional.of(d))));
        StringBuilder b = new StringBuilder();
        Matcher m = Pattern.compile("\\\\why\\{(.*)\\}\\n").matcher(tex);
        while (m.find()) b.append(m.group(1)).append('\n');
        return b.toString();
    }

    @Test void theTrustRegionInABallIsExplainedWithGThetaAndEpsilon() {
        String w = whys("""
                problem ball
                  dim n
                  given g, theta_t : vector[n]   latex "g^t", "\\theta^t"
                  given eps : real               latex "\\varepsilon"  where eps > 0
                  assume ||g|| > 0
                  find theta : vector[n]         latex "\\theta"
                  minimize <g, theta - theta_t>
                  subject to ||theta - theta_t|| <= eps
                """);
        assertTrue(w.contains("$g^t + 2 \\mu \\Delta = 0$"), w);
        assertTrue(w.contains("$\\|\\Delta\\|^2 = \\varepsilon^2$"), w);
        assertTrue(w.contains("$\\theta = \\theta^t + \\Delta$"), w);
        assertFalse(w.contains("m + \\Delta") || w.contains("r^2") || w.contains("c + "), w);
    }

    @Test void theBoxIsExplainedWithTheEntriesOfTheProblemsGradient() {
        String w = whys("""
                problem box
                  dim n
                  given g, theta_t : vector[n]   latex "g^t", "\\theta^t"
                  given eps : real               latex "\\varepsilon"  where eps > 0
                  find theta : vector[n]         latex "\\theta"
                  minimize <g, theta - theta_t>
                  subject to |theta_i - theta_t_i| <= eps for all i
                """);
        assertTrue(w.contains("the sum over $i$ of $g^t_i \\theta_i$"), w);
        assertTrue(w.contains("$\\theta^t_i - \\varepsilon \\operatorname{sign}(g^t_i)$"), w);
        assertFalse(w.contains("c_") || w.contains("m_") || w.contains("*"), w);
    }

    @Test void aLagrangianBesideALossNamedLIsNotCalledL() {
        Problem p = Specs.parse("""
                problem loss
                  dim n
                  given y, m : vector[n]
                  given r : real where r > 0
                  given c = grad(L, y)
                  assume ||c|| > 0
                  find x : vector[n]
                  minimize <c, x - m>
                  subject to ||x - m|| <= r
                """);
        Derivation d = ENGINE.derive(p);
        String tex = new SheetWriter(true, SheetVerifier.NONE, 1).write(List.of(new SheetWriter.Entry(p, Optional.of(d))));
        assertTrue(tex.contains("L_{2} &= ") || tex.contains("L_2 &= "), tex);
        assertFalse(tex.contains("\nL &= "), tex);
    }
}
