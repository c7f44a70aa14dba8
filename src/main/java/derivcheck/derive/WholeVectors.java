package derivcheck.derive;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Shape;
import derivcheck.expr.ShapeException;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.IndexRange;
import derivcheck.model.LetDef;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An index-defined vector used as a whole (`let c_i = a_i*b_i for i in 1..n`, then `<c, x>`) written
 * as the vector expression its entries define: `a .* b`. Only a definition over the vector's whole
 * range 1..n whose body is entrywise in vectors of that length lifts: entries v_i become v, products
 * of entries become entrywise products (`.*`), quotients entrywise quotients (`./`), entrywise
 * functions act on the vector, a factor without i scales. A body that is not entrywise (a shift
 * v_{i+1}, a sum over i, a constant added to an entry: the model has no broadcast of a scalar) does not
 * lift, and the vector stays refused.
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

    /** The vector form of `let s_i = body for i in 1..n`, or empty. */
    static Optional<Expr> lifted(Problem p, Sym s) {
        Optional<LetDef> d = p.let(s.name());
        if (d.isEmpty() || d.get().range().isEmpty() || !(s.shape() instanceof Shape.Vector v)) return Optional.empty();
        IndexRange r = d.get().range().get();
        if (!(r.lo() instanceof Num one && one.value().isOne())) return Optional.empty();
        Optional<derivcheck.derive.backprop.IndexAffine> hi = derivcheck.derive.backprop.IndexAffine.of(r.hi());
        Optional<derivcheck.derive.backprop.IndexAffine> size = derivcheck.derive.backprop.IndexAffine.of(
                derivcheck.derive.backprop.Backprop.Alg.dim(v.n()));
        if (hi.isEmpty() || size.isEmpty() || !hi.get().sameAs(size.get())) return Optional.empty();
        try {
            Expr body = Lets.inline(p, d.get().body());
            Optional<Expr> out = lift(body, r.index(), s.shape());
            return out.filter(x -> x.shape().equals(s.shape()));
        } catch (ShapeException e) {
            return Optional.empty();
        }
    }

    /** The entrywise vector of an expression in the entries at i; a scalar (not mentioning i) as itself. */
    private static Optional<Expr> lift(Expr e, Sym i, Shape shape) {
        if (!Exprs.mentions(e, i.name())) return Optional.of(e);
        if (e instanceof Index ix && ix.indices().size() == 1 && ix.indices().get(0).equals(i) && ix.base().shape().equals(shape)) {
            return Optional.of(ix.base());
        }
        if (e instanceof Add a) {
            List<Expr> terms = new ArrayList<>();
            for (Expr t : a.terms()) {
                Optional<Expr> l = lift(t, i, shape);
                if (l.isEmpty() || l.get().isScalar()) return Optional.empty(); // no broadcast of a scalar term
                terms.add(l.get());
            }
            return Optional.of(Exprs.add(terms, Pos.NONE));
        }
        if (e instanceof Mul m) {
            List<Expr> scalars = new ArrayList<>();
            Expr num = null, den = null;
            for (Expr f : m.factors()) {
                boolean inverse = f instanceof Pow pw && pw.exponent() instanceof Num k && k.value().equals(derivcheck.expr.Rational.MINUS_ONE)
                        && Exprs.mentions(pw.base(), i.name());
                Optional<Expr> l = lift(inverse ? ((Pow) f).base() : f, i, shape);
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
            return lift(ap.args().get(0), i, shape).filter(x -> !x.isScalar()).map(x -> (Expr) Apply.of(b, x));
        }
        return Optional.empty();
    }
}
