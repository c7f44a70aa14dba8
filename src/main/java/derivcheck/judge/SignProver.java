package derivcheck.judge;

import derivcheck.expr.Expr;
import derivcheck.expr.RelOp;
import java.util.Optional;

/**
 * A tier that can only prove the sign of a scalar difference, supplied by a caller above the judge
 * (derive gives the CAS sign under the assumptions, after its own rewriting): it says which relation
 * {@code difference REL 0} it proved, the strongest it can. The judge decides how the tiers combine
 * ({@link Judge#proveSign}); a prover only says what it found.
 */
@FunctionalInterface
public interface SignProver {
    Found attempt(Expr difference);

    /**
     * What one prover found: {@code relation} is GT, LT or EQ for a strict sign, GE or LE for a weak
     * one (zero not excluded), empty when it proved none; NOT_APPLICABLE when the difference is not of
     * its kind.
     */
    record Found(Optional<RelOp> relation, boolean applies, String reason) {
        public static Found proved(RelOp relation, String reason) { return new Found(Optional.of(relation), true, reason); }
        public static Found notShown(String reason) { return new Found(Optional.empty(), true, reason); }
        public static final Found NOT_APPLICABLE = new Found(Optional.empty(), false, "");
    }
}
