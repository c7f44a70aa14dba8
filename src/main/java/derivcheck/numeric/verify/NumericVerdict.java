package derivcheck.numeric.verify;

import derivcheck.numeric.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one numeric check, independent of any derivation.
 *
 * @param verdict        verified (every usable sample agreed), failed (a counterexample), undecided (why)
 * @param check          which check ran: "optimization", "optimal-value", "at-optimizer", "pointwise",
 *                       "finite-difference", "monte-carlo", "condition", "solve", or "none"
 * @param samples        samples that agreed (verified) or were tried up to the counterexample (failed)
 * @param maxAbsError    the largest absolute error over the agreeing samples (for optimization
 *                       checks: the objective gap; for Monte Carlo: the largest |estimate - claim|)
 * @param maxRelError    the largest error by the measure the decision used, the figure held to the
 *                       check's tolerance ({@link NumericVerifier#tolerance}): for pointwise checks
 *                       relative to the compared values, or to their terms' size where the target is
 *                       near 0 (floored at 1 with finite differences); for optimization the objective
 *                       gap over max(1, |objective|); for solve the residual over the equation's terms
 * @param seed           the seed the draws came from
 * @param counterexample for a failure: where and by how much
 * @param reason         a sentence for people: what was compared, or why nothing could be
 */
public record NumericVerdict(Kind verdict, String check, int samples, double maxAbsError, double maxRelError,
                             long seed, Optional<Counterexample> counterexample, String reason) {
    public enum Kind {
        VERIFIED, FAILED, UNDECIDED;

        public String word() { return name().toLowerCase(); }
    }

    /**
     * A concrete disproof.
     *
     * @param sizes     the dimension sizes
     * @param values    every value drawn (givens, free unknowns, one draw of each random), in order
     * @param functions how the declared functions were implemented, e.g. "rho(t) = 0.3*t^2 + ..."
     * @param index     the index of an entrywise claim where it failed, if any
     * @param lhs       the left side there (for optimization: the candidate's objective value, ...)
     * @param rhs       the right side there (for optimization: the numeric optimum, ...)
     * @param note      what went wrong, in words
     * @param extra     further values that explain it (e.g. the numeric minimizer)
     */
    public record Counterexample(Map<String, Integer> sizes, Map<String, Value> values, List<String> functions,
                                 Optional<Integer> index, Value lhs, Value rhs, String note, Map<String, Value> extra) {
        public Counterexample {
            sizes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
            functions = List.copyOf(functions);
        }

        /**
         * Plain Java data (maps, lists, numbers, strings) for a JSON writer. A vector or matrix is listed up to
         * {@link derivcheck.limits.InputLimits#MAX_LISTED_ENTRIES} entries, as in the text report; the entries
         * left out are counted under {@code omitted_entries}, by the value's name ("x", "lhs", "extra.x_star").
         */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Long> omitted = new LinkedHashMap<>();
            m.put("sizes", new LinkedHashMap<>(sizes));
            Map<String, Object> v = new LinkedHashMap<>();
            values.forEach((k, x) -> v.put(k, listed(k, x, omitted)));
            m.put("values", v);
            if (!functions.isEmpty()) m.put("functions", functions);
            index.ifPresent(i -> m.put("index", i));
            m.put("lhs", listed("lhs", lhs, omitted));
            m.put("rhs", listed("rhs", rhs, omitted));
            m.put("note", note);
            if (!extra.isEmpty()) {
                Map<String, Object> e = new LinkedHashMap<>();
                extra.forEach((k, x) -> e.put(k, listed("extra." + k, x, omitted)));
                m.put("extra", e);
            }
            if (!omitted.isEmpty()) m.put("omitted_entries", omitted);
            return m;
        }

        private static Object listed(String name, Value x, Map<String, Long> omitted) {
            long left = entries(x) - derivcheck.limits.InputLimits.MAX_LISTED_ENTRIES;
            if (left > 0) omitted.put(name, left);
            return plain(x);
        }

        @Override public String toString() {
            StringBuilder b = new StringBuilder();
            b.append("sizes ").append(sizes);
            values.forEach((k, x) -> b.append(", ").append(k).append(" = ").append(text(x)));
            for (String f : functions) b.append(", ").append(f);
            index.ifPresent(i -> b.append("; at index ").append(i));
            b.append("; lhs = ").append(text(lhs)).append(", rhs = ").append(text(rhs));
            extra.forEach((k, x) -> b.append(", ").append(k).append(" = ").append(text(x)));
            b.append(" (").append(note).append(")");
            return b.toString();
        }
    }

    public static NumericVerdict undecided(String check, long seed, String why) {
        return new NumericVerdict(Kind.UNDECIDED, check, 0, Double.NaN, Double.NaN, seed, Optional.empty(), why);
    }

    public boolean verified() { return verdict == Kind.VERIFIED; }
    public boolean failed() { return verdict == Kind.FAILED; }
    public boolean undecided() { return verdict == Kind.UNDECIDED; }

    /** Plain Java data for a JSON writer: verdict, check, samples, max_abs_error, max_rel_error, seed, counterexample, reason. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", verdict.word());
        m.put("check", check);
        m.put("samples", samples);
        m.put("max_abs_error", finiteOrNull(maxAbsError));
        m.put("max_rel_error", finiteOrNull(maxRelError));
        m.put("seed", seed);
        m.put("counterexample", counterexample.map(Counterexample::toMap).orElse(null));
        m.put("reason", reason);
        return m;
    }

    private static Double finiteOrNull(double d) { return Double.isFinite(d) ? d : null; }

    /**
     * "verified (CHECK, N samples, error E <= TOL, seed S)": the figure the decision used beside its
     * tolerance; a figure above the tolerance (a judge's re-check held to its own) is not printed beside
     * "verified"; Monte Carlo and condition checks have no single figure.
     */
    public String verifiedLine() {
        StringBuilder b = new StringBuilder("verified (").append(check).append(", ").append(samples).append(" sample(s)");
        double tol = NumericVerifier.tolerance(check);
        if (check.equals("monte-carlo")) b.append(", every estimate within 5 standard errors");
        else if (check.equals("condition")) b.append(", the condition holds exactly where claimed");
        else if (Double.isFinite(maxRelError) && Double.isFinite(tol) && maxRelError <= tol) {
            b.append(", error ").append(sci(maxRelError)).append(" <= ").append(sci(tol));
        } else if (Double.isFinite(tol)) {
            b.append(", each sample within its tolerance of ").append(sci(tol));
        }
        return b.append(", seed ").append(seed).append(')').toString();
    }

    private static String sci(double d) { return String.format(java.util.Locale.ROOT, "%.1e", d); }

    /** A value as JSON data: a number, a list (vector) or a list of rows (matrix), cut after the first listed entries. */
    static Object plain(Value v) {
        if (v == null) return null;
        if (v instanceof Value.Real r) return finiteOrNull(r.value());
        int cap = derivcheck.limits.InputLimits.MAX_LISTED_ENTRIES;
        if (v instanceof Value.Vec vec) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < vec.vector().getDimension() && i < cap; i++) out.add(finiteOrNull(vec.vector().getEntry(i)));
            return out;
        }
        var m = v.asMatrix();
        List<Object> rows = new ArrayList<>();
        int listed = 0;
        // whole rows while they fit, the last one cut short
        for (int i = 0; i < m.getRowDimension() && listed < cap; i++) {
            List<Object> row = new ArrayList<>();
            for (int j = 0; j < m.getColumnDimension() && listed < cap; j++, listed++) row.add(finiteOrNull(m.getEntry(i, j)));
            rows.add(row);
        }
        return rows;
    }

    /** Entries of a value (1 for a number, 0 for none). */
    static long entries(Value v) {
        return v == null ? 0 : (long) v.rows() * v.cols();
    }

    /** A short text form of a value with 6 significant digits. */
    public static String text(Value v) {
        if (v == null) return "?";
        if (v instanceof Value.Real r) return num(r.value());
        int cap = derivcheck.limits.InputLimits.MAX_LISTED_ENTRIES, listed = 0;
        if (v instanceof Value.Vec vec) {
            StringBuilder b = new StringBuilder("[");
            double[] d = vec.flatten();
            for (int i = 0; i < d.length && i < cap; i++) b.append(i > 0 ? ", " : "").append(num(d[i]));
            if (d.length > cap) b.append(", ... (").append(d.length).append(" entries)");
            return b.append("]").toString();
        }
        var m = v.asMatrix();
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < m.getRowDimension() && listed < cap; i++) {
            b.append(i > 0 ? "; " : "");
            for (int j = 0; j < m.getColumnDimension() && listed < cap; j++, listed++) b.append(j > 0 ? ", " : "").append(num(m.getEntry(i, j)));
        }
        long all = (long) m.getRowDimension() * m.getColumnDimension();
        if (all > cap) b.append(" ... (").append(m.getRowDimension()).append(" x ").append(m.getColumnDimension()).append(")");
        return b.append("]").toString();
    }

    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(java.util.Locale.ROOT, "%.6g", d);
    }
}
