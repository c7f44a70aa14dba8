package derivcheck.derive.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.expr.TextPrinter;
import derivcheck.spec.Specs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The subgradient case split applies only where its proof holds (a quadratic of proven positive curvature plus
 * nonnegative multiples of |affine|), and otherwise says which hypothesis is missing.
 */
class AbsSubgradientCasesTest {
    private static final Engine ENGINE = Engine.standard(Cas.shared());
    private static final String STRATEGY = "subgradient cases (absolute values)";

    private static Derivation derive(String objective, String where) {
        return ENGINE.derive(Specs.parse("""
                problem t
                  given a, c : real
                  given lam : real where lam > 0
                """ + (where.isBlank() ? "" : "  assume " + where + "\n") + """
                  find w : real
                  minimize\s""" + objective + "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            cosh(w) + lam*|w|              #            # is not quadratic in w
            1/2*(w - a)^2 + c*|w|          #            # is not c*|a*w + b| with c >= 0
            1/2*(w - a)^2 + lam*|a*w - 1|  #            # is not c*|a*w + b| with c >= 0
            -1/2*(w - a)^2 + lam*|w|       #            # is not known to be > 0
            1/2*(w - a)^2 + lam*|w| + |w - a| #         # are not in an order the assumptions prove
            """)
    void declinesNamingTheMissingHypothesis(String objective, String where, String reason) {
        Derivation d = derive(objective.trim(), where == null ? "" : where.trim());
        String note = d.notes().stream().filter(n -> n.startsWith(STRATEGY)).findFirst().orElse("");
        assertTrue(note.contains("declined") && note.contains(reason.trim()), note);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            1/2*(w - a)^2 + lam*|w|          # sign(a)*max(abs(a) - lam, 0)
            1/2*(w - a)^2 + lam*|2*w|        # sign(a)*max(abs(a) - 2*lam, 0)
            1/2*(w - a)^2 + lam*|w| + c*|w|  # c > 0 
            """)
    void derivesWhenEveryHypothesisIsProven(String objective, String expected) {
        boolean assumption = expected.trim().startsWith("c >");
        Derivation d = derive(objective.trim(), assumption ? expected.trim() : "");
        assertEquals(Derivation.Status.DERIVED, d.status(), String.join("\n", d.notes()));
        assertEquals(STRATEGY, d.strategy());
        if (!assumption) assertEquals(expected.trim(), TextPrinter.print(d.results().get(0).value()));
    }
}
