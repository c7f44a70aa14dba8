package derivcheck.check;

/**
 * The verdict on a claim after both checks: {@code failed} needs a numeric counterexample;
 * {@code verified} needs a symbolic proof or agreeing numeric samples (and no counterexample).
 */
public enum Verdict {
    VERIFIED, FAILED, UNDECIDED;

    public String word() { return name().toLowerCase(); }
}
