package derivcheck.cas;

/**
 * The sign of a scalar expression as far as it could be proven under the assumptions.
 * {@link #NONNEGATIVE} and {@link #NONPOSITIVE} are proven weak signs (zero not excluded).
 */
public enum Sign {
    POSITIVE, NEGATIVE, ZERO, NONNEGATIVE, NONPOSITIVE, UNKNOWN;

    /** True when the sign is fully known (strictly positive, strictly negative or zero). */
    public boolean isStrict() { return this == POSITIVE || this == NEGATIVE || this == ZERO; }
}
