package derivcheck.engine.cohort;

import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a student might write for a target whose right value is V, built from V's structure
 * alone (no problem is named here). Rewrites are equal to V by an algebraic law that holds for
 * every value (commutativity of + and of scalar factors, distributivity); slips differ from V by
 * a nonzero multiple of one of V's own terms (a term's sign flipped, a term dropped, V doubled),
 * so they are wrong wherever that term is not zero, which holds for a tidy authored value.
 */
final class Variants {
    private Variants() {}

    /** Rewrites equal to V, by name; the first is V as authored. */
    static Map<String, Expr> rewrites(Expr v) {
        Map<String, Expr> out = new LinkedHashMap<>();
        out.put("as-authored", v);
        put(out, "terms-reversed", Exprs.transform(v, x -> x instanceof Add a ? new Add(reversed(a.terms()), a.pos()) : null), v);
        put(out, "scalars-first", Exprs.transform(v, Variants::scalarsLast), v);
        distributed(v).ifPresent(d -> put(out, "distributed", d, v));
        return out;
    }

    /** Slips (each differs from V), by name. */
    static Map<String, Expr> slips(Expr v) {
        Map<String, Expr> out = new LinkedHashMap<>();
        firstSum(v).ifPresent(a -> {
            List<Expr> flipped = new ArrayList<>(a.terms());
            int last = flipped.size() - 1;
            flipped.set(last, Exprs.neg(flipped.get(last)));
            out.put("sign-slip", Exprs.substitute(v, a, new Add(flipped, a.pos())));
            List<Expr> dropped = new ArrayList<>(a.terms().subList(1, a.terms().size()));
            out.put("dropped-term", Exprs.substitute(v, a, dropped.size() == 1 ? dropped.get(0) : new Add(dropped, a.pos())));
        });
        out.put("doubled", new Mul(List.of(Num.of(2), v), Pos.NONE));
        return out;
    }

    private static void put(Map<String, Expr> out, String name, Expr e, Expr v) {
        if (!e.equals(v) && !out.containsValue(e)) out.put(name, e);
    }

    private static List<Expr> reversed(List<Expr> l) {
        List<Expr> r = new ArrayList<>(l);
        java.util.Collections.reverse(r);
        return r;
    }

    /** Scalar factors moved behind the others (scalars commute with everything); null when nothing moves. */
    private static Expr scalarsLast(Expr x) {
        if (!(x instanceof Mul m)) return null;
        List<Expr> scalars = new ArrayList<>(), rest = new ArrayList<>();
        for (Expr f : m.factors()) (f.isScalar() && !(f instanceof Num) ? scalars : rest).add(f);
        if (scalars.isEmpty() || rest.isEmpty() && scalars.size() < 2) return null;
        List<Expr> order = new ArrayList<>(rest);
        order.addAll(reversed(scalars));
        return order.equals(m.factors()) ? null : new Mul(order, m.pos());
    }

    /** (a + b)·c as a·c + b·c at the top (the factor order kept, so matrix products stay right). */
    private static Optional<Expr> distributed(Expr v) {
        if (!(v instanceof Mul m)) return Optional.empty();
        for (int i = 0; i < m.factors().size(); i++) {
            if (m.factors().get(i) instanceof Add a) {
                List<Expr> terms = new ArrayList<>();
                for (Expr t : a.terms()) {
                    List<Expr> f = new ArrayList<>(m.factors());
                    f.set(i, t);
                    terms.add(new Mul(f, Pos.NONE));
                }
                return Optional.of(new Add(terms, Pos.NONE));
            }
        }
        return Optional.empty();
    }

    /** The first sum of two or more terms, outside-in. */
    private static Optional<Add> firstSum(Expr v) {
        if (v instanceof Add a && a.terms().size() >= 2) return Optional.of(a);
        for (Expr c : v.children()) {
            Optional<Add> r = firstSum(c);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }
}
