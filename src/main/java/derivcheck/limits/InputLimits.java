package derivcheck.limits;

/**
 * Caps on what one input may hold, so that hostile or broken files end in a located message
 * instead of a StackOverflowError, an OutOfMemoryError or minutes of work. Each cap is reported
 * with its value ("nesting deeper than 500 levels"); docs/limits.md lists them.
 */
public final class InputLimits {
    private InputLimits() {}

    /** Bytes of one answer or solution file read by check/grade. */
    public static final long MAX_FILE_BYTES = 2L << 20;
    /** Characters of one answer (one display, one --answer text). */
    public static final int MAX_ANSWER_CHARS = 20_000;
    /** Bracket nesting depth of one answer or spec expression. */
    public static final int MAX_NESTING = 200;
    /** Displays read from one solution file. */
    public static final int MAX_DISPLAYS = 500;
    /** Largest size a sampler gives a dimension, whatever the spec's lower bound says. */
    public static final int MAX_SAMPLED_DIM = 12;
    /** Largest size a user may fix for a dimension ({@code verify --size n=N}). */
    public static final int MAX_FIXED_DIM = 200;
    /** Entries of one sampled or evaluated vector or matrix. */
    public static final int MAX_ENTRIES = 1_000_000;
    /** Entries of a vector or matrix printed in a report (the rest are counted, not listed). */
    public static final int MAX_LISTED_ENTRIES = 50;
    /** Bytes of one spec file (real specs are a few kilobytes). */
    public static final long MAX_SPEC_BYTES = 256L << 10;
    /** Characters of one line of a spec. */
    public static final int MAX_LINE_CHARS = 20_000;

    /**
     * rows * cols as an int, without overflow; an {@link ArithmeticException} beyond
     * {@link #MAX_ENTRIES} (a dimension sized n*n with a huge n).
     */
    public static int entries(long rows, long cols) {
        if (rows < 0 || cols < 0) throw new ArithmeticException("a negative size (" + rows + " x " + cols + ")");
        if (rows > MAX_ENTRIES || cols > MAX_ENTRIES || rows * cols > MAX_ENTRIES) {
            throw new ArithmeticException("a " + rows + " x " + cols + " value has more than " + MAX_ENTRIES + " entries");
        }
        return (int) (rows * cols);
    }
}
