package derivcheck.algebra;

import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Inner;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Shape;
import derivcheck.expr.Transpose;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands an expression into terms (coefficient × ordered product of non-scalar atoms) by
 * distributing products over sums in order, pulling scalars out of products, pushing
 * transposes inward ((AB)' = B'A'), and expanding inner products and squared Euclidean norms
 * by bilinearity (the "Gram expansion": ||a - b||^2 = ||a||^2 - 2<a, b> + ||b||^2).
 * Scalar subexpressions that are not sums or products stay as coefficients for the CAS.
 */
public final class Expansion {
    private Expansion() {}

    public static List<Term> expand(Expr e) {
        if (e instanceof Add a) {
            List<Term> out = new ArrayList<>();
            for (Expr t : a.terms()) out.addAll(expand(t));
            return out;
        }
        if (e instanceof Mul m) return product(m.factors());
        if (e instanceof Transpose t) return transpose(expand(t.arg()));
        if (e instanceof Inner i) return inner(expand(i.left()), expand(i.right()));
        if (e instanceof Pow p && isSquaredEuclidean(p)) {
            Expr x = ((Norm) p.base()).arg();
            return inner(expand(x), expand(x));
        }
        if (e instanceof Num n && n.value().isZero()) return List.of();
        if (e.isScalar()) return List.of(new Term(e, List.of()));
        return List.of(new Term(Num.ONE, List.of(e)));
    }

    private static boolean isSquaredEuclidean(Pow p) {
        return p.base() instanceof Norm n && n.kind() != NormKind.L1 && n.kind() != NormKind.LINF
                && p.exponent() instanceof Num k && k.value().equals(derivcheck.expr.Rational.of(2));
    }

    private static List<Term> product(List<Expr> factors) {
        List<Term> acc = List.of(new Term(Num.ONE, List.of()));
        for (Expr f : factors) {
            List<Term> next = new ArrayList<>();
            List<Term> fs = expand(f);
            for (Term a : acc) {
                for (Term b : fs) next.add(times(a, b));
            }
            acc = next;
        }
        List<Term> out = new ArrayList<>();
        for (Term t : acc) out.add(foldScalarProduct(t));
        return out;
    }

    private static Term times(Term a, Term b) {
        List<Expr> f = new ArrayList<>(a.factors());
        f.addAll(b.factors());
        return new Term(Exprs.mul(List.of(a.coefficient(), b.coefficient()), Pos.NONE), dropIdentities(cancelInverses(f)));
    }

    /** inv(M)·M and M·inv(M) next to each other are I (an inverse that is written exists). */
    private static List<Expr> cancelInverses(List<Expr> f) {
        if (f.size() < 2) return f;
        List<Expr> out = new ArrayList<>();
        Expr identity = null;
        for (Expr x : f) {
            if (!out.isEmpty()) {
                Expr last = out.get(out.size() - 1);
                boolean cancels = last instanceof derivcheck.expr.Inverse i && i.arg().equals(x)
                        || x instanceof derivcheck.expr.Inverse j && j.arg().equals(last);
                if (cancels && x.shape() instanceof Shape.Matrix m && m.rows().equals(m.cols())) {
                    out.remove(out.size() - 1);
                    identity = new Identity(m.rows(), Pos.NONE);
                    continue;
                }
            }
            out.add(x);
        }
        if (out.isEmpty()) out.add(identity);
        return out;
    }

    /** I times anything non-scalar is that thing. */
    private static List<Expr> dropIdentities(List<Expr> f) {
        if (f.size() < 2) return f;
        List<Expr> out = new ArrayList<>();
        for (Expr x : f) if (!(x instanceof Identity)) out.add(x);
        return out.isEmpty() ? List.of(f.get(0)) : out;
    }

    /** A product of atoms that is 1-by-1 (a'b, a'Ab) is a scalar: it joins the coefficient. */
    private static Term foldScalarProduct(Term t) {
        if (t.factors().size() < 2) return t;
        Shape s = new Mul(t.factors(), Pos.NONE).shape();
        if (!s.isScalar()) return t;
        Expr atom;
        List<Expr> f = t.factors();
        if (f.size() == 2 && f.get(0) instanceof Transpose tr && tr.arg().shape().isVector() && f.get(1).shape().isVector()) {
            atom = Atoms.inner(tr.arg(), f.get(1));
        } else {
            atom = new Mul(f, Pos.NONE);
        }
        return new Term(Exprs.mul(List.of(t.coefficient(), atom), Pos.NONE), List.of());
    }

    private static List<Term> transpose(List<Term> terms) {
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            List<Expr> f = new ArrayList<>();
            for (int k = t.factors().size() - 1; k >= 0; k--) f.add(Atoms.transpose(t.factors().get(k)));
            out.add(new Term(t.coefficient(), f));
        }
        return out;
    }

    /** <Σ a_k u_k, Σ b_l v_l> = Σ a_k b_l <u_k, v_l>. */
    private static List<Term> inner(List<Term> left, List<Term> right) {
        List<Term> out = new ArrayList<>();
        for (Term a : left) {
            for (Term b : right) {
                Expr atom = Atoms.inner(a.product(), b.product());
                out.add(new Term(Exprs.mul(List.of(a.coefficient(), b.coefficient(), atom), Pos.NONE), List.of()));
            }
        }
        return out;
    }
}
