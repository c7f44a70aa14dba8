package derivcheck.derive.expect;

import derivcheck.cas.ZeroTest;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.backprop.Entrywise;
import derivcheck.derive.backprop.IndexAffine;
import derivcheck.derive.backprop.UnitVectors;
import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Inverse;
import derivcheck.expr.Mul;
import derivcheck.expr.Iverson;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The normal form of index sums for the zero test. The CAS sees a sum as an opaque atom, so
 * {@code sum(i, t_i*x_i/(exp(t_i*x_i*w) + 1))} and {@code sum(j, t_j*x_j*sigmoid(-t_j*x_j*w))} are two unrelated
 * symbols to it. Here sums over the same range whose bodies are proven equal (the bodies with one common index,
 * by the zero test itself, innermost sums first) become one atom, and so do inverses of matrices proven equal;
 * then the CAS decides the rest with the sums as symbols. Vectors and matrices are compared entry by entry
 * ({@link EntrySums}): the entries written as index sums, sums over Iverson brackets collapsed, and brackets that
 * hold on an index's whole range (the free entry index's, an enclosing sum's) decided.
 * <p>
 * Only proves: equal atoms are replaced by one of them, which changes no value; a failed test says nothing.
 */
public final class SumAtoms {
    private SumAtoms() {}

    /** How deep the tests may nest (a body's sums are compared by the same test); beyond it nothing is unified. */
    static final int MAX_DEPTH = 4;
    /** At most this many comparisons (each a zero test of its own) for one question, over every depth. */
    static final int MAX_COMPARISONS = 24;

    /** The comparisons left for one question to the zero test. */
    static final class Budget {
        private int left = MAX_COMPARISONS;

        boolean spent() { return left <= 0; }

        boolean take() { return left-- > 0; }
    }

    /** e with equal sums (and equal inverses) replaced by one representative each; a null budget: only sums alike up to their index. */
    static Expr unified(Expr e, DeriveContext ctx, int depth, Budget budget) {
        if (depth >= MAX_DEPTH) return e;
        return post(e, new ArrayList<>(), ctx, depth, budget);
    }

    private static Expr post(Expr e, List<Expr> reps, DeriveContext ctx, int depth, Budget budget) {
        List<Expr> kids = e.children();
        Expr x = e;
        if (!kids.isEmpty()) {
            List<Expr> out = new ArrayList<>(kids.size());
            for (Expr k : kids) out.add(post(k, reps, ctx, depth, budget));
            if (!out.equals(kids)) x = e.withChildren(out);
        }
        if (!(x instanceof Sum s && s.isScalar()) && !(x instanceof Inverse)) return x;
        for (Expr r : reps) {
            if (r.equals(x)) return r;
            if (r.getClass() != x.getClass() || !r.shape().equals(x.shape())) continue;
            if (x instanceof Sum a && r instanceof Sum b && !(a.lo().equals(b.lo()) && a.hi().equals(b.hi()))) continue;
            if (alphaEqual(x, r)) return r;
            if (budget == null || !budget.take()) continue;
            if (same(x, r, ctx, depth, budget)) return r;
        }
        reps.add(x);
        return x;
    }

    /** The same sum up to the name of its index (no test needed). */
    private static boolean alphaEqual(Expr x, Expr r) {
        if (!(x instanceof Sum a && r instanceof Sum b)) return false;
        Set<String> avoid = new HashSet<>(Exprs.names(a));
        avoid.addAll(Exprs.names(b));
        Sym z = Exprs.freshIndex(new Sym("z", Shape.SCALAR, SymKind.INDEX, Pos.NONE), avoid);
        return Exprs.substitute(a.body(), a.index(), z).equals(Exprs.substitute(b.body(), b.index(), z));
    }

    private static boolean same(Expr x, Expr r, DeriveContext ctx, int depth, Budget budget) {
        if (x instanceof Inverse a && r instanceof Inverse b) return ZeroCheck.test(Exprs.sub(a.arg(), b.arg()), ctx, depth + 1, budget) == ZeroTest.ZERO;
        Sum a = (Sum) x, b = (Sum) r;
        Set<String> avoid = new HashSet<>(Exprs.names(a));
        avoid.addAll(Exprs.names(b));
        Sym z = Exprs.freshIndex(new Sym("z", Shape.SCALAR, SymKind.INDEX, Pos.NONE), avoid);
        Expr d = Exprs.sub(Exprs.substitute(a.body(), a.index(), z), Exprs.substitute(b.body(), b.index(), z));
        return ZeroCheck.test(d, ctx, depth + 1, budget) == ZeroTest.ZERO;
    }

    /** Does the expression hold sums, inverses or entries of non-symbols, which {@link #unified} may help with? */
    static boolean applies(Expr e) {
        return Exprs.anyNode(e, x -> x instanceof Sum || x instanceof Inverse
                || x instanceof derivcheck.expr.Index ix && !(ix.base() instanceof Sym));
    }

    /** A vector or matrix is zero when its generic entry is (r in 1..rows, c in 1..cols). */
    static ZeroTest entrywise(Expr e, DeriveContext ctx, int depth, Budget budget) {
        if (depth >= MAX_DEPTH || e.isScalar()) return ZeroTest.UNKNOWN;
        Set<String> avoid = new HashSet<>(Exprs.names(e));
        Sym r = Exprs.freshIndex(new Sym("r", Shape.SCALAR, SymKind.INDEX, Pos.NONE), avoid);
        avoid.add(r.name());
        Sym c = Exprs.freshIndex(new Sym("c", Shape.SCALAR, SymKind.INDEX, Pos.NONE), avoid);
        boolean matrix = e.shape().isMatrix();
        Expr entry = EntrySums.entry(e, r, matrix ? c : null);
        List<Scope> scopes = new ArrayList<>();
        scope(r, Num.ONE, derivcheck.derive.backprop.Backprop.Alg.dim(e.shape().rows())).ifPresent(scopes::add);
        if (matrix) scope(c, Num.ONE, derivcheck.derive.backprop.Backprop.Alg.dim(e.shape().cols())).ifPresent(scopes::add);
        Expr decided = decide(Entrywise.collapse(entry), ctx.problem(), scopes);
        return ZeroCheck.test(decided, ctx, depth + 1, budget);
    }

    /** The index sums collapsed and the brackets decided, for a scalar expression (no free entry index). */
    static Expr collapsed(Expr e, Problem p) {
        return decide(Entrywise.collapse(e), p, List.of());
    }

    private record Scope(Sym j, IndexAffine lo, IndexAffine hi) {}

    private static Optional<Scope> scope(Sym j, Expr lo, Expr hi) {
        Optional<IndexAffine> a = IndexAffine.of(lo), b = IndexAffine.of(hi);
        return a.isPresent() && b.isPresent() ? Optional.of(new Scope(j, a.get(), b.get())) : Optional.empty();
    }

    /** Iverson brackets that hold (or fail) on the whole range of an index in scope replaced by 1 (or 0); collapsed again. */
    private static Expr decide(Expr e, Problem p, List<Scope> scopes) {
        if (p == null) return e;
        Map<String, Integer> minimum = IndexAffine.minimums(p);
        Expr once = guards(e, p, scopes, minimum);
        return once.equals(e) ? e : Entrywise.collapse(once);
    }

    private static Expr guards(Expr e, Problem p, List<Scope> scopes, Map<String, Integer> minimum) {
        if (e instanceof Sum s) {
            List<Scope> more = new ArrayList<>(scopes);
            scope(s.index(), s.lo(), s.hi()).ifPresent(more::add);
            Expr lo = guards(s.lo(), p, scopes, minimum), hi = guards(s.hi(), p, scopes, minimum);
            return new Sum(s.index(), lo, hi, guards(s.body(), p, more, minimum), s.pos());
        }
        if (e instanceof Iverson iv) {
            // one bracket per condition, so that each is decided by the index it is about
            List<Expr> parts = new ArrayList<>();
            for (Relation rel : iv.conditions()) {
                Expr one = new Iverson(List.of(rel), iv.pos());
                for (Scope sc : scopes) one = UnitVectors.rangeGuards(one, sc.j(), sc.lo(), sc.hi(), p, minimum);
                parts.add(one);
            }
            Expr out = Exprs.mul(parts, Pos.NONE);
            return out.equals(e) ? e : out;
        }
        List<Expr> kids = e.children();
        if (kids.isEmpty()) return e;
        List<Expr> out = new ArrayList<>(kids.size());
        for (Expr k : kids) out.add(guards(k, p, scopes, minimum));
        return out.equals(kids) ? e : e.withChildren(out);
    }

    /** A sum from 1 to a size or a natural number has hi terms (a range like 3..n may be empty by more than one: not counted). */
    private static boolean counted(Sum s) {
        return s.lo().equals(Num.ONE) && (s.hi() instanceof Sym h && h.kind() == SymKind.DIM
                || s.hi() instanceof Num k && k.value().signum() >= 0);
    }

    /** Every sum multiplied out, split by linearity and its free factors taken out, innermost first. */
    public static Expr split(Expr e, DeriveContext ctx) {
        List<Expr> kids = e.children();
        Expr x = e;
        if (!kids.isEmpty()) {
            List<Expr> out = new ArrayList<>(kids.size());
            for (Expr k : kids) out.add(split(k, ctx));
            if (!out.equals(kids)) x = e.withChildren(out);
        }
        if (!(x instanceof Sum s) || !s.isScalar()) return x;
        Expr body = ctx.cas().expand(s.body()).orElse(s.body());
        String i = s.index().name();
        List<Expr> out = new ArrayList<>();
        for (Expr t : body instanceof Add a ? a.terms() : List.of(body)) {
            List<Expr> free = new ArrayList<>(), dep = new ArrayList<>();
            for (Expr f : t instanceof Mul m ? m.factors() : List.of(t)) (Exprs.mentions(f, i) ? dep : free).add(f);
            if (dep.isEmpty() && counted(s)) free.add(s.hi());
            else if (dep.isEmpty()) free = new ArrayList<>(List.of(new Sum(s.index(), s.lo(), s.hi(), Exprs.mul(free, Pos.NONE), s.pos())));
            else free.add(new Sum(s.index(), s.lo(), s.hi(), Exprs.mul(dep, Pos.NONE), s.pos()));
            out.add(Exprs.mul(free, Pos.NONE));
        }
        return Exprs.add(out, Pos.NONE);
    }
}
