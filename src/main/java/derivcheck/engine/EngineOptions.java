package derivcheck.engine;

import derivcheck.numeric.verify.VerifyOptions;
import java.time.Duration;

/**
 * How answers are checked against a prepared problem.
 *
 * @param verify    the numeric sampling (samples, seed)
 * @param symbolic  whether the symbolic tier runs (after the numeric tier)
 * @param timeLimit the wall-clock budget of one answer: reading and every tier together
 * @param prove     also run the symbolic tier on answers the cheaper tiers found correct (check --prove)
 */
public record EngineOptions(VerifyOptions verify, boolean symbolic, Duration timeLimit, boolean prove) {
    public EngineOptions(VerifyOptions verify, boolean symbolic, Duration timeLimit) { this(verify, symbolic, timeLimit, false); }

    public EngineOptions withProve(boolean p) { return new EngineOptions(verify, symbolic, timeLimit, p); }

    public EngineOptions {
        if (timeLimit.isNegative() || timeLimit.isZero()) throw new IllegalArgumentException("the time limit must be positive");
    }

    public static EngineOptions of(int samples, long seed, double timeLimitSeconds, boolean symbolic) {
        return new EngineOptions(VerifyOptions.defaults().withSamples(samples).withSeed(seed), symbolic,
                Duration.ofNanos((long) (timeLimitSeconds * 1e9)));
    }
}
