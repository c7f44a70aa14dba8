package derivcheck.model;

import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import java.util.List;

/** A dimension name with optional bounds such as {@code N >= 3}. */
public record DimDecl(Sym sym, List<Relation> bounds) {
    public DimDecl { bounds = List.copyOf(bounds); }

    /** The smallest size the bounds allow (at least 1). */
    public int minimum() {
        int min = 1;
        for (Relation r : bounds) {
            if (r.rhs() instanceof derivcheck.expr.Num n && n.value().isInteger()) {
                int v = n.value().num().intValueExact();
                switch (r.op()) {
                    case GE -> min = Math.max(min, v);
                    case GT -> min = Math.max(min, v + 1);
                    case EQ -> min = Math.max(min, v);
                    default -> { }
                }
            }
        }
        return min;
    }

    /**
     * The smallest size the bounds allow given the sizes already drawn, for a relation between
     * dimensions ({@code n >= d}, {@code m > r + 1}); a bound naming an undrawn size is skipped.
     */
    public int minimum(java.util.Map<String, Integer> known) {
        int min = 1;
        for (Relation r : bounds) {
            java.util.Optional<Integer> v = value(r.rhs(), known);
            if (v.isEmpty()) continue;
            switch (r.op()) {
                case GE, EQ -> min = Math.max(min, v.get());
                case GT -> min = Math.max(min, v.get() + 1);
                default -> { }
            }
        }
        return min;
    }

    /** An integer size expression (dims, integers, +, integer *) at known sizes; empty otherwise. */
    private static java.util.Optional<Integer> value(derivcheck.expr.Expr e, java.util.Map<String, Integer> known) {
        if (e instanceof derivcheck.expr.Num n && n.value().isInteger()) return java.util.Optional.of(n.value().num().intValueExact());
        if (e instanceof Sym s) return java.util.Optional.ofNullable(known.get(s.name()));
        if (e instanceof derivcheck.expr.Add a) {
            int sum = 0;
            for (derivcheck.expr.Expr t : a.terms()) {
                java.util.Optional<Integer> v = value(t, known);
                if (v.isEmpty()) return v;
                sum += v.get();
            }
            return java.util.Optional.of(sum);
        }
        if (e instanceof derivcheck.expr.Mul m) {
            int prod = 1;
            for (derivcheck.expr.Expr t : m.factors()) {
                java.util.Optional<Integer> v = value(t, known);
                if (v.isEmpty()) return v;
                prod *= v.get();
            }
            return java.util.Optional.of(prod);
        }
        return java.util.Optional.empty();
    }
}
