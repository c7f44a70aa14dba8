package derivcheck.derive.backprop;

import derivcheck.calculus.Simplify;
import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Iverson;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Index-wise algebra for backpropagation results:
 * <ul>
 * <li>{@link #entry}: entry j of a vector expression, row j of a matrix expression (pushed
 *     through sums, products, index sums; {@code (I_n[i])_j = [i = j]});</li>
 * <li>{@link #collapse}: sums over Iverson brackets collapse,
 *     {@code Σ_{i=lo}^{hi} f(i)·[i + c = j] = f(j − c)·[lo ≤ j − c ≤ hi]};</li>
 * <li>{@link #cases}: a sum of terms guarded by index ranges becomes a case split over
 *     non-overlapping sub-ranges of the index, with exact boundaries.</li>
 * </ul>
 */
public final class Entrywise {
    private Entrywise() {}

    /** Thrown when an expression has no entry rule here. */
    public static final class NoEntry extends RuntimeException {
        NoEntry(String m) { super(m); }
    }

    // ------------------------------------------------------------------ entries

    /**
     * Entry j of a vector (a scalar) or row j of a matrix (a vector). {@code known} resolves a
     * node whose entries are known otherwise (a derived entrywise gradient), or returns null.
     */
    public static Expr entry(Expr e, Expr j, Function<Expr, Function<Expr, Expr>> known) {
        if (e.isScalar()) throw new NoEntry("a scalar has no entries");
        if (known != null) {
            Function<Expr, Expr> k = known.apply(e);
            if (k != null) return k.apply(j);
        }
        if (e instanceof Sym) return new Index(e, List.of(j), Pos.NONE);
        if (e instanceof derivcheck.expr.Ones) return derivcheck.expr.Num.ONE;
        if (e instanceof Add a) {
            List<Expr> ts = new ArrayList<>();
            for (Expr t : a.terms()) ts.add(entry(t, j, known));
            return Exprs.add(ts, Pos.NONE);
        }
        if (e instanceof Sum s) {
            Sym i = s.index();
            Expr body = s.body();
            if (Exprs.mentions(j, i.name())) {
                Sym fresh = freshIndex(i.name(), e, j);
                body = Exprs.substitute(body, i, fresh);
                i = fresh;
            }
            return new Sum(i, s.lo(), s.hi(), entry(body, j, known), Pos.NONE);
        }
        if (e instanceof Index ix && ix.base() instanceof Identity && ix.indices().size() == 1) {
            return new Iverson(List.of(new Relation(RelOp.EQ, ix.indices().get(0), j, Pos.NONE)), Pos.NONE);
        }
        if (e instanceof Index ix && ix.indices().size() == 1 && ix.base().shape().isMatrix()) {
            // row i of a matrix, as a vector: its entry j is W_{i,j}
            return new Index(ix.base(), List.of(ix.indices().get(0), j), Pos.NONE);
        }
        if (e instanceof Identity id) return new Index(id, List.of(j), Pos.NONE);
        if (e instanceof Mul m) {
            List<Expr> sc = new ArrayList<>(), chain = new ArrayList<>();
            for (Expr f : m.factors()) (f.isScalar() ? sc : chain).add(f);
            if (chain.isEmpty()) throw new NoEntry("a scalar product");
            Expr first = chain.get(0);
            List<Expr> rest = chain.subList(1, chain.size());
            List<Expr> out = new ArrayList<>(sc);
            if (first.shape().isVector()) {
                // (u * r)_j = u_j * r; as a row of a matrix u*r (r a row), r' as a column
                out.add(entry(first, j, known));
                if (!rest.isEmpty()) out.add(transposed(Exprs.mul(new ArrayList<>(rest), Pos.NONE)));
                return Exprs.mul(out, Pos.NONE);
            }
            // first is a matrix: row j of first times the rest
            Expr row = entry(first, j, known);
            if (rest.isEmpty()) { out.add(row); return Exprs.mul(out, Pos.NONE); }
            Expr restProd = Exprs.mul(new ArrayList<>(rest), Pos.NONE);
            if (e.shape().isVector()) {
                out.add(new Transpose(row, Pos.NONE));
                out.add(restProd);
            } else {
                out.add(transposed(restProd));
                out.add(row);
            }
            return Exprs.mul(out, Pos.NONE);
        }
        if (e instanceof Transpose t && t.arg().shape() instanceof Shape.Matrix mm && mm.rows().equals(derivcheck.expr.Dim.ONE)) {
            // a row vector transposed is a column vector
            return entryOfRow(t.arg(), j, known);
        }
        if (e instanceof Apply ap && ap.fn() instanceof Builtin b && b.entrywise() && ap.args().get(0).shape().isVector()) {
            return Apply.of(b, entry(ap.args().get(0), j, known));
        }
        if (e instanceof Piecewise pw) {
            List<Piecewise.Arm> arms = new ArrayList<>();
            for (Piecewise.Arm a : pw.arms()) arms.add(new Piecewise.Arm(entry(a.value(), j, known), a.guard()));
            return new Piecewise(arms, Pos.NONE);
        }
        throw new NoEntry("no entry rule for " + derivcheck.expr.TextPrinter.print(e));
    }

    /** Entry j of a 1-by-n row (the transpose of a column). */
    private static Expr entryOfRow(Expr row, Expr j, Function<Expr, Function<Expr, Expr>> known) {
        if (row instanceof Transpose t) return entry(t.arg(), j, known);
        return entry(transposed(row), j, known);
    }

    private static Expr transposed(Expr e) {
        if (e instanceof Transpose t) return t.arg();
        if (e instanceof Mul m) {
            List<Expr> sc = new ArrayList<>(), chain = new ArrayList<>();
            for (Expr f : m.factors()) (f.isScalar() ? sc : chain).add(f);
            List<Expr> out = new ArrayList<>(sc);
            for (int k = chain.size() - 1; k >= 0; k--) out.add(transposed(chain.get(k)));
            return Exprs.mul(out, Pos.NONE);
        }
        if (e instanceof Identity) return e;
        return new Transpose(e, Pos.NONE);
    }

    private static Sym freshIndex(String base, Expr a, Expr b) {
        Set<String> used = new HashSet<>();
        collect(a, used);
        collect(b, used);
        for (int k = 1; ; k++) {
            String n = base + k;
            if (!used.contains(n)) return new Sym(n, Shape.SCALAR, SymKind.INDEX, Pos.NONE);
        }
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Sym s) out.add(s.name());
        if (e instanceof Sum s) out.add(s.index().name());
        for (Expr c : e.children()) collect(c, out);
    }

    // ------------------------------------------------------------------ products of sums

    /** The terms of e with scalar sums multiplied out: each term a list of factors. */
    static List<List<Expr>> terms(Expr e) {
        List<List<Expr>> out = new ArrayList<>();
        if (e instanceof Add a) {
            for (Expr t : a.terms()) out.addAll(terms(t));
            return out;
        }
        if (e instanceof Mul m) {
            out.add(new ArrayList<>());
            for (Expr f : m.factors()) {
                List<List<Expr>> fs = f.isScalar() && f instanceof Add ? terms(f) : List.of(List.of(f));
                List<List<Expr>> next = new ArrayList<>();
                for (List<Expr> left : out) {
                    for (List<Expr> right : fs) {
                        List<Expr> t = new ArrayList<>(left);
                        t.addAll(right);
                        next.add(t);
                    }
                }
                out = next;
                if (out.size() > 256) throw new NoEntry("too many terms");
            }
            return out;
        }
        out.add(List.of(e));
        return out;
    }

    static Expr product(List<Expr> factors) {
        if (factors.isEmpty()) return Num.ONE;
        return Exprs.mul(new ArrayList<>(factors), Pos.NONE);
    }

    // ------------------------------------------------------------------ collapsing Iverson sums

    /** Collapses every index sum over an Iverson bracket that pins the index (bottom-up). */
    public static Expr collapse(Expr e) {
        return Exprs.transform(e, x -> {
            if (!(x instanceof Sum s)) return null;
            Sum inner = new Sum(s.index(), s.lo(), s.hi(), collapse(s.body()), s.pos());
            return collapseOne(inner);
        });
    }

    private static Expr collapseOne(Sum s) {
        Sym i = s.index();
        List<Expr> out = new ArrayList<>();
        List<Expr> remaining = new ArrayList<>();
        for (List<Expr> term : terms(s.body())) {
            Expr done = null;
            for (int k = 0; k < term.size() && done == null; k++) {
                if (!(term.get(k) instanceof Iverson iv)) continue;
                for (int c = 0; c < iv.conditions().size(); c++) {
                    Relation r = iv.conditions().get(c);
                    if (r.op() != RelOp.EQ) continue;
                    Optional<IndexAffine> d = IndexAffine.of(Exprs.sub(r.lhs(), r.rhs()));
                    if (d.isEmpty()) continue;
                    long a = d.get().coefficient(i.name());
                    if (a != 1 && a != -1) continue;
                    // a*i + rest = 0  ->  i = -rest/a
                    Expr sol = d.get().without(i.name()).times(-a).toExpr();
                    List<Expr> rest = new ArrayList<>();
                    for (int q = 0; q < term.size(); q++) {
                        if (q == k) continue;
                        rest.add(Exprs.substitute(term.get(q), i, sol));
                    }
                    List<Relation> conds = new ArrayList<>();
                    for (int q = 0; q < iv.conditions().size(); q++) {
                        if (q == c) continue;
                        Relation o = iv.conditions().get(q);
                        conds.add(new Relation(o.op(), Exprs.substitute(o.lhs(), i, sol), Exprs.substitute(o.rhs(), i, sol), Pos.NONE));
                    }
                    conds.add(new Relation(RelOp.LE, s.lo(), sol, Pos.NONE));
                    conds.add(new Relation(RelOp.LE, sol, s.hi(), Pos.NONE));
                    rest.add(new Iverson(conds, Pos.NONE));
                    done = product(rest);
                    break;
                }
            }
            if (done != null) out.add(done); else remaining.add(product(term));
        }
        if (out.isEmpty()) return s;
        if (!remaining.isEmpty()) out.add(new Sum(i, s.lo(), s.hi(), Exprs.add(remaining, Pos.NONE), Pos.NONE));
        return Exprs.add(out, Pos.NONE);
    }

    // ------------------------------------------------------------------ case split by index range

    /** An index range lo..hi (both included) with a value. */
    record Piece(IndexAffine from, IndexAffine to, Expr value) {}

    /** A boundary order that the problem's bounds do not decide: assumed, and stated. */
    record Split(List<Piece> pieces, List<Relation> assumed) {}

    /**
     * Splits a sum of terms, some guarded by Iverson brackets on the index j (affine bounds),
     * into non-overlapping sub-ranges of lo..hi, each with the sum of the terms active there.
     * Boundaries whose order the dimension bounds do not fix are ordered as for large sizes and
     * that order is returned as an assumption. Empty when a bracket is not an index range.
     */
    static Optional<Split> cases(Expr e, Sym j, IndexAffine lo, IndexAffine hi, Map<String, Integer> minimum) {
        record Guarded(Expr value, IndexAffine from, IndexAffine to) {}
        List<Guarded> gs = new ArrayList<>();
        for (List<Expr> term : terms(e)) {
            IndexAffine from = lo, to = hi;
            List<Expr> rest = new ArrayList<>();
            List<IndexAffine> lows = new ArrayList<>(List.of(lo)), highs = new ArrayList<>(List.of(hi));
            for (Expr f : term) {
                if (f instanceof Iverson iv && Exprs.mentions(f, j.name()) && rangeConditions(iv, j, lows, highs)) continue;
                rest.add(f);
            }
            Optional<IndexAffine> lmax = extreme(lows, true, minimum), hmin = extreme(highs, false, minimum);
            if (lmax.isEmpty() || hmin.isEmpty()) return Optional.empty();
            from = lmax.get();
            to = hmin.get();
            gs.add(new Guarded(product(rest), from, to));
        }
        // breakpoints: lo, hi + 1, every from and to + 1 inside
        List<IndexAffine> points = new ArrayList<>();
        List<Relation> assumed = new ArrayList<>();
        addPoint(points, lo);
        addPoint(points, hi.plus(1));
        for (Guarded g : gs) {
            addPoint(points, g.from());
            addPoint(points, g.to().plus(1));
        }
        // sort (insertion), deciding each comparison or assuming large sizes
        List<IndexAffine> sorted = new ArrayList<>();
        for (IndexAffine p : points) {
            int at = sorted.size();
            for (int k = 0; k < sorted.size(); k++) {
                if (atMost(p, sorted.get(k), minimum, assumed)) { at = k; break; }
            }
            sorted.add(at, p);
        }
        // clip to lo .. hi+1
        int first = indexOf(sorted, lo), last = indexOf(sorted, hi.plus(1));
        if (first < 0 || last < 0 || first > last) return Optional.empty();
        List<IndexAffine> cut = sorted.subList(first, last + 1);
        List<Piece> pieces = new ArrayList<>();
        for (int k = 0; k + 1 < cut.size(); k++) {
            IndexAffine a = cut.get(k), b = cut.get(k + 1);
            List<Expr> active = new ArrayList<>();
            for (Guarded g : gs) {
                // g covers [a, b-1] iff from <= a and to + 1 >= b (the points include both)
                if (atMost(g.from(), a, minimum, assumed) && atMost(b, g.to().plus(1), minimum, assumed)) active.add(g.value());
            }
            Expr v = active.isEmpty() ? Num.ZERO : Exprs.add(active, Pos.NONE);
            pieces.add(new Piece(a, b.plus(-1), v));
        }
        return Optional.of(new Split(pieces, assumed));
    }

    private static int indexOf(List<IndexAffine> ps, IndexAffine p) {
        for (int k = 0; k < ps.size(); k++) if (ps.get(k).sameAs(p)) return k;
        return -1;
    }

    private static void addPoint(List<IndexAffine> ps, IndexAffine p) {
        for (IndexAffine q : ps) if (q.sameAs(p)) return;
        ps.add(p);
    }

    /**
     * a <= b for every allowed size (true), b < a for every allowed size (false); when the bounds
     * decide neither, the order for large sizes is assumed and recorded.
     */
    static boolean atMost(IndexAffine a, IndexAffine b, Map<String, Integer> minimum, List<Relation> assumed) {
        IndexAffine d = b.minus(a);
        Optional<Boolean> nn = d.nonNegative(minimum);
        if (nn.isPresent()) return nn.get();
        // not decided: order as for large sizes (the sign of the leading coefficients)
        long lead = 0;
        for (long v : d.coefficients().values()) lead += v;
        boolean le = lead > 0 || (lead == 0 && d.constant() >= 0);
        IndexAffine gap = le ? d : d.times(-1).plus(-1); // the assumption: gap >= 0
        Relation r = nonNegative(gap);
        if (assumed.stream().noneMatch(x -> x.equals(r))) assumed.add(r);
        return le;
    }

    /** gap >= 0 written with the symbols on the left: N - 4 >= 0 as N >= 4. */
    static Relation nonNegative(IndexAffine gap) {
        IndexAffine left = gap.plus(-gap.constant());
        return new Relation(RelOp.GE, left.toExpr(), Num.of(-gap.constant()), Pos.NONE);
    }

    private static Optional<IndexAffine> extreme(List<IndexAffine> xs, boolean max, Map<String, Integer> minimum) {
        IndexAffine best = xs.get(0);
        for (IndexAffine x : xs.subList(1, xs.size())) {
            Optional<Integer> s = x.minus(best).sign(minimum);
            if (s.isEmpty()) return Optional.empty();
            if (max ? s.get() > 0 : s.get() < 0) best = x;
        }
        return Optional.of(best);
    }

    /** Adds the bounds on j of an Iverson bracket whose conditions are all affine in j; false if not. */
    static boolean rangeConditions(Iverson iv, Sym j, List<IndexAffine> lows, List<IndexAffine> highs) {
        List<IndexAffine> l = new ArrayList<>(), h = new ArrayList<>();
        for (Relation r : iv.conditions()) if (!bound(r, j, l, h)) return false;
        lows.addAll(l);
        highs.addAll(h);
        return true;
    }

    /** The bounds on j a relation states (j >= A, j <= B), or false if it is not such a bound. */
    public static boolean bound(Relation r, Sym j, List<IndexAffine> lows, List<IndexAffine> highs) {
        Optional<IndexAffine> d = IndexAffine.of(Exprs.sub(r.lhs(), r.rhs()));
        if (d.isEmpty()) return false;
        long a = d.get().coefficient(j.name());
        if (a != 1 && a != -1) return false;
        // lhs - rhs = a*j + rest;  op(lhs, rhs)  <=>  op(a*j, -rest)
        IndexAffine other = d.get().without(j.name()).times(-a); // j (op') other
        RelOp op = a == 1 ? r.op() : r.op().flipped();
        switch (op) {
            case LE -> highs.add(other);
            case LT -> highs.add(other.plus(-1));
            case GE -> lows.add(other);
            case GT -> lows.add(other.plus(1));
            case EQ -> { lows.add(other); highs.add(other); }
            default -> { return false; }
        }
        return true;
    }

    /** The pieces as a value by cases (adjacent equal values merged); one piece is its value. */
    static Expr asCases(List<Piece> pieces, Sym j, IndexAffine lo, IndexAffine hi) {
        List<Piece> merged = new ArrayList<>();
        for (Piece p : pieces) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).value().equals(p.value())) {
                Piece q = merged.remove(merged.size() - 1);
                merged.add(new Piece(q.from(), p.to(), q.value()));
            } else {
                merged.add(p);
            }
        }
        if (merged.size() == 1) return merged.get(0).value();
        List<Piecewise.Arm> arms = new ArrayList<>();
        for (Piece p : merged) {
            List<Relation> guard = new ArrayList<>();
            Expr value = p.value();
            if (p.from().sameAs(p.to())) {
                guard.add(new Relation(RelOp.EQ, j, p.from().toExpr(), Pos.NONE));
                value = tidy(Exprs.substitute(value, j, p.from().toExpr())); // a single index: write it out
            } else {
                if (!p.from().sameAs(lo)) guard.add(new Relation(RelOp.LE, p.from().toExpr(), j, Pos.NONE));
                if (!p.to().sameAs(hi)) guard.add(new Relation(RelOp.LE, j, p.to().toExpr(), Pos.NONE));
            }
            arms.add(new Piecewise.Arm(value, guard));
        }
        return new Piecewise(arms, Pos.NONE);
    }

    /** Simplify with the calculus simplifier (folds I-entries into brackets, numbers in brackets). */
    public static Expr tidy(Expr e) { return idempotent(Simplify.simplify(idempotent(e))); }

    /** [c]^k = [c] for k >= 1: an Iverson bracket is 0 or 1. */
    static Expr idempotent(Expr e) {
        return Exprs.transform(e, x -> x instanceof derivcheck.expr.Pow p && p.base() instanceof Iverson
                && p.exponent() instanceof Num k && k.value().isInteger() && k.value().signum() > 0
                ? idempotent(p.base()) : null);
    }
}
