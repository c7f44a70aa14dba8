package derivcheck.numeric;

/**
 * A real interval with open or closed ends; an infinite end is always open.
 * {@link Rng#in(Interval)} draws from it.
 */
public record Interval(double lo, double hi, boolean loOpen, boolean hiOpen) {
    public static final Interval REAL = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true, true);
    public static final Interval POSITIVE = open(0, Double.POSITIVE_INFINITY);
    public static final Interval NEGATIVE = open(Double.NEGATIVE_INFINITY, 0);
    public static final Interval NONNEGATIVE = new Interval(0, Double.POSITIVE_INFINITY, false, true);
    public static final Interval UNIT_OPEN = open(0, 1);

    public Interval {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi || (lo == hi && (loOpen || hiOpen))) {
            throw new IllegalArgumentException("empty interval " + describe(lo, hi, loOpen, hiOpen));
        }
        if (Double.isInfinite(lo)) loOpen = true;
        if (Double.isInfinite(hi)) hiOpen = true;
    }

    public static Interval open(double lo, double hi) { return new Interval(lo, hi, true, true); }
    public static Interval closed(double lo, double hi) { return new Interval(lo, hi, false, false); }
    public static Interval above(double lo) { return open(lo, Double.POSITIVE_INFINITY); }
    public static Interval below(double hi) { return open(Double.NEGATIVE_INFINITY, hi); }

    public boolean contains(double x) {
        return (loOpen ? x > lo : x >= lo) && (hiOpen ? x < hi : x <= hi);
    }

    public boolean bounded() { return Double.isFinite(lo) && Double.isFinite(hi); }

    @Override public String toString() { return describe(lo, hi, loOpen, hiOpen); }

    private static String describe(double lo, double hi, boolean lo0, boolean hi0) {
        return (lo0 ? "(" : "[") + lo + ", " + hi + (hi0 ? ")" : "]");
    }
}
