package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import derivcheck.numeric.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sampler honours every kind of assumption; the checks behave on problems with known answers. */
class SamplerAndChecksTest {
    private static final VerifyOptions O = VerifyOptions.defaults().withSamples(10).withSeed(5);

    private static double[] v(Sample s, String name) { return s.env().get(name).flatten(); }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void normOrthogonalityAndNormGivenByAnotherGivenHoldByConstruction() {
        Problem p = VerifyTesting.spec("""
                problem t
                  dim n >= 2
                  given w0, g : vector[n]
                  given a, lambda : real where a > 0, lambda > 0
                  assume ||w0|| = 1, <g, w0> = 0, ||g|| = a
                """);
        ProblemSampler s = new ProblemSampler(p, O);
        for (int k = 0; k < 10; k++) {
            Sample x = s.draw(k);
            assertEquals(1.0, Math.sqrt(dot(v(x, "w0"), v(x, "w0"))), 1e-12);
            assertEquals(0.0, dot(v(x, "g"), v(x, "w0")), 1e-12);
            assertEquals(v(x, "a")[0], Math.sqrt(dot(v(x, "g"), v(x, "g"))), 1e-12);
            assertTrue(v(x, "a")[0] > 0 && v(x, "lambda")[0] > 0);
            assertTrue(x.sizes().get("n") >= 2);
        }
        assertEquals(2, s.draw(0).sizes().get("n"), "sample 0 is at the smallest size allowed");
    }

    @Test
    void domainsAreEntrywiseAndSumsAreRescaled() {
        Problem p = VerifyTesting.spec("""
                problem t
                  dim K >= 3
                  given q : vector[K] in (0, 1)
                  given p : real in (0, 1)
                  given s : real in [2, inf)
                  assume sum(q) = 1
                """);
        ProblemSampler sm = new ProblemSampler(p, O);
        for (int k = 0; k < 10; k++) {
            Sample x = sm.draw(k);
            double sum = 0;
            for (double d : v(x, "q")) { assertTrue(d > 0 && d < 1); sum += d; }
            assertEquals(1.0, sum, 1e-12);
            assertTrue(v(x, "p")[0] > 0 && v(x, "p")[0] < 1);
            assertTrue(v(x, "s")[0] >= 2);
        }
    }

    @Test
    void inequalitiesAboutExpressionsAreMetByRedrawingAndEqualitiesAreComputed() {
        Problem p = VerifyTesting.spec("""
                problem t
                  dim n
                  given X, t, w, v : vector[n]
                  given lam, eps : real where lam > 0, eps > 0, lam*eps < 1
                  assume X'*t > 0, v = lam*w, ||t|| = 0.5
                """);
        ProblemSampler sm = new ProblemSampler(p, O);
        for (int k = 0; k < 10; k++) {
            Sample x = sm.draw(k);
            assertTrue(dot(v(x, "X"), v(x, "t")) > 0);
            assertTrue(v(x, "lam")[0] * v(x, "eps")[0] < 1);
            double[] w = v(x, "w"), vv = v(x, "v");
            for (int i = 0; i < w.length; i++) assertEquals(v(x, "lam")[0] * w[i], vv[i], 1e-15);
            assertEquals(0.5, Math.sqrt(dot(v(x, "t"), v(x, "t"))), 1e-12);
        }
    }

    @Test
    void anUnsatisfiableAssumptionIsACleanSamplingErrorAndTheCheckIsUndecided() {
        Problem p = VerifyTesting.spec("""
                problem t
                  given a : real where a > 0
                  assume a < -1
                  show a = a
                """);
        SamplingException e = assertThrows(SamplingException.class, () -> new ProblemSampler(p, O.withSamples(1)).draw(0));
        assertTrue(e.getMessage().startsWith("could not sample the assumptions"), e.getMessage());
        NumericVerdict r = NumericVerifier.checkExpect(p, p.shows().get(0), O);
        assertTrue(r.undecided() && r.reason().contains("could not sample the assumptions"), r.reason());
    }

    @Test
    void fixedSizesAndSeedsAreReproducible() {
        Problem p = VerifyTesting.spec("""
                problem t
                  dim n, m
                  given A : matrix[m, n]
                """);
        VerifyOptions fixed = O.withSizes(Map.of("n", 3, "m", 2));
        Sample a = new ProblemSampler(p, fixed).draw(4), b = new ProblemSampler(p, fixed).draw(4);
        assertEquals(Map.of("n", 3, "m", 2), a.sizes());
        assertEquals(a.env().get("A"), b.env().get("A"));
        Sample c = new ProblemSampler(p, fixed.withSeed(6)).draw(4);
        assertTrue(!a.env().get("A").equals(c.env().get("A")));
    }

    @Test
    void declaredFunctionsGetASmoothFamilyMemberWithConsistentDerivatives() {
        Problem p = VerifyTesting.spec("""
                problem t
                  given rho : function
                  given x : real
                """);
        Sample s = new ProblemSampler(p, O).draw(1);
        assertTrue(s.functions().get(0).startsWith("rho(t) = "));
        for (int order = 0; order < 3; order++) {
            var f = s.env().function("rho", order);
            var df = s.env().function("rho", order + 1);
            for (double t : new double[] {-1.7, 0.3, 2.5}) {
                double fd = (f.applyAsDouble(t + 1e-6) - f.applyAsDouble(t - 1e-6)) / 2e-6;
                assertEquals(df.applyAsDouble(t), fd, 1e-6 * Math.max(1, Math.abs(fd)));
            }
        }
    }

    @Test
    void anAbstractLossGradientIsCheckedThroughTheDefinitionsByFiniteDifferences() {
        Problem p = VerifyTesting.spec("""
                problem t
                  dim n, m
                  given W : matrix[m, n]
                  given x : vector[n]
                  let y = W*x
                  given g = grad(L, y)
                  expect grad(L, W) = g*x'
                  expect grad(L, x) = W'*g
                  mistake grad(L, x) = 2*W'*g : "a factor 2"
                """);
        for (var c : NumericVerifier.of(p, O).verifyAll()) assertTrue(c.ok(), c.kind() + " " + c.verdict());
    }

    @Test
    void momentsOnlyRandomsAreDrawnFromTwoLawsSoAFourthMomentClaimFails() {
        Problem p = VerifyTesting.spec("""
                problem t
                  random x : real mean 0 var 1
                  expect E[x^2] = 1
                  expect E[x^4] = 3
                """);
        NumericVerifier v = NumericVerifier.of(p, O.withSamples(3));
        assertTrue(v.check(p.expects().get(0)).verified());
        NumericVerdict fourth = v.check(p.expects().get(1));
        assertTrue(fourth.failed(), fourth.toString());
        assertTrue(fourth.reason().contains("Rademacher"), fourth.reason());
    }

    @Test
    void theOptimizerFindsKnownOptimaUnderABallABoxAndADomain() {
        Problem ball = VerifyTesting.spec("""
                problem t
                  dim n
                  given c : vector[n]
                  find x : vector[n]
                  minimize ||x - c||^2
                  subject to ||x|| <= 1
                  find min
                  expect x = c/max(1, ||c||)
                  expect min = max(0, ||c|| - 1)^2
                  mistake x = c : "c may lie outside the ball"
                """);
        Problem box = VerifyTesting.spec("""
                problem t
                  dim n
                  given c : vector[n]
                  given r : real where r > 0
                  find x : vector[n]
                  maximize <c, x> - ||x||^2
                  subject to -r <= x_i <= r for all i
                  expect x = max(-r, min(r, c/2))
                  mistake x = c/2 : "the box clips"
                """);
        Problem domain = VerifyTesting.spec("""
                problem t
                  given a : real where a > 0
                  find s : real in (0, inf)
                  minimize s - a*log(s)
                  expect s = a
                  expect log(s) = log(a)
                """);
        for (Problem p : new Problem[] {ball, box, domain}) {
            for (var c : NumericVerifier.of(p, O).verifyAll()) assertTrue(c.ok(), p.name() + " " + c.claim().text() + ": " + c.verdict());
        }
    }

    @Test
    void aFailureCarriesTheSizesEveryDrawnValueAndBothSides() {
        Problem p = VerifyTesting.spec("""
                problem t
                  dim n
                  given a, b : vector[n]
                  show ||a + b||^2 = ||a||^2 + ||b||^2
                """);
        NumericVerdict r = NumericVerifier.checkExpect(p, p.shows().get(0), O);
        assertTrue(r.failed());
        var cx = r.counterexample().orElseThrow();
        assertTrue(cx.sizes().containsKey("n"));
        assertTrue(cx.values().containsKey("a") && cx.values().containsKey("b"));
        double a = 0, b = 0, ab = 0;
        double[] x = cx.values().get("a").flatten(), y = cx.values().get("b").flatten();
        for (int i = 0; i < x.length; i++) { a += x[i] * x[i]; b += y[i] * y[i]; ab += (x[i] + y[i]) * (x[i] + y[i]); }
        assertEquals(ab, cx.lhs().asDouble(), 1e-12);
        assertEquals(a + b, cx.rhs().asDouble(), 1e-12);
        assertTrue(r.toMap().containsKey("counterexample"));
    }

    @Test
    void checkResultComparesADerivedValueWithTheResolvedProblem() {
        Problem p = VerifyTesting.file(java.nio.file.Path.of("problems/ridge_closed_form.prob"));
        var target = p.unknowns().get(0).sym();
        var right = p.expects().get(0).relations().get(0).rhs();
        assertTrue(NumericVerifier.checkResult(p, target, right, java.util.Optional.empty(), O).verified());
        var wrong = p.mistakes().get(0).claim().relations().get(0).rhs();
        assertTrue(NumericVerifier.checkResult(p, target, wrong, java.util.Optional.empty(), O).failed());
        Value unused = null;
        assertTrue(unused == null);
    }
}
