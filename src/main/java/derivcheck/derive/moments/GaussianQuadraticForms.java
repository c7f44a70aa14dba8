package derivcheck.derive.moments;

import derivcheck.derive.identities.GramForms;
import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.expr.Transpose;
import derivcheck.model.Distribution;
import derivcheck.model.Problem;
import derivcheck.model.RandomDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moments of a polynomial of degree at most 2 in a centred Gaussian vector x ~ N(0, v I_n)
 * (declared {@code random x : vector[n] iid normal(0, v)}), in matrix form. The mean needs only
 * the second moments, so it is also derived for {@code iid mean 0 variance v}.
 *
 * <p>The expression is written as q = x'Mx + b'x + c with M, b, c free of x. With
 * E[x_i x_j] = v δ_ij, odd moments 0, and Isserlis (Wick) for the fourth moments,
 * E[x_i x_j x_k x_l] = v² (δ_ij δ_kl + δ_ik δ_jl + δ_il δ_jk):
 * <ul>
 * <li>E[q] = v tr(M) + c;</li>
 * <li>Var[q] = v² (tr(M'M) + tr(MM)) + v ‖b‖² (the cross term E[x'Mx · b'x] is an odd moment, 0);
 *     for a symmetric M this is 2 v² tr(M²) + v ‖b‖².</li>
 * </ul>
 * Anything else (another random symbol, entries of x, a nonzero mean, a degree above 2)
 * is not this form: {@link #applies} says why.
 */
final class GaussianQuadraticForms {
    private GaussianQuadraticForms() {}

    /** The Gaussian vector the expression reads: its symbol and its variance v. */
    record Gaussian(Sym x, Expr variance, Shape.Vector shape, boolean normal) {}

    /** q = x'Mx + b'x + c; m and b null when zero. */
    record Quadratic(Expr m, Expr b, Expr c) {}

    /** v = F x + h; f and h null when zero. */
    private record Affine(Expr f, Expr h) {}

    /** Not a polynomial of degree at most 2 in x: why. */
    static final class NotQuadratic extends RuntimeException {
        NotQuadratic(String why) { super(why, null, false, false); }
    }

    /**
     * The one random symbol of e when it is a centred iid normal vector used only as a whole;
     * empty otherwise (the general moment rules then apply).
     */
    static Optional<Gaussian> applies(Problem p, Expr e) {
        List<Sym> randoms = new ArrayList<>();
        boolean[] entries = {false};
        Exprs.anyNode(e, n -> {
            if (n instanceof Sym s && s.kind() == SymKind.RANDOM && !randoms.contains(s)) randoms.add(s);
            if (n instanceof Index i && i.base() instanceof Sym s && s.kind() == SymKind.RANDOM) entries[0] = true;
            return false;
        });
        if (randoms.size() != 1 || entries[0]) return Optional.empty();
        Sym x = randoms.get(0);
        if (!(x.shape() instanceof Shape.Vector vs)) return Optional.empty();
        Optional<RandomDecl> d = p.randoms().stream().filter(r -> r.sym().name().equals(x.name())).findFirst();
        if (d.isEmpty() || !d.get().distribution().iid()) return Optional.empty();
        Expr mean;
        Expr variance;
        boolean normal;
        if (d.get().distribution() instanceof Distribution.Named n && n.family() == Distribution.Family.NORMAL) {
            mean = n.params().get(0);
            variance = n.params().get(1);
            normal = true;
        } else if (d.get().distribution() instanceof Distribution.Moments m) {
            // only the first two moments: E[x'Mx] = v tr(M) still holds, the variance needs Gaussian fourth moments
            mean = m.mean();
            variance = m.variance();
            normal = false;
        } else {
            return Optional.empty();
        }
        if (!(mean instanceof Num mu) || !mu.value().isZero()) return Optional.empty();
        return Optional.of(new Gaussian(x, variance, vs, normal));
    }

    /**
     * Why a quadratic form in a random vector is not derived here (a nonzero mean, or a variance
     * with only two moments known), for the reason the strategy gives; empty when that is not it.
     */
    static Optional<String> whyNot(Problem p, Expr e, boolean mean) {
        Optional<Gaussian> g = applies(p, e);
        if (g.isPresent()) {
            if (mean || g.get().normal()) return Optional.empty();
            try {
                if (quadratic(e, g.get()).m() == null) return Optional.empty();
            } catch (NotQuadratic n) {
                return Optional.empty();
            }
            return Optional.of("the variance of a quadratic form in " + g.get().x() + " needs its fourth moments E["
                    + g.get().x() + "_i^4], which 'mean 0 var " + TextPrinter.print(g.get().variance())
                    + "' does not determine (declared iid normal(0, v), Isserlis gives them)");
        }
        for (RandomDecl r : p.randoms()) {
            if (!Exprs.mentions(e, r.sym().name()) || !r.sym().shape().isVector()) continue;
            Expr mu = r.distribution() instanceof Distribution.Named n && n.family() == Distribution.Family.NORMAL
                    ? n.params().get(0) : r.distribution() instanceof Distribution.Moments m ? m.mean() : null;
            if (mu != null && !(mu instanceof Num k && k.value().isZero())) {
                return Optional.of("moments of quadratic forms are derived for a centred vector; " + r.sym().name()
                        + " has mean " + TextPrinter.print(mu) + " (write it as " + TextPrinter.print(mu) + " + z with z centred)");
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ the normal form

    /** q as x'Mx + b'x + c, or NotQuadratic with the reason. */
    static Quadratic quadratic(Expr e, Gaussian g) {
        if (!mentions(e, g)) return new Quadratic(null, null, e);
        if (!e.isScalar()) throw new NotQuadratic(TextPrinter.print(e) + " is not a scalar");
        if (e instanceof Add a) {
            Quadratic acc = new Quadratic(null, null, Num.ZERO);
            for (Expr t : a.terms()) acc = plus(acc, quadratic(t, g));
            return acc;
        }
        if (e instanceof Mul m) {
            List<Expr> scalars = new ArrayList<>();
            List<Expr> chain = new ArrayList<>();
            for (Expr f : m.factors()) (f.isScalar() ? scalars : chain).add(f);
            Quadratic acc = new Quadratic(null, null, Num.ONE);
            for (Expr f : scalars) acc = times(acc, quadratic(f, g), g);
            if (!chain.isEmpty()) acc = times(acc, rowTimesColumn(chain, g), g);
            return acc;
        }
        if (e instanceof Pow p && p.exponent() instanceof Num k && k.value().equals(Rational.of(2))) {
            if (p.base() instanceof Norm n && n.kind() == NormKind.L2 && n.arg().shape().isVector()) {
                Affine v = affine(n.arg(), g);
                return inner(v, v);
            }
            if (p.base().isScalar()) {
                Quadratic b = quadratic(p.base(), g);
                return times(b, b, g);
            }
        }
        if (e instanceof Inner i && i.left().shape().isVector()) return inner(affine(i.left(), g), affine(i.right(), g));
        throw new NotQuadratic(TextPrinter.print(e) + " is not a polynomial of degree at most 2 in " + g.x().name());
    }

    /** u' * (rest), a scalar written as a row vector times a column. */
    private static Quadratic rowTimesColumn(List<Expr> chain, Gaussian g) {
        if (chain.size() >= 2 && chain.get(0) instanceof Transpose t && t.arg().shape().isVector()) {
            Expr rest = chain.size() == 2 ? chain.get(1) : new Mul(chain.subList(1, chain.size()), Pos.NONE);
            return inner(affine(t.arg(), g), affine(rest, g));
        }
        throw new NotQuadratic(TextPrinter.print(new Mul(chain, Pos.NONE)) + " is not a row vector times a column");
    }

    private static Affine affine(Expr e, Gaussian g) {
        if (!mentions(e, g)) return new Affine(null, e);
        if (e.equals(g.x())) return new Affine(new Identity(g.shape().n(), Pos.NONE), null);
        if (e instanceof Add a) {
            Affine acc = new Affine(null, null);
            for (Expr t : a.terms()) {
                Affine s = affine(t, g);
                acc = new Affine(sum(acc.f(), s.f()), sum(acc.h(), s.h()));
            }
            return acc;
        }
        if (e instanceof Mul m && m.factors().size() >= 2) {
            List<Expr> fs = m.factors();
            Expr last = fs.get(fs.size() - 1);
            List<Expr> prefix = fs.subList(0, fs.size() - 1);
            for (Expr f : prefix) {
                if (mentions(f, g)) throw new NotQuadratic(TextPrinter.print(e) + " is not affine in " + g.x().name());
            }
            if (!last.shape().isVector()) throw new NotQuadratic(TextPrinter.print(e) + " is not a matrix times a vector");
            Affine v = affine(last, g);
            return new Affine(v.f() == null ? null : product(prefix, v.f()), v.h() == null ? null : product(prefix, v.h()));
        }
        throw new NotQuadratic(TextPrinter.print(e) + " is not affine in " + g.x().name());
    }

    /** <F1 x + h1, F2 x + h2> = x'F1'F2 x + (F1'h2 + F2'h1)'x + <h1, h2>. */
    private static Quadratic inner(Affine u, Affine v) {
        Expr m = u.f() == null || v.f() == null ? null : product(List.of(transpose(u.f())), v.f());
        Expr b1 = u.f() == null || v.h() == null ? null : product(List.of(transpose(u.f())), v.h());
        Expr b2 = v.f() == null || u.h() == null ? null : product(List.of(transpose(v.f())), u.h());
        Expr c = u.h() == null || v.h() == null ? Num.ZERO : GramForms.expand(innerOf(u.h(), v.h()));
        return new Quadratic(m, collected(sum(b1, b2)), c);
    }

    /** Like terms of a vector collected (-b - b is -2*b). */
    private static Expr collected(Expr b) {
        if (b == null || !(b instanceof Add)) return b;
        Expr zero = Exprs.mul(Num.ZERO, b);
        Expr out = derivcheck.algebra.LinearCombination.of(b).toExpr(zero);
        return Exprs.isZero(out) ? null : out;
    }

    private static Expr innerOf(Expr a, Expr b) {
        return a.equals(b) ? Exprs.sq(new Norm(a, NormKind.L2, Pos.NONE)) : new Inner(a, b, Pos.NONE);
    }

    private static Quadratic plus(Quadratic a, Quadratic b) {
        return new Quadratic(sum(a.m(), b.m()), sum(a.b(), b.b()), Exprs.add(a.c(), b.c()));
    }

    /** The product of two forms, when its degree is at most 2. */
    private static Quadratic times(Quadratic a, Quadratic b, Gaussian g) {
        if (a.m() == null && a.b() == null) return scale(a.c(), b);
        if (b.m() == null && b.b() == null) return scale(b.c(), a);
        if (a.m() == null && b.m() == null) {
            // (a'x + c)(b'x + d) = x'(a b')x + (d a + c b)'x + c d
            Expr m = new Mul(List.of(a.b(), new Transpose(b.b(), Pos.NONE)), Pos.NONE);
            Expr lin = sum(scaled(b.c(), a.b()), scaled(a.c(), b.b()));
            return new Quadratic(m, lin, Exprs.mul(a.c(), b.c()));
        }
        throw new NotQuadratic("a product of degree above 2 in " + g.x().name());
    }

    private static Quadratic scale(Expr c, Quadratic q) {
        return new Quadratic(scaled(c, q.m()), scaled(c, q.b()), Exprs.mul(c, q.c()));
    }

    private static Expr scaled(Expr c, Expr e) {
        if (e == null || Exprs.isZero(c)) return null;
        if (c instanceof Num n && n.value().isOne()) return e;
        return Exprs.mul(c, e);
    }

    private static Expr sum(Expr a, Expr b) {
        if (a == null) return b;
        if (b == null) return a;
        return Exprs.add(a, b);
    }

    /** prefix · e with identity factors dropped. */
    private static Expr product(List<Expr> prefix, Expr e) {
        List<Expr> fs = new ArrayList<>();
        for (Expr f : prefix) addFactors(fs, f);
        addFactors(fs, e);
        List<Expr> kept = new ArrayList<>();
        for (Expr f : fs) if (!(f instanceof Identity)) kept.add(f);
        if (kept.isEmpty()) return fs.get(0);
        return Exprs.mul(foldRowColumn(kept), Pos.NONE);
    }

    /** An adjacent u' v of two vectors in a product is the scalar <u, v>: a a' a a' = ||a||^2 a a'. */
    private static List<Expr> foldRowColumn(List<Expr> fs) {
        List<Expr> scalars = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        for (int k = 0; k < fs.size(); k++) {
            Expr f = fs.get(k);
            if (k + 1 < fs.size() && f instanceof Transpose t && t.arg().shape().isVector() && fs.get(k + 1).shape().isVector()) {
                scalars.add(innerOf(t.arg(), fs.get(k + 1)));
                k++;
                continue;
            }
            rest.add(f);
        }
        List<Expr> out = new ArrayList<>(scalars);
        out.addAll(rest);
        return out;
    }

    private static void addFactors(List<Expr> out, Expr f) {
        if (f instanceof Mul m && !f.isScalar()) out.addAll(m.factors());
        else out.add(f);
    }

    /** (AB)' = B'A', (A')' = A, I' = I, scalars unchanged, (A + B)' = A' + B'. */
    static Expr transpose(Expr e) {
        if (e.isScalar() || e instanceof Identity) return e;
        if (e instanceof Transpose t) return t.arg();
        if (e instanceof Mul m) {
            List<Expr> f = new ArrayList<>();
            for (int k = m.factors().size() - 1; k >= 0; k--) f.add(transpose(m.factors().get(k)));
            return Exprs.mul(f, Pos.NONE);
        }
        if (e instanceof Add a) {
            List<Expr> t = new ArrayList<>();
            for (Expr x : a.terms()) t.add(transpose(x));
            return Exprs.add(t, Pos.NONE);
        }
        return new Transpose(e, Pos.NONE);
    }

    /** tr(M) with tr(I_n) = n, scalar factors out and sums split. */
    static Expr trace(Expr m) {
        if (m instanceof Identity i) return BackpropDims.dim(i.n());
        if (m instanceof Add a) {
            List<Expr> t = new ArrayList<>();
            for (Expr x : a.terms()) t.add(trace(x));
            return Exprs.add(t, Pos.NONE);
        }
        if (m instanceof Mul mul) {
            List<Expr> scalars = new ArrayList<>();
            List<Expr> rest = new ArrayList<>();
            for (Expr f : mul.factors()) (f.isScalar() ? scalars : rest).add(f);
            if (!scalars.isEmpty()) {
                scalars.add(trace(rest.size() == 1 ? rest.get(0) : Exprs.mul(rest, Pos.NONE)));
                return Exprs.mul(scalars, Pos.NONE);
            }
            // tr(u v') = <u, v>
            if (rest.size() == 2 && rest.get(0).shape().isVector() && rest.get(1) instanceof Transpose t) {
                return innerOf(rest.get(0), t.arg());
            }
        }
        return Apply.of(Builtin.TRACE, m);
    }

    private static boolean mentions(Expr e, Gaussian g) { return Exprs.mentions(e, g.x().name()); }

    // ------------------------------------------------------------------ the moments

    /** E[q] = v tr(M) + c. */
    static Expr mean(Quadratic q, Gaussian g) {
        Expr quad = q.m() == null ? Num.ZERO : Exprs.mul(g.variance(), trace(q.m()));
        return Exprs.add(quad, q.c());
    }

    /** Var[q] = v² (tr(M'M) + tr(MM)) + v ‖b‖², which is 2 v² tr(M²) + v ‖b‖² for a symmetric M. */
    static Expr variance(Quadratic q, Gaussian g) {
        List<Expr> terms = new ArrayList<>();
        if (q.m() != null) {
            Expr mm = trace(product(List.of(q.m()), q.m()));
            if (transpose(q.m()).equals(q.m())) {
                terms.add(Exprs.mul(Num.of(2), Exprs.sq(g.variance()), mm));
            } else {
                Expr mtm = trace(product(List.of(transpose(q.m())), q.m()));
                terms.add(Exprs.mul(Exprs.sq(g.variance()), Exprs.add(mtm, mm)));
            }
        }
        if (q.b() != null) terms.add(Exprs.mul(g.variance(), Exprs.sq(new Norm(q.b(), NormKind.L2, Pos.NONE))));
        return terms.isEmpty() ? Num.ZERO : Exprs.add(terms, Pos.NONE);
    }

    /** The quadratic form as an expression, for the step that shows it. */
    static Expr written(Quadratic q, Gaussian g) {
        List<Expr> terms = new ArrayList<>();
        Expr x = g.x();
        if (q.m() != null) terms.add(product(List.of(new Transpose(x, Pos.NONE)), product(List.of(q.m()), x)));
        if (q.b() != null) terms.add(innerOf(q.b(), x));
        if (!Exprs.isZero(q.c())) terms.add(q.c());
        return terms.isEmpty() ? Num.ZERO : Exprs.add(terms, Pos.NONE);
    }

    /** Sizes as scalars (a dimension name becomes a DIM symbol). */
    private static final class BackpropDims {
        static Expr dim(derivcheck.expr.Dim d) {
            List<Expr> terms = new ArrayList<>();
            for (var t : d.terms().entrySet()) {
                terms.add(Exprs.mul(Num.of(t.getValue()), new Sym(t.getKey(), Shape.SCALAR, SymKind.DIM, Pos.NONE)));
            }
            if (d.constant() != 0 || terms.isEmpty()) terms.add(Num.of(d.constant()));
            return Exprs.add(terms, Pos.NONE);
        }
    }
}
