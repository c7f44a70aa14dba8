package derivcheck.numeric;

/**
 * A Monte Carlo estimate with its standard error.
 *
 * @param value     the estimate
 * @param stdError  its estimated standard error
 * @param samples   the number of samples
 */
public record Estimate(double value, double stdError, int samples) {
    /** (value - expected) / stdError; 0 when both agree exactly, infinite when the error is 0 but they differ. */
    public double zScore(double expected) {
        double d = value - expected;
        if (d == 0) return 0;
        if (stdError == 0) {
            // a deterministic quantity: allow rounding noise only
            return Math.abs(d) <= 1e-12 * Math.max(1.0, Math.abs(expected)) ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
        }
        return d / stdError;
    }

    /** True unless |z| > {@link MonteCarlo#Z_LIMIT} (or z is NaN). */
    public boolean agreesWith(double expected) {
        double z = zScore(expected);
        return Math.abs(z) <= MonteCarlo.Z_LIMIT;
    }

    @Override public String toString() { return value + " ± " + stdError + " (n=" + samples + ")"; }
}
