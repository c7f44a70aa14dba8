package derivcheck.derive.expect;

import derivcheck.expr.Apply;
import derivcheck.expr.Add;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
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
import java.util.Set;

/**
 * Entries of vector and matrix expressions written out as scalar index sums over the entries of the
 * symbols, so that two forms of one vector can be compared entry by entry:
 * {@code (A*B)_{r,c} = sum(k, A_{r,k}*B_{k,c})}, {@code diag(v)_{r,c} = [r = c]*v_r}, {@code (e_i)_r = [i = r]},
 * {@code (u .* v)_r = u_r*v_r}, {@code f(v)_r = f(v_r)} for an entrywise f, {@code softmax(z)_r =
 * exp(z_r)/sum(k, exp(z_k))}, {@code ones(n)_r = 1}. A vector is an n-by-1 matrix, a row (a transposed vector) 1-by-n. What has no
 * rule here (an inverse, a norm) is kept whole as an opaque entry {@code inv(M)_{r,c}}; an entry of a scalar
 * subexpression of a vector ((X*w)_i inside) is written out too. Every index introduced avoids the names of
 * the expression ({@code avoid}).
 */
final class EntrySums {
    private final Set<String> avoid;

    private EntrySums(Set<String> avoid) { this.avoid = avoid; }

    /** Entry r of the vector e, or entry (r, c) of the matrix e (c ignored for a vector). */
    static Expr entry(Expr e, Expr r, Expr c) {
        Set<String> avoid = new HashSet<>(Exprs.names(e));
        avoid.addAll(Exprs.names(r));
        if (c != null) avoid.addAll(Exprs.names(c));
        EntrySums s = new EntrySums(avoid);
        return s.scalars(s.at(e, r, c == null ? Num.ONE : c));
    }

    /** Every entry of a non-symbol vector or matrix inside a scalar expression written out ((X*w)_i as a sum). */
    static Expr scalarEntries(Expr e) {
        return new EntrySums(new HashSet<>(Exprs.names(e))).scalars(e);
    }

    private Expr scalars(Expr e) {
        return Exprs.transform(e, x -> {
            if (x instanceof Index ix && !(ix.base() instanceof Sym) && !(ix.base() instanceof Identity) && x.isScalar()) {
                List<Expr> is = ix.indices();
                Expr written = ix.base().shape().isVector() && is.size() == 1 ? at(ix.base(), is.get(0), Num.ONE)
                        : ix.base().shape().isMatrix() && is.size() == 2 ? at(ix.base(), is.get(0), is.get(1)) : x;
                // an entry without a rule (inv(M)_{r,c}) stays as it is
                return written.equals(x) ? x : scalars(written);
            }
            return null;
        });
    }

    private Sym fresh(String stem) {
        Sym s = Exprs.freshIndex(new Sym(stem, Shape.SCALAR, SymKind.INDEX, Pos.NONE), avoid);
        avoid.add(s.name());
        return s;
    }

    private static Expr dim(Dim d) { return derivcheck.derive.backprop.Backprop.Alg.dim(d); }

    private static Expr bracket(Expr a, Expr b) {
        return new Iverson(List.of(new Relation(RelOp.EQ, a, b, Pos.NONE)), Pos.NONE);
    }

    /** Entry (r, c) of e seen as a matrix (a vector is a column, c = 1; a scalar is its own 1-by-1 entry). */
    private Expr at(Expr e, Expr r, Expr c) {
        if (e.isScalar()) return e;
        if (e instanceof Sym) return e.shape().isVector() ? new Index(e, List.of(r), Pos.NONE) : new Index(e, List.of(r, c), Pos.NONE);
        if (e instanceof Identity) return bracket(r, c);
        if (e instanceof derivcheck.expr.Ones) return Num.ONE;
        if (e instanceof Index ix && ix.base() instanceof Identity && ix.indices().size() == 1) return bracket(ix.indices().get(0), r);
        if (e instanceof Index ix && ix.indices().size() == 1 && ix.base().shape().isMatrix() && e.shape().isVector()) {
            return at(ix.base(), ix.indices().get(0), r); // row i of a matrix, as a vector
        }
        if (e instanceof Add a) {
            List<Expr> ts = new ArrayList<>();
            for (Expr t : a.terms()) ts.add(at(t, r, c));
            return Exprs.add(ts, Pos.NONE);
        }
        if (e instanceof Sum s) {
            Sym i = s.index();
            Expr body = s.body();
            if (Exprs.mentions(r, i.name()) || Exprs.mentions(c, i.name())) {
                Sym f = fresh(i.name());
                body = Exprs.substitute(body, i, f);
                i = f;
            }
            return new Sum(i, s.lo(), s.hi(), at(body, r, c), Pos.NONE);
        }
        if (e instanceof Transpose t) return at(t.arg(), c, r);
        if (e instanceof Mul m) {
            List<Expr> out = new ArrayList<>(), chain = new ArrayList<>();
            for (Expr f : m.factors()) (f.isScalar() ? out : chain).add(f);
            out.add(chain(chain, r, c));
            return Exprs.mul(out, Pos.NONE);
        }
        if (e instanceof Apply ap && ap.fn() instanceof Builtin b) {
            if (b.entrywise()) return Apply.of(b, at(ap.args().get(0), r, c));
            if (b == Builtin.HADAMARD) return Exprs.mul(at(ap.args().get(0), r, c), at(ap.args().get(1), r, c));
            if (b == Builtin.EDIVIDE) return Exprs.div(at(ap.args().get(0), r, c), at(ap.args().get(1), r, c));
            if (b == Builtin.DIAG && ap.args().get(0).shape().isVector()) {
                return Exprs.mul(bracket(r, c), at(ap.args().get(0), r, Num.ONE));
            }
            if (b == Builtin.SOFTMAX && e.shape().isVector()) {
                Expr z = ap.args().get(0);
                Sym k = fresh("k");
                Expr denominator = new Sum(k, Num.ONE, dim(z.shape().rows()), Apply.of(Builtin.EXP, at(z, k, Num.ONE)), Pos.NONE);
                return Exprs.div(Apply.of(Builtin.EXP, at(z, r, Num.ONE)), denominator);
            }
        }
        if (e instanceof Piecewise pw) {
            List<Piecewise.Arm> arms = new ArrayList<>();
            for (Piecewise.Arm a : pw.arms()) arms.add(new Piecewise.Arm(at(a.value(), r, c), a.guard()));
            return new Piecewise(arms, Pos.NONE);
        }
        // no rule: the entry of the whole (an inverse, a matrix function) is an opaque scalar
        return e.shape().isVector() ? new Index(e, List.of(r), Pos.NONE) : new Index(e, List.of(r, c), Pos.NONE);
    }

    /** Entry (r, c) of a product of non-scalar factors: the inner sizes become index sums. */
    private Expr chain(List<Expr> fs, Expr r, Expr c) {
        if (fs.size() == 1) return at(fs.get(0), r, c);
        Expr first = fs.get(0);
        List<Expr> rest = fs.subList(1, fs.size());
        Dim inner = first.shape().cols();
        Expr restProduct = rest.size() == 1 ? rest.get(0) : new Mul(new ArrayList<>(rest), Pos.NONE);
        if (inner.equals(Dim.ONE)) return Exprs.mul(at(first, r, Num.ONE), at(restProduct, Num.ONE, c));
        Sym k = fresh("k");
        return new Sum(k, Num.ONE, dim(inner), Exprs.mul(at(first, r, k), at(restProduct, k, c)), Pos.NONE);
    }
}
