package derivcheck.calculus;

import derivcheck.expr.Add;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Rational;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Shape-safe constructors used by the calculus. They differ from {@link Exprs} in one point:
 * a scalar-valued product that contains vectors or matrices (such as {@code a'*b}) is kept as a
 * single scalar factor when it meets other vectors or matrices, because splicing its factors
 * into a longer matrix chain would make the chain non-conformable ({@code x*a'*b} is not
 * {@code (a'*b)*x}).
 */
final class Alg {
    private Alg() {}

    /** A scalar-shaped product that has non-scalar factors: a 1x1 matrix product like {@code a'*b}. */
    static boolean closedScalar(Expr e) {
        return e instanceof Mul m && m.isScalar() && m.factors().stream().anyMatch(f -> !f.isScalar());
    }

    static Expr mul(Expr... fs) { return mul(List.of(fs)); }

    static Expr mul(List<Expr> factors) {
        // Flatten nested products (each normalized first, so it is scalars, closed 1x1 units and
        // one conformable chain); a closed scalar is spliced in only if it is the only carrier
        // of non-scalar factors in the whole product.
        List<Expr> items = new ArrayList<>();
        for (Expr f : factors) {
            if (f instanceof Mul m && !closedScalar(m)) {
                Expr n = mul(m.factors());
                if (n instanceof Mul nm && !closedScalar(nm)) items.addAll(nm.factors()); else items.add(n);
            } else {
                items.add(f);
            }
        }
        items = segment(items);
        int closed = 0, chain = 0;
        for (Expr f : items) {
            if (closedScalar(f)) closed++;
            else if (!f.isScalar()) chain++;
        }
        List<Expr> flat = new ArrayList<>();
        for (Expr f : items) {
            if (closedScalar(f) && closed == 1 && chain == 0) flat.addAll(((Mul) f).factors());
            else flat.add(f);
        }
        Rational c = Rational.ONE;
        List<Expr> rest = new ArrayList<>();
        for (Expr f : flat) {
            if (f instanceof Num n) c = c.times(n.value());
            else rest.add(f);
        }
        if (c.isZero()) {
            List<Expr> shaped = new ArrayList<>();
            shaped.add(Num.ZERO);
            for (Expr f : rest) if (!f.isScalar()) shaped.add(f);
            return shaped.size() == 1 ? Num.ZERO : new Mul(shaped, Pos.NONE);
        }
        if (!c.isOne()) rest.add(0, new Num(c, Pos.NONE));
        if (rest.isEmpty()) return Num.ONE;
        if (rest.size() == 1) return rest.get(0);
        return new Mul(rest, Pos.NONE);
    }

    /**
     * A product in which a run of matrix factors multiplies out to 1x1 (as {@code a'*b} in
     * {@code a'*b*x}) scales what follows. This groups each such run that is followed by more
     * matrix factors into one closed scalar factor, so that what is left is one conformable
     * chain: scalars (and closed units) first, then the chain, in order.
     */
    static List<Expr> segment(List<Expr> items) {
        List<Expr> scalars = new ArrayList<>();
        List<List<Expr>> closedRuns = new ArrayList<>();
        List<Expr> run = new ArrayList<>();
        Shape acc = null;
        for (Expr f : items) {
            if (f.isScalar()) {
                scalars.add(f);
                continue;
            }
            acc = acc == null ? f.shape() : Shape.of(acc.rows(), f.shape().cols());
            run.add(f);
            if (acc.isScalar()) {
                closedRuns.add(run);
                run = new ArrayList<>();
                acc = null;
            }
        }
        if (closedRuns.isEmpty() || (closedRuns.size() == 1 && run.isEmpty())) return items;
        List<Expr> out = new ArrayList<>(scalars);
        for (int k = 0; k < closedRuns.size(); k++) {
            List<Expr> r = closedRuns.get(k);
            boolean lastAndNothingFollows = k == closedRuns.size() - 1 && run.isEmpty();
            if (lastAndNothingFollows) out.addAll(r); else out.add(new Mul(r, Pos.NONE));
        }
        out.addAll(run);
        return out;
    }

    static Expr add(Expr... ts) { return add(List.of(ts)); }

    static Expr add(List<Expr> terms) {
        if (terms.isEmpty()) return Num.ZERO;
        return Exprs.add(terms, Pos.NONE);
    }

    static Expr neg(Expr e) { return mul(Num.MINUS_ONE, e); }

    static Expr pow(Expr base, Expr k) { return Exprs.pow(base, k); }

    static Expr pow(Expr base, long k) { return Exprs.pow(base, Num.of(k)); }

    static Expr inverse(Expr e) { return pow(e, -1); }

    /** A zero with the given expression's shape ({@code 0} or {@code 0*x}). */
    static Expr zeroLike(Expr like) {
        if (like.isScalar()) return Num.ZERO;
        if (Exprs.isZero(like)) return like;
        return mul(Num.ZERO, like);
    }

    /**
     * The transpose, pushed through products and sums: {@code (A*B)' = B'*A'},
     * {@code (x')' = x}, {@code I' = I}, a scalar is its own transpose.
     */
    static Expr transpose(Expr e) {
        if (e.isScalar()) return e;
        if (e instanceof Transpose t) return t.arg();
        if (e instanceof Identity) return e;
        if (e instanceof Mul m0) {
            Expr normal = mul(m0.factors());
            if (!(normal instanceof Mul m)) return transpose(normal);
            List<Expr> fs = new ArrayList<>();
            for (Expr f : m.factors()) fs.add(transpose(f));
            // scalars scale from anywhere: keep them in front, reverse the chain
            List<Expr> scal = new ArrayList<>(), chain = new ArrayList<>();
            for (Expr f : fs) (f.isScalar() ? scal : chain).add(f);
            Collections.reverse(chain);
            scal.addAll(chain);
            return mul(scal);
        }
        if (e instanceof Add a) {
            List<Expr> ts = new ArrayList<>();
            for (Expr t : a.terms()) ts.add(transpose(t));
            return add(ts);
        }
        return new Transpose(e, Pos.NONE);
    }

    /** The product of a list of factors transposed (the empty product is 1). */
    static Expr transposeProduct(List<Expr> fs) { return fs.isEmpty() ? Num.ONE : transpose(mul(fs)); }

    /** A size as a scalar expression: dimension names become DIM symbols. */
    static Expr dim(Dim d) {
        List<Expr> terms = new ArrayList<>();
        for (var t : d.terms().entrySet()) {
            terms.add(mul(Num.of(t.getValue()), new Sym(t.getKey(), Shape.SCALAR, SymKind.DIM, Pos.NONE)));
        }
        if (d.constant() != 0 || terms.isEmpty()) terms.add(Num.of(d.constant()));
        return add(terms);
    }
}
