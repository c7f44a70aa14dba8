package derivcheck.derive;

import derivcheck.expr.Add;
import derivcheck.derive.backprop.Backprop;
import derivcheck.derive.backprop.IndexAffine;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Shape;
import derivcheck.expr.ShapeException;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import derivcheck.model.IndexRange;
import derivcheck.model.LetDef;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An index-defined vector used as a whole (`let c_i = a_i*b_i for i in 1..n`, then `<c, x>`) written
 * as the vector expression its entries define: `a .* b`; an index-defined matrix (`let Z_i = s_i*X_i for
 * i in 1..N`, row by row) as the matrix its rows define ({@link WholeRows}: `diag(s)*X`). Only a definition over the vector's whole
 * range 1..n whose body is entrywise in vectors of that length lifts: entries v_i become v, products
 * of entries become entrywise products (`.*`), quotients entrywise quotients (`./`), entrywise
 * functions act on the vector, a factor without i scales, a scalar added to an entry broadcasts (a_i − b is
 * a − b, the scalar times a vector of ones). A body that is not entrywise (a shift v_{i+1}, a sum over i)
 * does not lift, and the vector stays refused.
 */
public final class WholeVectors {
    private WholeVectors() {}

    /** The expression with every whole use of an index-defined vector replaced by its lifted form, all lets inlined; empty if one does not lift. */
    public static Optional<Expr> inline(Problem p, Expr e) {
        Expr out = Lets.inline(p, e);
        for (int round = 0; round < 8; round++) {
            List<Sym> open = new ArrayList<>();
            Exprs.anyNode(out, x -> {
                if (x instanceof Sym s && s.kind() == SymKind.LET && !open.contains(s)) open.add(s);
                return false;
            });
            if (open.isEmpty()) return Optional.of(out);
            for (Sym s : open) {
                Optional<Expr> whole = lifted(p, s);
                if (whole.isEmpty()) return Optional.empty();
                out = Lets.inline(p, Exprs.substitute(out, s, whole.get()));
            }
        }
        return Optional.empty();
    }

    /** The vector form of `let s_i = body for i in 1..n`, or the matrix form of a row-by-row `let` (see {@link WholeRows}), or empty. */
    static Optional<Expr> lifted(Problem p, Sym s) {
        Optional<LetDef> d = p.let(s.name());
        if (d.isEmpty() || d.get().range().isEmpty()) return Optional.empty();
        Dim n;
        if (s.shape() instanceof Shape.Vector v) n = v.n();
        else if (s.shape() instanceof Shape.Matrix m) n = m.rows();
        else return Optional.empty();
        IndexRange r = d.get().range().get();
        if (!wholeRange(r.lo(), r.hi(), n)) return Optional.empty();
        try {
            Expr body = Lets.inline(p, d.get().body());
            Optional<Expr> out = s.shape().isVector() ? entries(body, r.index(), n) : WholeRows.rows(body, r.index(), n);
            return out.filter(x -> x.shape().equals(s.shape()));
        } catch (ShapeException e) {
            return Optional.empty();
        }
    }

    /** Whether lo..hi is 1..n, the whole range of a length n. */
    public static boolean wholeRange(Expr lo, Expr hi, Dim n) {
        if (!(lo instanceof Num one && one.value().isOne())) return false;
        Optional<IndexAffine> h = IndexAffine.of(hi);
        Optional<IndexAffine> size = IndexAffine.of(Backprop.Alg.dim(n));
        return h.isPresent() && size.isPresent() && h.get().sameAs(size.get());
    }

    /** The vector of length n whose entry i is e (an expression in entries at i), or empty when e is not entrywise. */
    public static Optional<Expr> entries(Expr e, Sym i, Dim n) {
        try {
            return lift(e, i, n).filter(x -> x.shape() instanceof Shape.Vector v && v.n().equals(n));
        } catch (ShapeException ex) {
            return Optional.empty();
        }
    }

    /** Whether e is a vector of length n. */
    static boolean ofLength(Expr e, Dim n) { return e.shape() instanceof Shape.Vector v && v.n().equals(n); }

    /** Whether e is a matrix with n rows. */
    static boolean withRows(Expr e, Dim n) { return e.shape() instanceof Shape.Matrix m && m.rows().equals(n); }

    /** Row i of a matrix with n rows (M_i), as its matrix M; otherwise null. */
    static Expr rowOf(Expr e, Sym i, Dim n) {
        return e instanceof Index ix && ix.indices().size() == 1 && ix.indices().get(0).equals(i) && withRows(ix.base(), n) ? ix.base() : null;
    }

    /**
     * The entrywise vector of an expression in the entries at i; a scalar (not mentioning i) as itself.
     * Entry i of an i-free vector of length n is that vector; ⟨M_i, y⟩ and M_iᵀy (row i of a matrix
     * with n rows, y free of i) are entry i of M·y.
     */
    private static Optional<Expr> lift(Expr e, Sym i, Dim n) {
        if (!Exprs.mentions(e, i.name())) return Optional.of(e);
        if (e instanceof Index ix && ix.indices().size() == 1 && ix.indices().get(0).equals(i) && ofLength(ix.base(), n)
                && !Exprs.mentions(ix.base(), i.name())) {
            return Optional.of(ix.base());
        }
        if (e instanceof Inner in) {
            Expr m = rowOf(in.left(), i, n), y = in.right();
            if (m == null) { m = rowOf(in.right(), i, n); y = in.left(); }
            if (m == null || Exprs.mentions(y, i.name()) || Exprs.mentions(m, i.name())) return Optional.empty();
            return Optional.of(Exprs.mul(m, y));
        }
        if (e instanceof Add a) {
            // a scalar term beside an entry broadcasts (the sum's Add puts it times a vector of ones)
            List<Expr> terms = new ArrayList<>();
            for (Expr t : a.terms()) {
                Optional<Expr> l = lift(t, i, n);
                if (l.isEmpty()) return Optional.empty();
                terms.add(l.get());
            }
            if (terms.stream().allMatch(Expr::isScalar)) return Optional.empty();
            terms.sort(java.util.Comparator.comparing(t -> t.isScalar())); // a vector first
            return Optional.of(Exprs.add(terms, Pos.NONE));
        }
        if (e instanceof Mul m) {
            List<Expr> scalars = new ArrayList<>();
            Expr num = null, den = null;
            for (Expr f : rowProducts(m.factors(), i, n)) {
                boolean inverse = f instanceof Pow pw && pw.exponent() instanceof Num k && k.value().equals(derivcheck.expr.Rational.MINUS_ONE)
                        && Exprs.mentions(pw.base(), i.name());
                Optional<Expr> l = lift(inverse ? ((Pow) f).base() : f, i, n);
                if (l.isEmpty()) return Optional.empty();
                if (l.get().isScalar()) { scalars.add(inverse ? Exprs.pow(l.get(), Num.MINUS_ONE) : l.get()); continue; }
                if (inverse) den = den == null ? l.get() : Apply.of(Builtin.HADAMARD, den, l.get());
                else num = num == null ? l.get() : Apply.of(Builtin.HADAMARD, num, l.get());
            }
            if (num == null) return Optional.empty(); // 1 ./ w needs a vector of ones
            Expr vec = den == null ? num : Apply.of(Builtin.EDIVIDE, num, den);
            scalars.add(vec);
            return Optional.of(Exprs.mul(scalars, Pos.NONE));
        }
        if (e instanceof Apply ap && ap.fn() instanceof Builtin b && b.entrywise() && ap.args().size() == 1) {
            return lift(ap.args().get(0), i, n).filter(x -> !x.isScalar()).map(x -> (Expr) Apply.of(b, x));
        }
        return Optional.empty();
    }

    /** The factors with each M_iᵀ·y₁⋯y_k (a row of M times i-free factors, a scalar) written as entry i of M·y₁⋯y_k. */
    private static List<Expr> rowProducts(List<Expr> fs, Sym i, Dim n) {
        List<Expr> out = new ArrayList<>();
        for (int k = 0; k < fs.size(); k++) {
            Expr m = fs.get(k) instanceof Transpose t ? rowOf(t.arg(), i, n) : null;
            if (m == null || Exprs.mentions(m, i.name())) { out.add(fs.get(k)); continue; }
            List<Expr> chain = new ArrayList<>(List.of(m));
            int j = k + 1;
            while (j < fs.size() && !fs.get(j).isScalar() && !Exprs.mentions(fs.get(j), i.name())) chain.add(fs.get(j++));
            Expr product = Exprs.mul(chain, Pos.NONE);
            if (!ofLength(product, n)) { out.add(fs.get(k)); continue; }
            out.add(new Index(product, List.of(i), Pos.NONE));
            k = j - 1;
        }
        return out;
    }
}
