package derivcheck.calculus;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Inverse;
import derivcheck.expr.Iverson;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A light, predictable simplifier over our expression model (not a CAS: heavy scalar algebra is
 * Symja's job in package cas). It rewrites bottom-up, pass after pass, until nothing changes
 * (at most {@value #MAX_PASSES} passes). Every rule keeps the value and the shape, and no rule
 * undoes another, so it terminates.
 * <ul>
 * <li>sums: flatten, fold numbers, drop zeros; distribute a number over a sum when that product
 *     is itself a term ({@code 2*(x + y) + 3*x -> 5*x + 2*y}); combine like terms with rational
 *     coefficients, where like terms have identical ordered products (so {@code A*B} and
 *     {@code B*A} stay apart); collect terms whose matrix chains end in the same factor
 *     ({@code A*x + A'*x -> (A + A')*x}), then those whose chains start with the same factor
 *     ({@code X'*u - X'*t -> X'*(u - t)});</li>
 * <li>products: flatten, fold numbers (a zero keeps the product's shape), drop ones; scalar
 *     factors commute, so they go in front in a canonical order and powers of one scalar base
 *     combine ({@code x*x^-1 -> 1}, {@code s^-2*s -> s^-1}); the matrix chain keeps its order,
 *     loses identity matrices and cancels adjacent {@code inv(A)*A};</li>
 * <li>powers: {@code x^1 -> x}, {@code x^0 -> 1}, numbers folded, {@code (x^a)^k -> x^(a*k)}
 *     and {@code (a*b)^k -> a^k*b^k} for scalars and integer k;</li>
 * <li>transposes: {@code (x')' -> x}, {@code (A*B)' -> B'*A'}, {@code (A + B)' -> A' + B'},
 *     {@code I' -> I}, a scalar is its own transpose;</li>
 * <li>inner products: scalar factors move out, {@code <2*a, b> -> 2*<a, b>};</li>
 * <li>indices and tabulated vectors (see {@link Entries}): {@code (sum(i.., e(i)*I[i]))_k ->
 *     e(k)}, {@code (I_n)_{i,j} -> [i = j]}, {@code (u + v)_k -> u_k + v_k},
 *     {@code (c*v)_k -> c*v_k}, {@code f(v)_k -> f(v_k)}; a tabulated {@code c*v_i} or
 *     {@code f(v_i)} becomes {@code c*v} or {@code f(v)} again;</li>
 * <li>index sums: scalar factors free of the index move out, and so do matrix factors free of
 *     it at either end of the chain ({@code sum(i, c*X'*v_i) -> c*X'*sum(i, v_i)}); a body
 *     without the index is multiplied by the count {@code hi - lo + 1} (ranges are assumed not
 *     to be reversed); {@code v'*T} for a tabulated T is {@code sum(i, v_i*T_i)};</li>
 * <li>order: a sum does not start with a minus when it has a positive term
 *     ({@code 1 - s}, not {@code -s + 1}).</li>
 * </ul>
 */
public final class Simplify {
    static final int MAX_PASSES = 64;

    private Simplify() {}

    public static Expr simplify(Expr e) {
        for (int k = 0; k < MAX_PASSES; k++) {
            Expr next = pass(e);
            if (next.equals(e)) return next;
            e = next;
        }
        return e;
    }

    /** One bottom-up pass. */
    static Expr pass(Expr e) {
        List<Expr> kids = e.children();
        Expr self = e;
        if (!kids.isEmpty()) {
            List<Expr> out = new ArrayList<>(kids.size());
            boolean changed = false;
            for (Expr k : kids) {
                Expr t = pass(k);
                changed |= !t.equals(k);
                out.add(t);
            }
            if (changed) self = e.withChildren(out);
        }
        return rule(self);
    }

    private static Expr rule(Expr e) {
        if (e instanceof Add a) return add(a);
        if (e instanceof Mul m) return mul(m);
        if (e instanceof Pow p) return pow(p);
        if (e instanceof Transpose t) return Alg.transpose(t.arg());
        if (e instanceof Inner in) return inner(in);
        if (e instanceof Index ix) return index(ix);
        if (e instanceof Sum s) return sum(s);
        if (e instanceof Iverson iv) return iverson(iv);
        return e;
    }

    /** Scalar factors order: symbols and their powers first, then the rest; ties by printed form. */
    static int rank(Expr e) {
        Expr base = e instanceof Pow p ? p.base() : e;
        return base instanceof Sym || base instanceof derivcheck.expr.Const ? 0 : 1;
    }

    /** The printed form: the canonical order of scalar factors. */
    static String key(Expr e) { return Ascii.print(e); }

    // ------------------------------------------------------------------ sums

    private static Expr add(Add a) {
        List<Expr> terms = new ArrayList<>();
        for (Expr t : a.terms()) {
            if (t instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Num c
                    && m.factors().get(1) instanceof Add inner) {
                for (Expr u : inner.terms()) terms.add(Alg.mul(c, u));
            } else if (t instanceof Add inner) {
                terms.addAll(inner.terms());
            } else {
                terms.add(t);
            }
        }
        Expr zero = null;
        Map<Expr, Rational> like = new LinkedHashMap<>();
        for (Expr t : terms) {
            if (Exprs.isZero(t)) {
                if (zero == null) zero = t;
                continue;
            }
            Rational c = Rational.ONE;
            Expr rest = t;
            if (t instanceof Num n) {
                c = n.value();
                rest = Num.ONE;
            } else if (t instanceof Mul m && m.factors().get(0) instanceof Num n) {
                c = n.value();
                rest = Alg.mul(m.factors().subList(1, m.factors().size()));
            }
            like.merge(rest, c, Rational::plus);
        }
        List<Expr> out = new ArrayList<>();
        like.forEach((rest, c) -> {
            if (!c.isZero()) out.add(Alg.mul(new Num(c, Pos.NONE), rest));
        });
        if (out.isEmpty()) return zero != null ? zero : Alg.zeroLike(a.terms().get(0));
        List<Expr> collected = new ArrayList<>(collectRight(out));
        if (negative(collected.get(0))) {
            for (int k = 1; k < collected.size(); k++) {
                if (!negative(collected.get(k))) {
                    collected.add(0, collected.remove(k));
                    break;
                }
            }
        }
        // built directly: Exprs.add would move a constant term back to the end
        List<Expr> flat = new ArrayList<>();
        for (Expr t : collected) {
            if (t instanceof Add inner) flat.addAll(inner.terms()); else flat.add(t);
        }
        return flat.size() == 1 ? flat.get(0) : new Add(flat, Pos.NONE);
    }

    private static boolean negative(Expr t) {
        if (t instanceof Num n) return n.value().signum() < 0;
        return t instanceof Mul m && m.factors().get(0) instanceof Num n && n.value().signum() < 0;
    }

    /**
     * Groups terms whose matrix chains (two or more factors) end in the same factor, then
     * those that start with the same factor: {@code A*x + A'*x -> (A + A')*x},
     * {@code X'*u - X'*t -> X'*(u - t)}. Each grouping lowers the number of terms.
     */
    private static List<Expr> collectRight(List<Expr> terms) { return collect(collect(terms, true), false); }

    private static List<Expr> collect(List<Expr> terms, boolean right) {
        Map<Expr, List<Integer>> groups = new LinkedHashMap<>();
        for (int k = 0; k < terms.size(); k++) {
            List<Expr> chain = chain(terms.get(k));
            if (chain.size() >= 2) groups.computeIfAbsent(chain.get(right ? chain.size() - 1 : 0), z -> new ArrayList<>()).add(k);
        }
        if (groups.values().stream().noneMatch(g -> g.size() >= 2)) return terms;
        Map<Integer, Expr> replaced = new LinkedHashMap<>();
        List<Integer> dropped = new ArrayList<>();
        for (var entry : groups.entrySet()) {
            List<Integer> g = entry.getValue();
            if (g.size() < 2) continue;
            List<Expr> rests = new ArrayList<>();
            for (int k : g) {
                List<Expr> fs = new ArrayList<>(((Mul) terms.get(k)).factors());
                fs.remove(right ? lastChainPosition(fs) : firstChainPosition(fs));
                rests.add(Alg.mul(fs));
            }
            Expr sum = Alg.add(rests);
            replaced.put(g.get(0), right ? Alg.mul(sum, entry.getKey()) : Alg.mul(entry.getKey(), sum));
            dropped.addAll(g.subList(1, g.size()));
        }
        List<Expr> out = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            if (dropped.contains(k)) continue;
            out.add(replaced.getOrDefault(k, terms.get(k)));
        }
        return out;
    }

    private static int firstChainPosition(List<Expr> fs) {
        for (int k = 0; k < fs.size(); k++) if (!fs.get(k).isScalar()) return k;
        return -1;
    }

    private static int lastChainPosition(List<Expr> fs) {
        for (int k = fs.size() - 1; k >= 0; k--) if (!fs.get(k).isScalar()) return k;
        return -1;
    }

    /** The non-scalar factors of a product, in order (a closed 1x1 product counts as scalar). */
    private static List<Expr> chain(Expr t) {
        List<Expr> out = new ArrayList<>();
        if (t instanceof Mul m) for (Expr f : m.factors()) if (!f.isScalar()) out.add(f);
        return out;
    }

    // ------------------------------------------------------------------ products

    private static Expr mul(Mul m0) {
        Expr flat = Alg.mul(m0.factors());
        if (!(flat instanceof Mul m)) return flat;
        Expr contracted = contractTab(m);
        if (contracted != null) return contracted;
        Rational c = Rational.ONE;
        Map<Expr, List<Expr>> powers = new LinkedHashMap<>();
        List<Expr> chain = new ArrayList<>();
        for (Expr f : m.factors()) {
            if (f instanceof Num n) c = c.times(n.value());
            else if (!f.isScalar()) chain.add(f);
            else if (f instanceof Pow p) powers.computeIfAbsent(p.base(), z -> new ArrayList<>()).add(p.exponent());
            else powers.computeIfAbsent(f, z -> new ArrayList<>()).add(Num.ONE);
        }
        if (c.isZero()) return Alg.mul(m.factors());
        List<Expr> scalars = new ArrayList<>();
        for (var e : powers.entrySet()) {
            Expr exponent = e.getValue().size() == 1 ? e.getValue().get(0) : simplify(Alg.add(e.getValue()));
            Expr p = Alg.pow(e.getKey(), exponent);
            if (p instanceof Num n) c = c.times(n.value());
            else if (p instanceof Mul pm && pm.factors().stream().allMatch(f -> f.isScalar() && !Alg.closedScalar(f))) {
                for (Expr f : pm.factors()) {
                    if (f instanceof Num n) c = c.times(n.value()); else scalars.add(f);
                }
            } else scalars.add(p);
        }
        scalars.sort(Comparator.comparing(Simplify::rank).thenComparing(Simplify::key));
        chain = cleanChain(chain, m.shape());
        List<Expr> all = new ArrayList<>();
        all.add(new Num(c, Pos.NONE));
        all.addAll(scalars);
        all.addAll(chain);
        return Alg.mul(all);
    }

    /**
     * {@code v'*T} and {@code T'*v} for a tabulated vector T = (e(i)) is the scalar
     * {@code sum(i = 1..n, v_i*e(i))}: the entries of T meet those of v one by one.
     */
    private static Expr contractTab(Mul m) {
        if (!m.isScalar()) return null;
        List<Expr> sc = new ArrayList<>(), chain = new ArrayList<>();
        for (Expr f : m.factors()) (f.isScalar() ? sc : chain).add(f);
        if (chain.size() != 2) return null;
        Expr l = chain.get(0), r = chain.get(1);
        Expr v = null;
        Optional<Entries.Tab> tab = Optional.empty();
        if (l instanceof Transpose lt && lt.arg().shape().isVector()) {
            tab = Entries.matchVector(r);
            v = lt.arg();
            if (tab.isEmpty()) {
                tab = Entries.matchVector(lt.arg());
                v = r;
            }
        }
        if (tab.isEmpty() || Exprs.mentions(v, tab.get().index().name())) return null;
        Entries.Tab tb = tab.get();
        sc.add(new Sum(tb.index(), Num.ONE, Alg.dim(tb.n()), Alg.mul(new Index(v, List.of(tb.index()), Pos.NONE), tb.body()), Pos.NONE));
        return Alg.mul(sc);
    }

    /** Drops identity matrices and cancels adjacent inv(A)*A and A*inv(A). */
    private static List<Expr> cleanChain(List<Expr> chain, Shape shape) {
        if (chain.isEmpty()) return chain;
        List<Expr> out = new ArrayList<>();
        Dim lastCancelled = null;
        for (Expr f : chain) {
            if (!out.isEmpty()) {
                Expr prev = out.get(out.size() - 1);
                if ((prev instanceof Inverse pi && pi.arg().equals(f)) || (f instanceof Inverse fi && fi.arg().equals(prev))) {
                    out.remove(out.size() - 1);
                    lastCancelled = f.shape().rows();
                    continue;
                }
            }
            out.add(f);
        }
        List<Expr> noId = new ArrayList<>();
        for (Expr f : out) if (!(f instanceof Identity)) noId.add(f);
        if (!noId.isEmpty()) return noId;
        if (!out.isEmpty()) return List.of(out.get(0));
        Dim n = shape.isScalar() ? lastCancelled : shape.rows();
        return shape.isScalar() ? List.of() : List.of(new Identity(n, Pos.NONE));
    }

    // ------------------------------------------------------------------ powers

    private static Expr pow(Pow p) {
        Expr base = p.base(), k = p.exponent();
        Expr folded = Alg.pow(base, k);
        if (!(folded instanceof Pow)) return folded;
        if (!base.isScalar() || !(k instanceof Num kn) || !kn.value().isInteger()) return folded;
        if (base instanceof Pow inner) {
            Expr a = inner.exponent();
            Expr ak = a instanceof Num an ? new Num(an.value().times(kn.value()), Pos.NONE) : Alg.mul(a, k);
            return Alg.pow(inner.base(), ak);
        }
        if (base instanceof Mul m && !Alg.closedScalar(m)) {
            List<Expr> fs = new ArrayList<>();
            for (Expr f : m.factors()) fs.add(Alg.pow(f, k));
            return Alg.mul(fs);
        }
        return folded;
    }

    // ------------------------------------------------------------------ inner products

    private static Expr inner(Inner in) {
        if (Exprs.isZero(in.left()) || Exprs.isZero(in.right())) return Num.ZERO;
        List<Expr> out = new ArrayList<>();
        Expr l = splitScalars(in.left(), out), r = splitScalars(in.right(), out);
        if (out.isEmpty()) return in;
        out.add(new Inner(l, r, in.pos()));
        return Alg.mul(out);
    }

    /** Moves the scalar factors of a non-scalar product into {@code scalars}; returns the rest. */
    private static Expr splitScalars(Expr e, List<Expr> scalars) {
        if (!(e instanceof Mul m)) return e;
        List<Expr> chain = new ArrayList<>();
        List<Expr> sc = new ArrayList<>();
        for (Expr f : m.factors()) (f.isScalar() ? sc : chain).add(f);
        if (sc.isEmpty() || chain.isEmpty()) return e;
        scalars.addAll(sc);
        return Alg.mul(chain);
    }

    // ------------------------------------------------------------------ indices

    private static Expr index(Index ix) {
        Expr base = ix.base();
        List<Expr> idx = ix.indices();
        if (idx.size() == 1) {
            Optional<Entries.Tab> tab = Entries.matchVector(base);
            if (tab.isPresent()) return Exprs.substitute(tab.get().body(), tab.get().index(), idx.get(0));
            if (base instanceof Index inner && inner.base() instanceof Identity && inner.indices().size() == 1) {
                return equal(inner.indices().get(0), idx.get(0));
            }
        }
        if (base instanceof Identity && idx.size() == 2) return equal(idx.get(0), idx.get(1));
        if (base instanceof derivcheck.expr.Ones && idx.size() == 1) return Num.ONE;
        if (base instanceof Add a) {
            List<Expr> ts = new ArrayList<>();
            for (Expr t : a.terms()) ts.add(new Index(t, idx, Pos.NONE));
            return Alg.add(ts);
        }
        if (base instanceof Mul m && !base.isScalar()) {
            List<Expr> sc = new ArrayList<>(), chain = new ArrayList<>();
            for (Expr f : m.factors()) (f.isScalar() ? sc : chain).add(f);
            if (chain.size() == 1 && !sc.isEmpty()) {
                sc.add(new Index(chain.get(0), idx, Pos.NONE));
                return Alg.mul(sc);
            }
        }
        if (base instanceof Apply ap && ap.fn() instanceof Builtin b && b.entrywise() && ap.args().get(0).shape().equals(base.shape())) {
            return Apply.of(b, new Index(ap.args().get(0), idx, Pos.NONE));
        }
        if (base instanceof Apply ap && ap.fn() instanceof Builtin b && b.entrywiseBinary()) {
            // (x .* y)_i = x_i*y_i, (x ./ y)_i = x_i/y_i; a scalar side is broadcast
            Expr l = ap.args().get(0).isScalar() ? ap.args().get(0) : new Index(ap.args().get(0), idx, Pos.NONE);
            Expr r = ap.args().get(1).isScalar() ? ap.args().get(1) : new Index(ap.args().get(1), idx, Pos.NONE);
            return b == Builtin.HADAMARD ? Alg.mul(l, r) : Alg.mul(l, new derivcheck.expr.Pow(r, Num.MINUS_ONE, Pos.NONE));
        }
        if (base instanceof Apply ap && ap.fn() == Builtin.DIAG && idx.size() == 2) {
            // diag(v)_{ij} = [i = j] v_i
            return Alg.mul(equal(idx.get(0), idx.get(1)), new Index(ap.args().get(0), List.of(idx.get(0)), Pos.NONE));
        }
        return ix;
    }

    /** The Iverson bracket [a = b], folded when both are numbers. */
    private static Expr equal(Expr a, Expr b) {
        if (a.equals(b)) return Num.ONE;
        if (a instanceof Num x && b instanceof Num y) return x.value().equals(y.value()) ? Num.ONE : Num.ZERO;
        return new Iverson(List.of(new Relation(RelOp.EQ, a, b, Pos.NONE)), Pos.NONE);
    }

    /** Folds an Iverson bracket whose conditions are all decided: numbers, or a = a. */
    private static Expr iverson(Iverson iv) {
        boolean allTrue = true;
        for (Relation r : iv.conditions()) {
            if (r.lhs() instanceof Num a && r.rhs() instanceof Num b) {
                int cmp = a.value().compareTo(b.value());
                boolean holds = switch (r.op()) {
                    case EQ -> cmp == 0; case NE -> cmp != 0; case LT -> cmp < 0;
                    case LE -> cmp <= 0; case GT -> cmp > 0; case GE -> cmp >= 0;
                };
                if (!holds) return Num.ZERO;
            } else if (!(r.op() == RelOp.EQ && r.lhs().equals(r.rhs()))) {
                allTrue = false;
            }
        }
        return allTrue ? Num.ONE : iv;
    }

    // ------------------------------------------------------------------ index sums

    private static Expr sum(Sum s) {
        Sym i = s.index();
        Expr body = s.body();
        if (Exprs.isZero(body)) return body;
        if (!Exprs.mentions(body, i.name())) {
            Expr count = simplify(Alg.add(s.hi(), Alg.neg(s.lo()), Num.ONE));
            return Alg.mul(count, body);
        }
        if (body instanceof Mul m) {
            Expr pulled = pullOut(s, m);
            if (pulled != null) return pulled;
        }
        Optional<Entries.Tab> tab = Entries.matchVector(s);
        if (tab.isPresent()) {
            Expr plain = untabulate(tab.get());
            if (plain != null) return plain;
        }
        return s;
    }

    /**
     * Linearity: scalar factors free of the index, and matrix factors free of it at either end
     * of the chain, move out of the sum ({@code sum(i, c*A*v_i) -> c*A*sum(i, v_i)}); null if
     * nothing moves.
     */
    private static Expr pullOut(Sum s, Mul m) {
        String i = s.index().name();
        List<Expr> free = new ArrayList<>(), bound = new ArrayList<>(), chain = new ArrayList<>();
        for (Expr f : m.factors()) {
            if (!f.isScalar()) chain.add(f);
            else (Exprs.mentions(f, i) ? bound : free).add(f);
        }
        int p = 0;
        while (p < chain.size() && !Exprs.mentions(chain.get(p), i)) p++;
        int q = chain.size();
        while (q > p && !Exprs.mentions(chain.get(q - 1), i)) q--;
        if (p == chain.size()) { // the whole chain is free of i: only scalars stay inside
            if (bound.isEmpty() || (free.isEmpty() && chain.isEmpty())) return null;
            List<Expr> out = new ArrayList<>(free);
            out.add(new Sum(s.index(), s.lo(), s.hi(), Alg.mul(bound), s.pos()));
            out.addAll(chain);
            return Alg.mul(out);
        }
        if (free.isEmpty() && p == 0 && q == chain.size()) return null;
        List<Expr> inside = new ArrayList<>(bound);
        inside.addAll(chain.subList(p, q));
        List<Expr> out = new ArrayList<>(free);
        out.addAll(chain.subList(0, p));
        out.add(new Sum(s.index(), s.lo(), s.hi(), Alg.mul(inside), s.pos()));
        out.addAll(chain.subList(q, chain.size()));
        return Alg.mul(out);
    }

    /** The tabulated vector as a plain vector expression, or null. */
    private static Expr untabulate(Entries.Tab t) { return vectorOf(t.body(), t); }

    /**
     * The vector v whose i-th entry is {@code e} (i the tabulation index), or null: v for
     * {@code v_i}; g(v) for {@code g(v_i)} with g entrywise; sums of such; a product of one
     * such factor and scalars free of i; a scalar free of i as that scalar times ones(n) (so a
     * sum v_i - c is the broadcast v - c).
     */
    private static Expr vectorOf(Expr e, Entries.Tab t) {
        String i = t.index().name();
        // an entry free of i is the same in every entry: that scalar times the ones vector
        if (e.isScalar() && !Exprs.mentions(e, i)) return derivcheck.expr.Broadcast.times(e, t.n());
        if (e instanceof Index ix && ix.indices().size() == 1 && ix.indices().get(0) instanceof Sym s
                && s.name().equals(i) && ix.base().shape().equals(new Shape.Vector(t.n()))
                && !Exprs.mentions(ix.base(), i)) {
            return ix.base();
        }
        if (e instanceof Apply ap && ap.fn() instanceof Builtin b && b.entrywise()) {
            Expr inner = vectorOf(ap.args().get(0), t);
            return inner == null ? null : Apply.of(b, inner);
        }
        if (e instanceof Add a) {
            List<Expr> parts = new ArrayList<>();
            for (Expr term : a.terms()) {
                Expr p = vectorOf(term, t);
                if (p == null) return null;
                parts.add(p);
            }
            return Alg.add(parts);
        }
        if (e instanceof Mul m) {
            List<Expr> free = new ArrayList<>(), bound = new ArrayList<>();
            for (Expr f : m.factors()) (Exprs.mentions(f, i) ? bound : free).add(f);
            if (bound.size() != 1 || free.stream().anyMatch(f -> !f.isScalar())) return null;
            Expr p = vectorOf(bound.get(0), t);
            if (p == null) return null;
            free.add(p);
            return Alg.mul(free);
        }
        return null;
    }
}
