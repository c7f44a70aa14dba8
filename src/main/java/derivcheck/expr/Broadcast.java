package derivcheck.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scalar broadcast of a sum (docs/spec-language.md, "Expressions"): in a sum whose terms are
 * vectors of R^n, a scalar term t means t times the all-ones vector, so {@code abs(a) - eps*lambda}
 * is {@code abs(a) - eps*lambda*ones(n)}, entry by entry |a_i| - eps*lambda. {@link Add} stores the
 * broadcast term as {@code t*ones(n)}; every stage (calculus, CAS bridge, compiler, judge) then sees
 * terms of one shape and only needs to know {@link Ones}. The printers write a broadcast term as
 * the bare scalar again, as a sheet does ({@link #printed}).
 */
public final class Broadcast {
    private Broadcast() {}

    /**
     * The terms of a sum with every scalar term beside a vector term written {@code t*ones(n)}.
     * Sums of scalars, sums with a matrix and sums mixing vector sizes come back as they are (the
     * shape check reports the mismatch).
     */
    static List<Expr> terms(List<Expr> terms) {
        Dim n = null;
        boolean scalar = false;
        for (Expr t : terms) {
            if (t.shape().isMatrix()) return terms;
            if (t.shape() instanceof Shape.Vector v && n == null) n = v.n();
            if (t.isScalar()) scalar = true;
        }
        if (n == null || !scalar) return terms;
        List<Expr> out = new ArrayList<>(terms.size());
        for (Expr t : terms) out.add(t.isScalar() ? times(t, n) : t);
        return List.copyOf(out);
    }

    /** {@code t*ones(n)}, the factors of a product of scalars flattened. */
    public static Expr times(Expr t, Dim n) {
        if (t instanceof Num one && one.value().isOne()) return new Ones(n, t.pos());
        boolean flat = t instanceof Mul m && m.factors().stream().allMatch(Expr::isScalar);
        List<Expr> factors = new ArrayList<>(flat ? ((Mul) t).factors() : List.of(t));
        factors.add(new Ones(n, t.pos()));
        return new Mul(factors, t.pos());
    }

    /** The scalar t of a term {@code t*ones(n)} (scalar factors, then ones last), else empty. */
    public static Optional<Expr> scalar(Expr term) {
        if (term instanceof Ones) return Optional.of(Num.ONE);
        if (!(term instanceof Mul m) || !(m.factors().get(m.factors().size() - 1) instanceof Ones)) return Optional.empty();
        List<Expr> rest = m.factors().subList(0, m.factors().size() - 1);
        for (Expr f : rest) if (!f.isScalar()) return Optional.empty();
        return Optional.of(rest.size() == 1 ? rest.get(0) : new Mul(rest, m.pos()));
    }

    /**
     * The terms of a sum as a printer writes them: a broadcast term as its bare scalar when some
     * other term is a vector that is not broadcast (so the text reads back as the same sum); all
     * terms as they are otherwise ({@code 2*ones(n) + 3*ones(n)}).
     */
    public static List<Expr> printed(Add a) {
        if (!(a.shape() instanceof Shape.Vector)) return a.terms();
        boolean plain = a.terms().stream().anyMatch(t -> scalar(t).isEmpty());
        if (!plain) return a.terms();
        List<Expr> out = new ArrayList<>();
        for (Expr t : a.terms()) out.add(scalar(t).orElse(t));
        return out;
    }
}
