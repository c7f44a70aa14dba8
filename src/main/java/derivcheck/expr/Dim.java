package derivcheck.expr;

import java.util.Map;
import java.util.TreeMap;

/**
 * A symbolic size: an affine combination of dimension names plus a constant, e.g. {@code N-2}.
 * Affine is enough for every size the seeds use and makes equality decidable.
 */
public record Dim(Map<String, Integer> terms, int constant) {
    public static final Dim ONE = new Dim(Map.of(), 1);

    public Dim {
        TreeMap<String, Integer> clean = new TreeMap<>();
        terms.forEach((k, v) -> { if (v != 0) clean.put(k, v); });
        terms = Map.copyOf(clean);
    }

    public static Dim of(String name) { return new Dim(Map.of(name, 1), 0); }
    public static Dim of(int constant) { return new Dim(Map.of(), constant); }

    public Dim plus(Dim o) {
        TreeMap<String, Integer> t = new TreeMap<>(terms);
        o.terms.forEach((k, v) -> t.merge(k, v, Integer::sum));
        return new Dim(t, constant + o.constant);
    }

    public Dim times(int k) {
        TreeMap<String, Integer> t = new TreeMap<>();
        terms.forEach((n, v) -> t.put(n, v * k));
        return new Dim(t, constant * k);
    }

    public boolean isConstant() { return terms.isEmpty(); }

    /** The value at concrete sizes. */
    public int evaluate(Map<String, Integer> sizes) {
        int v = constant;
        for (var e : terms.entrySet()) {
            Integer s = sizes.get(e.getKey());
            if (s == null) throw new IllegalArgumentException("no size for dimension " + e.getKey());
            v += e.getValue() * s;
        }
        return v;
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder();
        for (var e : new TreeMap<>(terms).entrySet()) {
            int c = e.getValue();
            if (b.length() > 0) b.append(c < 0 ? "-" : "+"); else if (c < 0) b.append("-");
            if (Math.abs(c) != 1) b.append(Math.abs(c)).append('*');
            b.append(e.getKey());
        }
        if (constant != 0 || b.length() == 0) {
            if (b.length() > 0) b.append(constant < 0 ? "-" : "+").append(Math.abs(constant));
            else b.append(constant);
        }
        return b.toString();
    }
}
