package derivcheck.numeric;

/**
 * The expression contains a node that has no pointwise value: an expectation, a variance or a
 * symbolic gradient. Estimate those with {@link MonteCarlo} and {@link FiniteDifference}.
 */
public final class NotEvaluableException extends EvaluationException {
    public NotEvaluableException(String message) { super(message); }
}
