package derivcheck.judge;

import derivcheck.numeric.Value;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The judge's answer to "are these two expressions equal on the valid domain?".
 *
 * @param kind           the verdict
 * @param samples        points compared (for EQUAL_BY_SAMPLES), or evaluations of the exact tier
 * @param scaledError    the largest error relative to the size of the terms, over the agreeing points
 * @param counterexample for DIFFERENT: a point of the domain where both are defined (or the answer is
 *                       undefined where the reference is defined) and they differ
 * @param tier           the tier the verdict rests on
 * @param evidence       what each tier found, in order, for people
 * @param reason         one sentence: why this verdict (for UNDECIDED, what is missing)
 * @param spent          wall-clock time spent
 */
public record Judgement(Kind kind, int samples, double scaledError, Optional<Counterexample> counterexample,
                        Tier tier, List<String> evidence, String reason, Duration spent) {
    public enum Kind {
        PROVED_EQUAL, EQUAL_BY_SAMPLES, DIFFERENT, UNDECIDED;

        public String word() { return name().toLowerCase().replace('_', ' '); }
    }

    /** Which evidence a verdict rests on. */
    public enum Tier {
        EXACT, NUMERIC, HIGH_PRECISION, SYMBOLIC, NONE;

        public String word() { return name().toLowerCase().replace('_', '-'); }
    }

    /**
     * A point where the two differ.
     *
     * @param sizes     dimension sizes
     * @param values    the drawn values
     * @param functions how declared functions were implemented
     * @param index     the index of an entrywise comparison, if any
     * @param answer    the first expression's value there (double precision; NaN where undefined)
     * @param reference the second expression's value there
     * @param note      what differs, in words (exact or high-precision values where they decided)
     */
    public record Counterexample(Map<String, Integer> sizes, Map<String, Value> values, List<String> functions,
                                 Optional<Integer> index, Value answer, Value reference, String note) {
        public Counterexample {
            sizes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            functions = List.copyOf(functions);
        }
    }

    public Judgement { evidence = List.copyOf(evidence); }

    public boolean equal() { return kind == Kind.PROVED_EQUAL || kind == Kind.EQUAL_BY_SAMPLES; }
    public boolean different() { return kind == Kind.DIFFERENT; }
    public boolean undecided() { return kind == Kind.UNDECIDED; }

    /** "proved equal (exact)", "equal by 20 samples (numeric)", ... */
    public String summary() {
        return switch (kind) {
            case PROVED_EQUAL -> "proved equal (" + tier.word() + ")";
            case EQUAL_BY_SAMPLES -> "equal at " + samples + " sample(s) (" + tier.word() + ", scaled error "
                    + String.format(java.util.Locale.ROOT, "%.2g", scaledError) + ")";
            case DIFFERENT -> "different (" + tier.word() + "): " + reason;
            case UNDECIDED -> "undecided: " + reason;
        };
    }
}
