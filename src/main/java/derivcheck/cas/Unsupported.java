package derivcheck.cas;

/** Internal signal: an expression cannot cross between our model and Symja. Becomes an {@link Outcome.Undecided}. */
final class Unsupported extends Exception {
    Unsupported(String message) { super(message, null, false, false); }
}
