package derivcheck.numeric.verify;

import java.util.Map;

/**
 * Settings of a numeric verification.
 *
 * @param samples   how many independent draws of the givens (sizes and values) per claim
 * @param seed      the seed every draw derives from (with {@code Rng.fork(label)})
 * @param sizes     dimension sizes to use instead of random ones (empty: draw them)
 * @param maxSize   the largest size drawn for a dimension without a larger minimum (default 6)
 * @param mcDraws   Monte Carlo draws per sample for E[.] and Var[.]
 * @param starts    starts of the numeric optimizer per sample
 * @param retries   redraws allowed per sample until every assumption holds
 */
public record VerifyOptions(int samples, long seed, Map<String, Integer> sizes, int maxSize, int mcDraws, int starts, int retries) {
    public static final int DEFAULT_SAMPLES = 20;
    public static final long DEFAULT_SEED = 1L;

    public VerifyOptions {
        if (samples < 1) throw new IllegalArgumentException("need at least one sample");
        if (maxSize < 1) throw new IllegalArgumentException("maxSize must be at least 1");
        if (mcDraws < 8) throw new IllegalArgumentException("need at least 8 Monte Carlo draws");
        if (starts < 1) throw new IllegalArgumentException("need at least one optimizer start");
        sizes = Map.copyOf(sizes);
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(DEFAULT_SAMPLES, DEFAULT_SEED, Map.of(), 6, 2000, 4, 200);
    }

    public VerifyOptions withSamples(int n) { return new VerifyOptions(n, seed, sizes, maxSize, mcDraws, starts, retries); }
    public VerifyOptions withSeed(long s) { return new VerifyOptions(samples, s, sizes, maxSize, mcDraws, starts, retries); }
    public VerifyOptions withSizes(Map<String, Integer> m) { return new VerifyOptions(samples, seed, m, maxSize, mcDraws, starts, retries); }
    public VerifyOptions withMaxSize(int m) { return new VerifyOptions(samples, seed, sizes, m, mcDraws, starts, retries); }
    public VerifyOptions withMcDraws(int n) { return new VerifyOptions(samples, seed, sizes, maxSize, n, starts, retries); }
    public VerifyOptions withStarts(int n) { return new VerifyOptions(samples, seed, sizes, maxSize, mcDraws, n, retries); }
}
