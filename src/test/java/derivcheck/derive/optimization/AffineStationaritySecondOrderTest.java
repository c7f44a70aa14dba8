package derivcheck.derive.optimization;

import static org.junit.jupiter.api.Assertions.*;

import derivcheck.cas.Cas;
import derivcheck.derive.Attempt;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.Step;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Affine stationarity calls a stationary point the minimizer only when the Hessian is proven
 * positive definite from the declared matrix properties and the signs of the coefficients;
 * otherwise it declines and says what the spec could declare.
 */
class AffineStationaritySecondOrderTest {
    private static final Engine ENGINE = Engine.standard(Cas.shared());

    private static final String NEWTON = """
              dim n >= 2
              given g : vector[n]
              given H : matrix[n, n] %s
              find d : vector[n]
              %s <g, d> + 1/2*d'*H*d
            """;

    private static Attempt attempt(String body) {
        Problem p = OptimizationStrategyTest.spec(body);
        return new AffineStationarity().attempt(p, ENGINE.context(p));
    }

    private static String declinedReason(String body) {
        Attempt a = attempt(body);
        assertInstanceOf(Attempt.Declined.class, a, () -> "should decline: " + a);
        return ((Attempt.Declined) a).reason();
    }

    private static Attempt.Derived derived(String body) {
        Attempt a = attempt(body);
        assertInstanceOf(Attempt.Derived.class, a, () -> "should derive: " + a);
        return (Attempt.Derived) a;
    }

    private static String value(Attempt.Derived d) { return TextPrinter.print(d.results().get(0).value()); }

    private static String stationarityText(Attempt.Derived d) {
        return d.steps().stream().filter(s -> s.rule().equals("stationarity")).map(Step::justification).findFirst().orElseThrow();
    }

    @Test
    void newtonStepWithADeclaredPositiveDefiniteHessianIsDerivedAndSaysWhyItIsTheMinimizer() {
        Attempt.Derived d = derived(NEWTON.formatted("symmetric positive definite", "minimize"));
        assertEquals("-inv(H)*g", value(d));
        String why = stationarityText(d);
        assertTrue(why.contains("H is declared positive definite"), why);
        assertTrue(why.contains("unique minimizer"), why);
    }

    @Test
    void newtonStepWithoutPositiveDefiniteIsDeclinedWithTheMissingDeclaration() {
        String reason = declinedReason(NEWTON.formatted("symmetric", "minimize"));
        assertTrue(reason.contains("cannot show that the Hessian H of d is positive definite"), reason);
        assertTrue(reason.contains("add `positive definite` to H's given"), reason);
    }

    @Test
    void newtonStepWithAPositiveSemidefiniteHessianIsDeclinedAsNotUnique() {
        String reason = declinedReason(NEWTON.formatted("positive semidefinite", "minimize"));
        assertTrue(reason.contains("only known to be positive semidefinite"), reason);
        assertTrue(reason.contains("add `positive definite` to H's given"), reason);
    }

    @Test
    void maximizingAPositiveDefiniteQuadraticIsDeclinedAsConvex() {
        String reason = declinedReason(NEWTON.formatted("symmetric positive definite", "maximize"));
        assertEquals("the objective is convex in d: there is no maximizer", reason);
    }

    @Test
    void maximizingANegativeDefiniteQuadraticIsDerived() {
        Attempt.Derived d = derived("""
                  dim n
                  given g : vector[n]
                  given H : matrix[n, n] positive definite
                  find d : vector[n]
                  maximize <g, d> - 1/2*d'*H*d
                """);
        assertEquals("inv(H)*g", value(d));
        assertTrue(stationarityText(d).contains("unique maximizer"), stationarityText(d));
    }

    @Test
    void aScalarCoefficientOfUnknownSignIsDeclinedWithTheAssumptionToAdd() {
        String reason = declinedReason("""
                  dim n
                  given b : vector[n]
                  given c : real
                  find x : vector[n]
                  minimize c/2*||x||^2 - <b, x>
                """);
        assertTrue(reason.contains("cannot show that the coefficient c of x is positive"), reason);
        assertTrue(reason.contains("`assume c > 0`"), reason);
    }

    @Test
    void leastSquaresNeedsFullColumnRankAndSaysSo() {
        String body = """
                  dim d
                  dim n >= d
                  given X : matrix[n, d] %s
                  given t : vector[n]
                  find w : vector[d]
                  minimize 1/2*||X*w - t||^2
                """;
        String reason = declinedReason(body.formatted(""));
        assertTrue(reason.contains("only known to be positive semidefinite"), reason);
        assertTrue(reason.contains("add `full column rank` to X's given"), reason);
        assertTrue(stationarityText(derived(body.formatted("full column rank"))).contains("X has full column rank"));
    }

    @Test
    void aPositiveSemidefiniteGramMatrixPlusAPositiveMultipleOfTheIdentityIsPositiveDefinite() {
        Attempt.Derived d = derived("""
                  dim n, d
                  given X : matrix[n, d]
                  given t : vector[n]
                  given lambda : real where lambda > 0
                  find w : vector[d]
                  minimize ||X*w - t||^2 + lambda*||w||^2
                """);
        assertTrue(value(d).contains("inv("), value(d));
    }

    @Test
    void aGeneralMatrixQuadraticFormIsDeclined() {
        String reason = declinedReason("""
                  dim n
                  given A : matrix[n, n]
                  given b : vector[n]
                  find x : vector[n]
                  minimize 1/2*x'*A*x - <b, x>
                """);
        assertTrue(reason.contains("add `positive definite` to A's given"), reason);
    }

    @Test
    void aPositiveDefiniteMinusAPositiveDefiniteIsNotAssumedDefinite() {
        String reason = declinedReason("""
                  dim n
                  given A, B : matrix[n, n] positive definite
                  given b : vector[n]
                  find x : vector[n]
                  minimize 1/2*x'*A*x - 1/2*x'*B*x - <b, x>
                """);
        assertTrue(reason.startsWith("cannot show that the Hessian"), reason);
    }

    @Test
    void theEngineDeclinesTheNewtonStepWithoutPositiveDefinitenessInEveryStrategy() {
        Problem p = OptimizationStrategyTest.spec(NEWTON.formatted("symmetric", "minimize"));
        Derivation d = ENGINE.derive(p);
        assertEquals(Derivation.Status.DECLINED, d.status(), () -> String.join("\n", d.notes()));
        List<String> notes = d.notes();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("affine stationarity: declined — cannot show")), notes::toString);
    }

    @Test
    void aSumOfPositiveCoefficientsIsPositiveSoTheProximalWeightDecayStepIsDerived() {
        Attempt.Derived d = derived("""
                  dim n
                  given g, theta_t : vector[n]
                  given lambda, eps : real where lambda > 0, eps > 0
                  find theta : vector[n]
                  minimize <g, theta - theta_t> + lambda/2*||theta||^2 + 1/(2*eps)*||theta - theta_t||^2
                """);
        assertTrue(stationarityText(d).contains("the coefficient is positive"), stationarityText(d));
    }

    @Test
    void aCoefficientThatIsOnlyNonnegativeIsDeclined() {
        String reason = declinedReason("""
                  dim n
                  given b : vector[n]
                  given c : real where c >= 0
                  find x : vector[n]
                  minimize c/2*||x||^2 - <b, x>
                """);
        assertTrue(reason.contains("cannot show that the coefficient c of x is positive (it is only known to be nonnegative"), reason);
        assertTrue(reason.contains("`assume c > 0`"), reason);
    }
}
