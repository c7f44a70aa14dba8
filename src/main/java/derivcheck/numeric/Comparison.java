package derivcheck.numeric;

/**
 * How far an actual value is from an expected one, entry by entry.
 *
 * @param maxAbs    max |e_i - a_i|
 * @param maxRel    max |e_i - a_i| / max(|e_i|, |a_i|) (0 where both are 0)
 * @param maxScaled max |e_i - a_i| / max(1, |e_i|, |a_i|): relative for large entries, absolute
 *                  for small ones; the number {@link #within} tests
 * @param worst     the (row-major) entry with the largest scaled error, -1 if there are no entries
 * A NaN or infinite entry (where the other side differs) counts as an infinite error.
 */
public record Comparison(double maxAbs, double maxRel, double maxScaled, int worst) {

    /** True when every entry agrees to {@code tol} relative to max(1, |e|, |a|). */
    public boolean within(double tol) { return maxScaled <= tol; }

    public static Comparison of(Value expected, Value actual) {
        if (expected.size() != actual.size() || expected.isReal() != actual.isReal()) {
            throw new IllegalArgumentException("cannot compare a " + expected.describe() + " with a " + actual.describe());
        }
        return of(expected.flatten(), actual.flatten());
    }

    public static Comparison of(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("cannot compare " + expected.length + " entries with " + actual.length);
        }
        double abs = 0, rel = 0, scaled = 0;
        int worst = expected.length == 0 ? -1 : 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            double d, r, s;
            if (e == a) {
                d = r = s = 0; // also equal infinities
            } else if (!Double.isFinite(e) || !Double.isFinite(a)) {
                d = r = s = Double.POSITIVE_INFINITY;
            } else {
                d = Math.abs(e - a);
                double m = Math.max(Math.abs(e), Math.abs(a));
                r = d / m;
                s = d / Math.max(1.0, m);
            }
            abs = Math.max(abs, d);
            rel = Math.max(rel, r);
            if (s > scaled) {
                scaled = s;
                worst = i;
            }
        }
        return new Comparison(abs, rel, scaled, worst);
    }
}
