package derivcheck.derive.backprop;

import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.DimDecl;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An integer index expression that is affine in symbols: {@code c + Σ a_s·s} with integer
 * coefficients, such as {@code j - 2} or {@code N - 1}. Index ranges, Iverson conditions and case
 * boundaries of backprop results are compared in this form: the order of two boundaries is
 * decided when their difference has one sign for every size the problem allows (each dimension
 * at least its declared minimum, unbounded above).
 */
public record IndexAffine(Map<String, Long> coefficients, long constant, Map<String, SymKind> kinds) {
    public IndexAffine {
        TreeMap<String, Long> clean = new TreeMap<>();
        coefficients.forEach((k, v) -> { if (v != 0) clean.put(k, v); });
        coefficients = java.util.Collections.unmodifiableMap(clean);
        kinds = Map.copyOf(kinds);
    }

    public static IndexAffine constant(long c) { return new IndexAffine(Map.of(), c, Map.of()); }

    public static Optional<IndexAffine> of(Expr e) {
        if (e instanceof Num n) {
            if (!n.value().isInteger() || n.value().num().bitLength() > 40) return Optional.empty();
            return Optional.of(constant(n.value().num().longValue()));
        }
        if (e instanceof Sym s && s.isScalar() && (s.kind() == SymKind.DIM || s.kind() == SymKind.INDEX)) {
            return Optional.of(new IndexAffine(Map.of(s.name(), 1L), 0, Map.of(s.name(), s.kind())));
        }
        if (e instanceof Add a) {
            IndexAffine acc = constant(0);
            for (Expr t : a.terms()) {
                Optional<IndexAffine> x = of(t);
                if (x.isEmpty()) return Optional.empty();
                acc = acc.plus(x.get());
            }
            return Optional.of(acc);
        }
        if (e instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Num c && c.value().isInteger()) {
            Optional<IndexAffine> x = of(m.factors().get(1));
            return x.map(v -> v.times(c.value().num().longValue()));
        }
        return Optional.empty();
    }

    public IndexAffine plus(IndexAffine o) {
        TreeMap<String, Long> t = new TreeMap<>(coefficients);
        o.coefficients.forEach((k, v) -> t.merge(k, v, Long::sum));
        java.util.HashMap<String, SymKind> k = new java.util.HashMap<>(kinds);
        k.putAll(o.kinds);
        return new IndexAffine(t, constant + o.constant, k);
    }

    public IndexAffine plus(long c) { return new IndexAffine(coefficients, constant + c, kinds); }

    public IndexAffine times(long k) {
        TreeMap<String, Long> t = new TreeMap<>();
        coefficients.forEach((n, v) -> t.put(n, v * k));
        return new IndexAffine(t, constant * k, kinds);
    }

    public IndexAffine minus(IndexAffine o) { return plus(o.times(-1)); }

    public long coefficient(String name) { return coefficients.getOrDefault(name, 0L); }

    /** This without the term in {@code name}. */
    public IndexAffine without(String name) {
        TreeMap<String, Long> t = new TreeMap<>(coefficients);
        t.remove(name);
        return new IndexAffine(t, constant, kinds);
    }

    public boolean sameAs(IndexAffine o) { return coefficients.equals(o.coefficients) && constant == o.constant; }

    public Expr toExpr() {
        List<Expr> terms = new ArrayList<>();
        for (var e : coefficients.entrySet()) {
            Sym s = new Sym(e.getKey(), Shape.SCALAR, kinds.getOrDefault(e.getKey(), SymKind.DIM), Pos.NONE);
            terms.add(e.getValue() == 1 ? s : Exprs.mul(Num.of(e.getValue()), s));
        }
        if (constant != 0 || terms.isEmpty()) terms.add(Num.of(constant));
        return Exprs.add(terms, Pos.NONE);
    }

    /** Sign of this for every allowed size: 1 (≥ 1), 0 (always 0), -1 (≤ -1), or empty (depends). */
    Optional<Integer> sign(Map<String, Integer> minimum) {
        if (coefficients.isEmpty()) return Optional.of(Long.signum(constant));
        boolean allPos = true, allNeg = true;
        long atMin = constant;
        for (var e : coefficients.entrySet()) {
            if (kinds.getOrDefault(e.getKey(), SymKind.DIM) != SymKind.DIM) return Optional.empty();
            long v = e.getValue();
            if (v > 0) allNeg = false;
            if (v < 0) allPos = false;
            atMin += v * minimum.getOrDefault(e.getKey(), 1);
        }
        if (allPos && atMin > 0) return Optional.of(1);
        if (allNeg && atMin < 0) return Optional.of(-1);
        return Optional.empty();
    }

    /** Is this ≥ 0 for every allowed size? (empty: not decided) */
    public Optional<Boolean> nonNegative(Map<String, Integer> minimum) {
        // integer-valued: this ≥ 0 ⇔ this + 1 ≥ 1, and this < 0 ⇔ this ≤ -1
        if (plus(1).sign(minimum).equals(Optional.of(1))) return Optional.of(true);
        if (sign(minimum).equals(Optional.of(-1))) return Optional.of(false);
        return Optional.empty();
    }

    /** The smallest value of each dimension the problem allows. */
    public static Map<String, Integer> minimums(Problem p) {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (DimDecl d : p.dims()) m.put(d.sym().name(), d.minimum());
        return m;
    }

    @Override public String toString() { return derivcheck.expr.TextPrinter.print(toExpr()); }
}
