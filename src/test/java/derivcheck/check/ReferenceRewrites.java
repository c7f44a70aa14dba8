package derivcheck.check;

import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Transpose;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Seeded rewrites and slips of any reference expression (a derived result), for
 * {@link AnswersUpToAlgebraPropertyTest}. judge/EqualRewrites builds its own references from its
 * term records (coefficient * factor * (n1 + n2) / den) and rewrites those records, so it cannot
 * rewrite a result derive found; these act on the expression tree instead, one node at a time.
 * A rewrite keeps the value (reordering sums and scalar factors, distributing a product over a
 * sum, splitting a fraction over its numerator, moving a sign into a sum, taking a factor out);
 * a slip does not (a flipped sign, a factor 2 or 1/2, a dropped term, a transposed product).
 */
final class ReferenceRewrites {
    private ReferenceRewrites() {}

    static final String[] REWRITES = {"reorder", "distribute", "split fraction", "sign move", "factor out"};
    static final String[] SLIPS = {"sign", "factor", "dropped term", "transposed"};

    /** {@code steps} random value-keeping rewrites of {@code e} (each a no-op where it finds no place). */
    static Expr rewrite(Expr e, Random r, int steps) {
        Expr out = e;
        for (int i = 0; i < steps; i++) out = rewriteOnce(out, r, r.nextInt(REWRITES.length));
        return out;
    }

    static Expr rewriteOnce(Expr e, Random r, int kind) {
        return switch (kind) {
            case 0 -> Exprs.transform(e, x -> reorder(x, r));
            case 1 -> at(e, r, x -> x instanceof Mul m && addFactor(m) >= 0, x -> distribute((Mul) x));
            case 2 -> at(e, r, x -> x instanceof Mul m && addFactor(m) >= 0 && m.factors().stream().anyMatch(ReferenceRewrites::reciprocal),
                    x -> distribute((Mul) x));
            case 3 -> at(e, r, x -> x instanceof Mul m && addFactor(m) >= 0, x -> signMoved((Mul) x));
            default -> factorOut(e, r);
        };
    }

    /** The terms of each sum shuffled; the scalar factors of a product moved to the front in shuffled order. */
    private static Expr reorder(Expr x, Random r) {
        if (x instanceof Add a) {
            List<Expr> t = new ArrayList<>();
            for (Expr k : a.terms()) t.add(Exprs.transform(k, y -> reorder(y, r)));
            Collections.shuffle(t, r);
            return new Add(t, a.pos());
        }
        if (x instanceof Mul m) {
            List<Expr> scalars = new ArrayList<>(), rest = new ArrayList<>();
            for (Expr k : m.factors()) (k.isScalar() ? scalars : rest).add(Exprs.transform(k, y -> reorder(y, r)));
            Collections.shuffle(scalars, r);
            scalars.addAll(rest);
            return new Mul(scalars, m.pos());
        }
        return null;
    }

    private static boolean reciprocal(Expr f) {
        return f instanceof Pow p && p.exponent() instanceof Num n && n.value().signum() < 0;
    }

    private static int addFactor(Mul m) {
        for (int i = 0; i < m.factors().size(); i++) if (m.factors().get(i) instanceof Add) return i;
        return -1;
    }

    /** f1 * (t1 + t2) * f2 = f1 * t1 * f2 + f1 * t2 * f2 (the order of the factors kept). */
    private static Expr distribute(Mul m) {
        int i = addFactor(m);
        List<Expr> terms = new ArrayList<>();
        for (Expr t : ((Add) m.factors().get(i)).terms()) {
            List<Expr> f = new ArrayList<>(m.factors());
            f.set(i, t);
            terms.add(Exprs.mul(f, Pos.NONE));
        }
        return Exprs.add(terms, Pos.NONE);
    }

    /** c * (t1 + t2) * f = (-c) * (-t1 - t2) * f. */
    private static Expr signMoved(Mul m) {
        int i = addFactor(m);
        List<Expr> neg = new ArrayList<>();
        for (Expr t : ((Add) m.factors().get(i)).terms()) neg.add(Exprs.neg(t));
        List<Expr> f = new ArrayList<>(m.factors());
        f.set(i, new Add(neg, Pos.NONE));
        f.add(0, Num.MINUS_ONE);
        return Exprs.mul(f, Pos.NONE);
    }

    /** A sum t1 + t2 written k * (t1/k + t2/k) with k = -1, 2 or 1/3 (the whole expression when it is not a sum). */
    private static Expr factorOut(Expr e, Random r) {
        Num k = switch (r.nextInt(3)) { case 0 -> Num.MINUS_ONE; case 1 -> Num.of(2); default -> Num.of(1, 3); };
        Num inv = new Num(k.value().inverse(), Pos.NONE);
        return at(e, r, x -> x instanceof Add, x -> {
            List<Expr> t = new ArrayList<>();
            for (Expr y : ((Add) x).terms()) t.add(Exprs.mul(inv, y));
            return new Mul(List.of(k, new Add(t, Pos.NONE)), Pos.NONE);
        });
    }

    /** Replaces one random node satisfying {@code where} (by identity) with {@code how} of it; the expression itself when there is none. */
    static Expr at(Expr e, Random r, Predicate<Expr> where, java.util.function.Function<Expr, Expr> how) {
        List<Expr> found = new ArrayList<>();
        Exprs.anyNode(e, x -> { if (where.test(x)) found.add(x); return false; });
        if (found.isEmpty()) return e;
        Expr pick = found.get(r.nextInt(found.size()));
        return Exprs.transform(e, x -> x == pick ? how.apply(x) : null);
    }

    /** A slip of kind {@code kind} (index into {@link #SLIPS}), or empty when the reference has no place for it. */
    static Optional<Expr> slip(Expr ref, Random r, int kind) {
        switch (kind) {
            case 0: return Optional.of(Exprs.neg(ref));
            case 1: return Optional.of(Exprs.mul(r.nextBoolean() ? Num.of(2) : Num.of(1, 2), ref));
            case 2: {
                if (!(ref instanceof Add a)) return Optional.empty();
                List<Expr> t = new ArrayList<>(a.terms());
                t.remove(r.nextInt(t.size()));
                return Optional.of(Exprs.add(t, Pos.NONE));
            }
            default: return transposed(ref, r);
        }
    }

    /**
     * A product with one non-scalar factor transposed (A*u for A'*u, W'^k for W^k) where the result
     * keeps the shape, or two non-scalar factors swapped (B*A for A*B).
     */
    static Optional<Expr> transposed(Expr ref, Random r) {
        List<Expr> candidates = transposedAll(ref);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(r.nextInt(candidates.size())));
    }

    /** Every transposed-product candidate of {@link #transposed}. */
    static List<Expr> transposedAll(Expr ref) {
        List<Expr> candidates = new ArrayList<>();
        Exprs.anyNode(ref, x -> {
            if (x instanceof Mul m && m.factors().stream().filter(f -> !f.isScalar()).count() >= 2) {
                for (int i = 0; i < m.factors().size(); i++) {
                    Expr f = m.factors().get(i);
                    if (f.isScalar()) continue;
                    List<Expr> g = new ArrayList<>(m.factors());
                    g.set(i, flip(f));
                    typed(() -> new Mul(g, Pos.NONE), m).ifPresent(y -> candidates.add(Exprs.transform(ref, z -> z == x ? y : null)));
                    for (int j = i + 1; j < m.factors().size(); j++) {
                        if (m.factors().get(j).isScalar()) continue;
                        List<Expr> h = new ArrayList<>(m.factors());
                        Collections.swap(h, i, j);
                        typed(() -> new Mul(h, Pos.NONE), m).ifPresent(y -> candidates.add(Exprs.transform(ref, z -> z == x ? y : null)));
                        break;
                    }
                }
            }
            return false;
        });
        return candidates;
    }

    /** f' (the base of a transpose, or the transpose of a power's base). */
    static Expr flip(Expr f) {
        if (f instanceof Transpose t) return t.arg();
        if (f instanceof Pow p && !p.base().isScalar()) return new Pow(flip(p.base()), p.exponent(), Pos.NONE);
        return new Transpose(f, Pos.NONE);
    }

    private static Optional<Expr> typed(java.util.function.Supplier<Expr> make, Expr like) {
        try {
            Expr candidate = make.get();
            return candidate.shape().equals(like.shape()) && !candidate.equals(like) ? Optional.of(candidate) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
