package derivcheck.calculus;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grad(v, x)} of a vector function v of a vector x: the transposed Jacobian D, with
 * D[k, j] = d v_j / d x_k (column j is grad(v_j, x)), so that the Hessian of a scalar L is
 * {@code grad(grad(L, x), x)}. Computed by forward rules over the vector expression (usually a
 * first gradient from {@link Gradient}), so results stay in matrix form:
 * <ul>
 * <li>D(x) = I; D(u + v) = D(u) + D(v); D(c) = 0 for v free of x;</li>
 * <li>a product s * M * u (s the scalar factors, M a matrix chain free of x, u the vector at the
 *     end): for each scalar factor, grad(s_k, x) * (rest)' (an outer product); for u,
 *     D(u) * (s * M)' (so D(X' * r) = D(r) * X and D(A * x) = A');</li>
 * <li>an entrywise f(u): D(u) * diag(f'(u)) (so the logistic Hessian is X' * diag(s .* (1 - s)) * X);
 *     softmax(u): D(u) * (diag(s) - s*s'); u .* v: D(u) * diag(v) + D(v) * diag(u);</li>
 * <li>an index sum over i of vector bodies (tabulated vectors too): the sum of the bodies' D;
 *     cases: each arm's D under the same guard.</li>
 * </ul>
 * A matrix factor that depends on x, an inverse, a norm of a vector-valued piece or a nested grad
 * has no rule here: {@link NotDifferentiableException} names the node.
 */
final class Jacobian {
    private final Sym x;
    private final FreshIndices indices;

    private Jacobian(Expr v, Sym x) {
        this.x = x;
        this.indices = new FreshIndices(v, x);
    }

    /** The unsimplified grad(v, x) for a vector v and a vector x. */
    static Expr raw(Expr v, Sym x) {
        if (!(v.shape() instanceof Shape.Vector) || !(x.shape() instanceof Shape.Vector)) {
            throw new NotDifferentiableException(v, x.name(), "a Jacobian needs a vector function of a vector");
        }
        Jacobian j = new Jacobian(v, x);
        Expr d = j.d(v);
        return d == null ? zero(v, x) : d;
    }

    /**
     * Sums of outer products of unit vectors written as diagonal matrices, bottom-up:
     * {@code sum(i = 1..n, c_i * P * I_n[i] * I_n[i]' * Q)} with P and Q free of i is
     * {@code P * diag(c) * Q} (c the vector with entries c_i), after a sum of matrices with one
     * common chain ({@code a*X' + b*X'}) has been written as {@code (a + b)*X'}.
     */
    static Expr diagonalForm(Expr e) {
        List<Expr> kids = e.children();
        if (!kids.isEmpty()) {
            List<Expr> out = new ArrayList<>(kids.size());
            boolean changed = false;
            for (Expr k : kids) {
                Expr t = diagonalForm(k);
                changed |= t != k;
                out.add(t);
            }
            if (changed) e = e.withChildren(out);
        }
        if (!(e instanceof Sum s) || !(s.lo() instanceof Num lo) || !lo.value().isOne() || !(s.body() instanceof Mul m)) return e;
        String i = s.index().name();
        List<Expr> scalars = new ArrayList<>(), chain = new ArrayList<>();
        for (Expr f : m.factors()) {
            Expr g = commonChain(f);
            for (Expr h : g instanceof Mul gm ? gm.factors() : List.of(g)) (h.isScalar() ? scalars : chain).add(h);
        }
        for (int k = 0; k + 1 < chain.size(); k++) {
            if (!(chain.get(k) instanceof derivcheck.expr.Index u) || !(chain.get(k + 1) instanceof derivcheck.expr.Transpose t)
                    || !(u.base() instanceof Identity id) || !t.arg().equals(u) || !u.indices().equals(List.of(s.index()))
                    || !s.hi().equals(Alg.dim(id.n()))) continue;
            List<Expr> before = chain.subList(0, k), after = chain.subList(k + 2, chain.size());
            boolean free = true;
            for (Expr f : before) free &= !Exprs.mentions(f, i);
            for (Expr f : after) free &= !Exprs.mentions(f, i);
            if (!free) return e;
            Expr c = Entries.vector(s.index(), id.n(), Alg.mul(scalars));
            return Alg.mul(concat(before, List.of(diag(c)), after));
        }
        return e;
    }

    /** a*M + b*M (one non-scalar chain M in every term) as (a + b)*M; anything else as it is. */
    private static Expr commonChain(Expr e) {
        if (!(e instanceof Add a) || e.isScalar()) return e;
        List<Expr> coefs = new ArrayList<>();
        List<Expr> common = null;
        for (Expr t : a.terms()) {
            List<Expr> sc = new ArrayList<>(), ch = new ArrayList<>();
            for (Expr f : t instanceof Mul tm ? tm.factors() : List.of(t)) (f.isScalar() ? sc : ch).add(f);
            if (common == null) common = ch;
            else if (!common.equals(ch)) return e;
            coefs.add(Alg.mul(sc));
        }
        List<Expr> out = new ArrayList<>();
        out.add(Alg.add(coefs));
        out.addAll(common);
        return Alg.mul(out);
    }

    /** The zero n-by-m matrix (n = size of x, m = size of v), as 0 * x * v'. */
    private static Expr zero(Expr v, Sym x) { return new Mul(List.of(Num.ZERO, x, Alg.transpose(v)), Pos.NONE); }

    private boolean depends(Expr e) { return Exprs.mentions(e, x.name()); }

    private NotDifferentiableException unsupported(Expr e, String why) { return new NotDifferentiableException(e, x.name(), why); }

    /** D(e) for a vector e; null when e does not depend on x. */
    private Expr d(Expr e) {
        if (!depends(e)) return null;
        if (!(e.shape() instanceof Shape.Vector)) throw unsupported(e, "the Hessian rules need vector pieces here, not a " + e.shape());
        if (e instanceof Sym s) {
            if (!s.equals(x) && !s.name().equals(x.name())) throw unsupported(e, "unexpected symbol");
            return new Identity(x.shape().rows(), Pos.NONE);
        }
        if (e instanceof Add a) {
            List<Expr> cs = new ArrayList<>();
            for (Expr t : a.terms()) cs.add(d(t));
            return sum(cs);
        }
        if (e instanceof Mul m) return dMul(m);
        if (e instanceof Apply a) return dApply(a);
        if (e instanceof Sum s) {
            if (depends(s.lo()) || depends(s.hi())) throw unsupported(s, "the bounds depend on " + x.name());
            Expr c = d(s.body());
            return c == null ? null : new Sum(s.index(), s.lo(), s.hi(), c, Pos.NONE);
        }
        if (e instanceof Piecewise p) {
            List<Piecewise.Arm> arms = new ArrayList<>();
            for (Piecewise.Arm a : p.arms()) {
                Expr c = d(a.value());
                arms.add(new Piecewise.Arm(c == null ? zero(a.value(), x) : c, a.guard()));
            }
            return new Piecewise(arms, Pos.NONE);
        }
        throw unsupported(e, "no Hessian rule for " + e.getClass().getSimpleName());
    }

    private Expr dMul(Mul m0) {
        Expr normal = Alg.mul(m0.factors());
        if (!(normal instanceof Mul m)) return d(normal);
        List<Expr> fs = m.factors();
        // a matrix factor that depends on x is rewritten first: a sum of matrices distributed,
        // c*N pulled apart, a transpose pushed in, diag(u) * r turned into u .* r
        for (int j = 0; j < fs.size() - 1; j++) {
            Expr f = fs.get(j);
            if (f.isScalar() || !depends(f)) continue;
            List<Expr> before = fs.subList(0, j), after = fs.subList(j + 1, fs.size());
            if (f instanceof Add a) {
                List<Expr> terms = new ArrayList<>();
                for (Expr t : a.terms()) terms.add(Alg.mul(concat(before, List.of(t), after)));
                return d(Alg.add(terms));
            }
            if (f instanceof Mul inner) return d(Alg.mul(concat(before, inner.factors(), after)));
            if (f instanceof derivcheck.expr.Transpose t && !(Alg.transpose(t.arg()) instanceof derivcheck.expr.Transpose)) {
                return d(Alg.mul(concat(before, List.of(Alg.transpose(t.arg())), after)));
            }
            if (f instanceof Apply ap && ap.fn() == Builtin.DIAG) {
                Expr r = Alg.mul(after);
                return d(Alg.mul(concat(before, List.of(Apply.of(Builtin.HADAMARD, ap.args().get(0), r)), List.of())));
            }
            if (f instanceof Sum s && !depends(s.lo()) && !depends(s.hi())) {
                // a sum of matrices times the rest: the sum over the products (the index renamed apart)
                Sym i = freshIndex();
                Expr body = Exprs.substitute(s.body(), s.index(), i);
                return d(new Sum(i, s.lo(), s.hi(), Alg.mul(concat(before, List.of(body), after)), Pos.NONE));
            }
        }
        List<Expr> cs = new ArrayList<>();
        for (int j = 0; j < fs.size(); j++) {
            Expr f = fs.get(j);
            if (!depends(f)) continue;
            List<Expr> others = new ArrayList<>(fs);
            others.remove(j);
            Expr rest = Alg.mul(others);
            if (f.isScalar()) {
                // d(s * r)_j / dx_k = r_j ds/dx_k: the outer product grad(s, x) * r'
                cs.add(Alg.mul(Gradient.raw(f, x), Alg.transpose(rest)));
            } else if (f.shape() instanceof Shape.Vector && j == fs.size() - 1) {
                // v = P * u with P = (scalars and matrices before u) free of x here: J_v = P J_u, D_v = D_u P'
                Expr du = d(f);
                cs.add(others.isEmpty() ? du : Alg.mul(du, Alg.transpose(rest)));
            } else {
                throw unsupported(f, "a matrix factor that depends on " + x.name() + " has no Hessian rule here");
            }
        }
        return sum(cs);
    }

    private Expr dApply(Apply a) {
        if (!(a.fn() instanceof Builtin b)) throw unsupported(a, "no Hessian rule for a declared function of a vector");
        if (b.entrywise()) {
            Expr u = a.args().get(0);
            if (b == Builtin.SIGN) return null;
            Sym i = freshIndex();
            Expr ui = new derivcheck.expr.Index(u, List.of(i), Pos.NONE);
            Expr di = Derivatives.of(b, ui).orElseThrow(() -> unsupported(a, "no derivative for " + b.spelling()));
            Expr du = d(u);
            return du == null ? null : Alg.mul(du, diag(Entries.vector(i, u.shape().rows(), di)));
        }
        switch (b) {
            case SOFTMAX: {
                Expr du = d(a.args().get(0));
                if (du == null) return null;
                return Alg.mul(du, Alg.add(diag(a), Alg.neg(Alg.mul(a, Alg.transpose(a)))));
            }
            case HADAMARD: {
                Expr p = a.args().get(0), q = a.args().get(1);
                List<Expr> cs = new ArrayList<>();
                cs.add(scaled(p, q));
                cs.add(scaled(q, p));
                return sum(cs);
            }
            default: throw unsupported(a, "no Hessian rule for " + b.spelling());
        }
    }

    /** The part of D(p .* q) that comes through p: D(p) diag(q), or grad(p, x) q' for a scalar p. */
    private Expr scaled(Expr p, Expr q) {
        if (!depends(p)) return null;
        if (p.isScalar()) return Alg.mul(Gradient.raw(p, x), Alg.transpose(q));
        Expr dp = d(p);
        return q.isScalar() ? Alg.mul(q, dp) : Alg.mul(dp, diag(q));
    }

    private static List<Expr> concat(List<Expr> a, List<Expr> b, List<Expr> c) {
        List<Expr> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    private static Expr diag(Expr v) { return Apply.of(Builtin.DIAG, v); }

    private static Expr sum(List<Expr> cs) {
        List<Expr> out = new ArrayList<>();
        for (Expr c : cs) if (c != null) out.add(c);
        return out.isEmpty() ? null : Alg.add(out);
    }

    private Sym freshIndex() { return indices.next(); }
}
