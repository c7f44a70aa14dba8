package derivcheck.judge;

import derivcheck.expr.Expr;

/**
 * A tier that can only prove "difference = 0", supplied by a caller above the judge (derive gives
 * its CAS zero test, the zero test under derived equations and the region-by-region split of
 * piecewise expressions: the judge cannot import them). The judge decides how the tiers combine
 * ({@link Judge#proveZero}); a prover only says what it found.
 */
@FunctionalInterface
public interface Prover {
    Attempt attempt(Expr difference);

    /** What one prover found. */
    record Attempt(Found found, String reason) {
        public static Attempt proved(String reason) { return new Attempt(Found.PROVED, reason); }
        public static Attempt notShown(String reason) { return new Attempt(Found.NOT_SHOWN, reason); }
        public static final Attempt NOT_APPLICABLE = new Attempt(Found.NOT_APPLICABLE, "");

        public boolean proved() { return found == Found.PROVED; }
    }

    /**
     * PROVED: difference = 0 holds. NOT_SHOWN: it applied and could not prove it (its reason says
     * why; a later prover may still prove it). NOT_APPLICABLE: the difference is not of its kind.
     */
    enum Found { PROVED, NOT_SHOWN, NOT_APPLICABLE }
}
