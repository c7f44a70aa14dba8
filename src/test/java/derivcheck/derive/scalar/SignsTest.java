package derivcheck.derive.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.cas.Sign;
import derivcheck.derive.DeriveContext;
import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import derivcheck.model.LetDef;
import derivcheck.model.Problem;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import org.junit.jupiter.api.Test;

/**
 * Signs proven from the domains and assumptions: quotients, powers, products of positive factors,
 * 1 - x with x < 1, exp and sigmoid, and sums of mixed signs by their factors. Unknown stays unknown.
 */
class SignsTest {
    private static final String SPEC = """
            problem signs
              given x : real in (0, 1)
              given eps : real where eps > 0
              given z, c : real
              let a = 1/(eps*x - eps*x^2)
              let b = 1 - sigmoid(z)
              let q = log(x)/(x - 1)
              let e = exp(z)*sigmoid(-z)/x^2
              let n = (x - 1)^3
              let u = c*x
              let w = 1 - x - z^2
              let s = 1/x^2 + sqrt(eps) + log(1 - x)
              let t = 1/(z - 1)
              let k = log(z)
              find m : real
              minimize (m - 1)^2
            """;

    private static final Problem P = SpecReader.read(new SourceText("signs.prob", SPEC)).get();
    private static final DeriveContext CTX = new DeriveContext(Cas.shared(), P);

    private static Expr let(String name) {
        return P.lets().stream().filter(l -> l.sym().name().equals(name)).map(LetDef::body).findFirst().orElseThrow();
    }

    @Test
    void quotientsProductsAndOneMinusABoundedVariableArePositive() {
        assertEquals(Sign.POSITIVE, Signs.of(let("a"), CTX), "1/(eps x (1 - x)) on (0, 1) by factoring");
        assertEquals(Sign.POSITIVE, Signs.of(let("b"), CTX), "1 - sigmoid(z) by the range of the sigmoid");
        assertEquals(Sign.POSITIVE, Signs.of(let("q"), CTX), "log x / (x - 1): both negative on (0, 1)");
        assertEquals(Sign.POSITIVE, Signs.of(let("e"), CTX), "exp, sigmoid and a square in the denominator");
        assertEquals(Sign.NEGATIVE, Signs.of(let("n"), CTX), "an odd power of a negative base");
    }

    @Test
    void signsThatDependOnAnUnstatedAssumptionStayUnknown() {
        assertTrue(!Signs.of(let("u"), CTX).isStrict(), "c has no sign");
        assertTrue(!Signs.of(let("w"), CTX).isStrict(), "1 - x - z^2 changes sign");
    }

    @Test
    void smoothnessNeedsEveryLogRootAndDenominatorProvenOnTheDomain() {
        Sym x = (Sym) P.givens().get(0).sym();
        Sym z = (Sym) P.givens().get(2).sym();
        assertTrue(Smoothness.whyNot(let("s"), x, CTX).isEmpty(), "1/x^2, log(1 - x) are smooth on (0, 1)");
        assertTrue(Smoothness.whyNot(let("t"), z, CTX).isPresent(), "1/(z - 1) has a pole on the line");
        assertTrue(Smoothness.whyNot(let("k"), z, CTX).get().contains("not proven positive"), "log z needs z > 0");
    }
}
