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
}
