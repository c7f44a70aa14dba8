package derivcheck.cas;

/** The answer of {@link Cas#isZero}: proven zero, proven nonzero, or not known. */
public enum ZeroTest {
    /** Symja reduced the expression to 0 (under the assumptions). */
    ZERO,
    /** Proven nonzero for every value allowed by the assumptions (a nonzero constant, or a proven sign). */
    NONZERO,
    /** Symja neither reduced it to 0 nor proved it nonzero; check numerically. */
    UNKNOWN
}
