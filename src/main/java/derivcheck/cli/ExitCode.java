package derivcheck.cli;

/** The process exit codes every command uses. */
public final class ExitCode {
    /** Everything checked out. */
    public static final int OK = 0;
    /** Some check failed (an expect, an answer, a verification). */
    public static final int FAILED = 1;
    /** The input could not be read: a syntax or shape error, a missing file, a bad option. */
    public static final int BAD_INPUT = 2;

    private ExitCode() {}
}
