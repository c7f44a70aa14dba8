package derivcheck.numeric.verify;

/** The sampler could not draw values for which every assumption holds. */
public final class SamplingException extends RuntimeException {
    public SamplingException(String message) { super(message); }
}
