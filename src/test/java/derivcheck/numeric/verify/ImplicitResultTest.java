package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Expr;
import derivcheck.expr.Relation;
import derivcheck.model.Problem;
import derivcheck.numeric.RootFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A derived result implicit in a scalar (prox_norm_regularizer: theta = l/||a||*a where l > 0 solves
 * l + eps*rho'(l) = ||a||) was numerically undecided ("no value for l"). Now the equation is solved for l at
 * each sample (numeric/RootFinder) and the value checked against the re-solved problem: the right result is
 * verified, a wrong defining equation is not (and, since the scan may miss a root, it is undecided, never failed).
 */
class ImplicitResultTest {
    private static final Path SPEC = Path.of("problems/prox_norm_regularizer.prob");

    /** The spec, and the same spec with l declared, whose extra expects give the result's parts as expressions. */
    private static Problem spec() { return VerifyTesting.file(SPEC); }

    private static List<Relation> parts(String equation) throws Exception {
        String text = Files.readString(SPEC).replace("  find theta : vector[n]", "  given l : real\n  find theta : vector[n]")
                + "\n  expect theta = l/||a||*a\n  expect " + equation + "\n  expect l > 0\n";
        Problem q = VerifyTesting.spec(text);
        int k = q.expects().size();
        return List.of(q.expects().get(k - 3).relations().get(0), q.expects().get(k - 2).relations().get(0),
                q.expects().get(k - 1).relations().get(0));
    }

    private static NumericVerdict check(String equation) throws Exception {
        List<Relation> r = parts(equation);
        Expr theta = r.get(0).lhs(), value = r.get(0).rhs();
        return NumericVerifier.of(spec(), VerifyTesting.FAST).checkResult(theta, value, Optional.empty(), List.of(r.get(1), r.get(2)));
    }

    @Test @Timeout(120)
    void theProximalStepWithTheRootOfItsScalarEquationIsVerifiedAgainstTheResolvedProblem() throws Exception {
        NumericVerdict v = check("l + eps*rho'(l) = ||a||");
        assertTrue(v.verified(), v.toString());
        assertEquals("optimization", v.check());
        assertEquals(VerifyTesting.FAST.samples(), v.samples(), v.toString());
    }

    @Test @Timeout(120)
    void aWrongDefiningEquationIsNotVerifiedAndNotFailed() throws Exception {
        for (String wrong : List.of("l + 2*eps*rho'(l) = ||a||", "l - eps*rho'(l) = ||a||", "l = 2*||a||")) {
            NumericVerdict v = check(wrong);
            assertFalse(v.verified(), wrong + ": " + v);
            assertFalse(v.failed(), wrong + ": a missed root could be the right one, so no counterexample: " + v);
        }
    }

    @Test @Timeout(120)
    void withoutItsEquationTheResultStaysUndecidedAsBefore() throws Exception {
        List<Relation> r = parts("l + eps*rho'(l) = ||a||");
        NumericVerdict v = NumericVerifier.of(spec(), VerifyTesting.FAST).checkResult(r.get(0).lhs(), r.get(0).rhs(), Optional.empty(), List.of(r.get(2)));
        assertTrue(v.undecided(), v.toString());
    }

    @Test void theRootFinderFindsEveryRootOfACubicOnABoundedAndAHalfInfiniteInterval() {
        java.util.function.DoubleUnaryOperator cubic = x -> (x - 0.001) * (x - 2) * (x - 3000);
        List<Double> half = RootFinder.roots(cubic, 0, Double.POSITIVE_INFINITY);
        assertEquals(3, half.size(), half.toString());
        assertEquals(0.001, half.get(0), 1e-12);
        assertEquals(2, half.get(1), 1e-10);
        assertEquals(3000, half.get(2), 1e-7);
        List<Double> bounded = RootFinder.roots(cubic, 1, 10);
        assertEquals(1, bounded.size(), bounded.toString());
        assertEquals(2, bounded.get(0), 1e-10);
        assertEquals(List.of(), RootFinder.roots(x -> x * x + 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }
}
