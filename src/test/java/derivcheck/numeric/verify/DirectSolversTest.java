package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The direct numeric methods re-solve the original problem at sizes the general optimizer would
 * take minutes for, and still tell right closed forms from wrong ones.
 */
class DirectSolversTest {
    private static final VerifyOptions O = VerifyOptions.defaults().withSamples(6).withSeed(3);

    @Test
    void theOpenSimplexIsADomainNotAnEqualityForTheAugmentedLagrangian() {
        Problem p = VerifyTesting.spec("""
                problem t
                  dim n >= 2
                  given g : vector[n]
                  given x0 : vector[n] in (0, 1)
                  given eps : real where eps > 0
                  find x : vector[n]
                  minimize <g, x> + 1/eps*sum(i = 1..n, x_i*log(x_i/x0_i))
                  subject to x > 0, sum(x) = 1
                  expect x = softmax(log(x0) - eps*g)
                  expect x = softmax(log(x0) + eps*g)
                  expect x = x0 .* exp(-eps*g) / <x0, exp(-eps*g)>
                """);
        NumericVerifier v = NumericVerifier.of(p, O.withSizes(Map.of("n", 6)));
        var right = v.check(p.expects().get(0));
        assertTrue(right.verified(), right.toString());
        var wrong = v.check(p.expects().get(1));
        assertTrue(wrong.failed(), wrong.toString());
        var sheet = v.check(p.expects().get(2));
        assertTrue(sheet.verified(), sheet.toString());
    }

    @Test
    void lowRankFactorizationIsReSolvedByAlternatingLeastSquaresAtLargerSizes() {
        Problem p = VerifyTesting.spec("""
                problem t
                  dim r
                  dim m >= r
                  dim n >= r
                  given X : matrix[m, n]
                  find A : matrix[m, r]
                  find B : matrix[r, n]
                  minimize ||X - A*B||_F^2
                  find min
                  expect min = ||X||_F^2 - sum(i = 1..r, sv(X)_i^2)
                  expect min = ||X||_F^2 - sum(i = 1..r, sv(X)_i)^2
                  expect A*B = lowrank(X, r)
                """);
        NumericVerifier v = NumericVerifier.of(p, O.withSizes(Map.of("r", 2, "m", 6, "n", 5)));
        var value = v.check(p.expects().get(0));
        assertTrue(value.verified(), value.toString());
        var wrong = v.check(p.expects().get(1));
        assertTrue(wrong.failed(), wrong.toString());
        var product = v.check(p.expects().get(2));
        assertTrue(product.verified(), product.toString());
    }
}
