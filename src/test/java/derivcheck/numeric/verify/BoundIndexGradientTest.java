package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import derivcheck.expr.Expr;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.spec.ClaimReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A grad node inside a sum that binds one of its indices is a different derivative in every
 * term: {@code sum(i, g_i * grad(y_{i}, a))} is evaluated with grad(y_{i}, a) at each i, not at one
 * fixed i (issue 11, defect 1).
 */
class BoundIndexGradientTest {
    private static final String TEXT = """
            problem shifted
              dim N >= 4
              given x : vector[N]
              given a, b : real
              let y_i = a*(x_i + x_{i+2}) + b for i in 1..N-2
              given g = grad(L, y)
              find grad(L, a)
            """;
    private static final Problem SHIFTED = VerifyTesting.spec(TEXT);
    private static final ClaimReader READER = ClaimReader.of(new derivcheck.source.SourceText("shifted.prob", TEXT)).get();

    @Test
    void aGradientUnderASumIsEvaluatedAtEveryValueOfTheSummedIndex() {
        Model m = new Model(SHIFTED);
        Sample s = new ProblemSampler(SHIFTED, VerifyOptions.defaults().withSeed(3)).draw(2);
        double chain = m.evalScalar(expr("sum(i = 1..N-2, g_i*grad(y_{i}, a))"), s.copyEnv());
        double closed = m.evalScalar(expr("sum(i = 1..N-2, g_i*(x_i + x_{i+2}))"), s.copyEnv());
        assertEquals(closed, chain, 1e-6 * Math.max(1, Math.abs(closed)));
        // and a nested sum whose inner bound uses the outer index
        double nested = m.evalScalar(expr("sum(k = 1..N-2, sum(i = k..k, g_i*grad(y_{i}, a)))"), s.copyEnv());
        assertEquals(closed, nested, 1e-6 * Math.max(1, Math.abs(closed)));
    }

    @Test
    void theChainRuleStepsOfTheSeedAreNotCounterexamples() {
        NumericVerifier v = NumericVerifier.of(SHIFTED, VerifyOptions.defaults());
        for (String text : List.of("grad(L, a) = sum(i = 1..N-2, g_i*grad(y_{i}, a))",
                "sum(i = 1..N-2, grad(L, y)_i*grad(y_{i}, a)) = sum(i = 1..N-2, g_i*(x_i + x_{i+2}))")) {
            NumericVerdict r = v.check(claim(text));
            assertFalse(r.failed(), text + ": " + r.reason());
            assertEquals(NumericVerdict.Kind.VERIFIED, r.verdict(), text + ": " + r.reason());
        }
        // a wrong chain rule (one index shifted) is still caught
        assertEquals(NumericVerdict.Kind.FAILED, v.check(claim("grad(L, a) = sum(i = 1..N-3, g_i*grad(y_{i+1}, a))")).verdict());
    }

    private static Claim claim(String text) {
        var r = READER.read("expect " + text);
        if (!r.ok()) throw new AssertionError(r.renderDiagnostics());
        return r.get();
    }

    private static Expr expr(String text) { return claim("0 = " + text).relations().get(0).rhs(); }
}
