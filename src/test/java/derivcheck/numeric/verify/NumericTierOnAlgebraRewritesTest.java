package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.TextPrinter;
import derivcheck.judge.EqualRewrites;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The numeric tier never fails a formula equal to the reference, over the equal-up-to-algebra
 * rewrites of issue 11's property test ({@link EqualRewrites}: reordered, split, sign-moved and
 * factored sums of fractions in x, y, c, a > 0, b > 0 with exp, log, sqrt, inner products, u'Av and
 * ‖u‖²). 10^4 claims, each pair in one of several forms: as it is; as a difference against 0 (a
 * target near 0); scaled by 10^-k, k ≤ 150 (tiny values); and one in 64 a derivative: the second
 * derivative in x, the second derivative of the difference (a derivative near 0), or the Hessian in u
 * (a matrix). None may be FAILED.
 */
class NumericTierOnAlgebraRewritesTest {
    private static final Problem P = VerifyTesting.spec("""
            problem t
              dim n <= 3
              given x, y, c : real
              given a, b : real where a > 0, b > 0
              given u, v : vector[n]
              given A, B : matrix[n, n]
            """);

    private static Claim claim(Expr l, Expr r) {
        return new Claim(List.of(new Relation(RelOp.EQ, l, r, Pos.NONE)), Optional.empty(), "", Pos.NONE);
    }

    private static Expr d2(Expr e, Expr x) { return new Grad(new Grad(e, x, Pos.NONE), x, Pos.NONE); }

    @Test
    void noRewriteOfTheReferenceIsEverFailedAlsoForSecondDerivativesAndValuesNearZero() {
        NumericVerifier v = NumericVerifier.of(P, VerifyOptions.defaults().withSamples(3).withSeed(7));
        NumericVerifier derivatives = NumericVerifier.of(P, VerifyOptions.defaults().withSamples(2).withSeed(7));
        Random r = new Random(20261207L);
        int cases = 0, verified = 0, second = 0, hessians = 0;
        List<String> failures = new ArrayList<>(), undecided = new ArrayList<>();
        long t0 = System.nanoTime();
        long[] spent = new long[14];
        while (cases < 10_000) {
            List<EqualRewrites.Term> ts = EqualRewrites.terms(r, false);
            Expr ref = EqualRewrites.reference(ts);
            Expr ans = EqualRewrites.rewrite(ts, r, r.nextInt(4));
            // one claim in 64 is a derivative (a second derivative in x, of the difference, or a Hessian in u, in turn):
            // each costs tens of milliseconds (nested differences at every sample), the others well under one
            int form = cases % 64 < 63 ? cases % 11 : 11 + (cases / 64) % 3;
            Claim c = switch (form) {
                case 0, 1, 2, 3, 4 -> claim(ans, ref);
                case 5, 6, 7 -> claim(Exprs.sub(ans, ref), Num.ZERO);
                case 8, 9, 10 -> {
                    Expr k = Exprs.pow(Num.of(10), Num.of(-r.nextInt(151)));
                    yield claim(Exprs.mul(k, ans), Exprs.mul(k, ref));
                }
                case 11 -> { second++; yield claim(d2(ans, EqualRewrites.X), d2(ref, EqualRewrites.X)); }
                case 12 -> { second++; yield claim(d2(Exprs.sub(ans, ref), EqualRewrites.X), Num.ZERO); }
                default -> { hessians++; yield claim(d2(ans, EqualRewrites.U), d2(ref, EqualRewrites.U)); }
            };
            NumericVerifier tier = form >= 11 ? derivatives : v;
            long c0 = System.nanoTime();
            NumericVerdict n = tier.check(c);
            spent[form] += System.nanoTime() - c0;
            cases++;
            if (n.verified()) verified++;
            if (n.failed()) failures.add(TextPrinter.print(c.relations()) + "  ::  " + n.reason());
            if (n.undecided() && undecided.size() < 5) undecided.add(TextPrinter.print(c.relations()) + "  ::  " + n.reason());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("algebra rewrites, numeric tier: %d claims (%d second derivatives, %d Hessians), %d verified, %d failed, %d ms%n",
                cases, second, hessians, verified, failures.size(), ms);
        undecided.forEach(u -> System.out.println("  undecided: " + u));
        System.out.println("  ms by form: " + java.util.Arrays.toString(java.util.Arrays.stream(spent).map(t -> t / 1_000_000).toArray()));
        assertTrue(failures.isEmpty(), failures.size() + " equal pair(s) failed, e.g.\n"
                + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
        assertTrue(verified >= 0.95 * cases, "only " + verified + " of " + cases + " verified");
    }
}
