package derivcheck.derive;

import derivcheck.algebra.LinearCombination;
import derivcheck.algebra.Term;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a result in the form a solution sheet would print: like terms collected, scalar
 * coefficients simplified by the CAS, and a denominator shared by every term factored out:
 * {@code θ^t/(1+ελ) − εg/(1+ελ)} becomes {@code (θ^t − εg)/(1+ελ)}.
 */
public final class Tidy {
    private Tidy() {}

    public static Expr of(Expr e, DeriveContext ctx) {
        return derivcheck.algebra.Canonical.displayOrder(collect(ctx.withMatrixFacts(e), ctx));
    }

    private static Expr collect(Expr e, DeriveContext ctx) {
        if (e.isScalar()) return ctx.simplify(e);
        LinearCombination lc = LinearCombination.of(inverses(e, ctx)).mapCoefficients(c -> rational(c, ctx));
        List<Term> terms = positiveFirst(lc.asTerms());
        lc = LinearCombination.ordered(terms);
        if (terms.isEmpty()) return Exprs.mul(List.of(Num.ZERO, e), Pos.NONE);
        Expr shared = sharedDenominator(terms);
        if (shared != null && terms.size() > 1) {
            List<Expr> parts = new ArrayList<>();
            for (Term t : terms) {
                Expr c = rational(Exprs.mul(List.of(t.coefficient(), shared), Pos.NONE), ctx);
                parts.add(new Term(c, t.factors()).toExpr());
            }
            return Exprs.mul(List.of(Exprs.add(parts, Pos.NONE), new Pow(shared, Num.MINUS_ONE, Pos.NONE)), Pos.NONE);
        }
        return lc.toExpr(e);
    }

    /** The inside of every matrix inverse in one canonical form, so equal inverses compare equal. */
    public static Expr inverses(Expr e, DeriveContext ctx) {
        return Exprs.transform(e, x -> {
            if (x instanceof derivcheck.expr.Inverse inv) {
                return new derivcheck.expr.Inverse(of(inverses(inv.arg(), ctx), ctx), inv.pos());
            }
            if (x instanceof derivcheck.expr.Apply a && a.args().size() == 1 && !a.args().get(0).isScalar()) {
                return new derivcheck.expr.Apply(a.fn(), java.util.List.of(of(inverses(a.args().get(0), ctx), ctx)), a.pos());
            }
            return null;
        });
    }

    /** A scalar coefficient simplified and written over one denominator. */
    private static Expr rational(Expr c, DeriveContext ctx) {
        Expr s = ctx.simplify(c);
        Expr t = ctx.cas().together(s).orElse(s);
        return derivcheck.algebra.Canonical.sorted(ctx.cas().cancel(t).orElse(t));
    }

    /** Terms with a leading minus go last, so results read "theta_t - eps*g", not "-eps*g + theta_t". */
    private static List<Term> positiveFirst(List<Term> terms) {
        List<Term> ones = new ArrayList<>();
        List<Term> plus = new ArrayList<>();
        List<Term> minus = new ArrayList<>();
        for (Term t : terms) {
            if (t.coefficient() instanceof Num n && n.value().isOne()) ones.add(t);
            else (negative(t.coefficient()) ? minus : plus).add(t);
        }
        ones.addAll(plus);
        ones.addAll(minus);
        return ones;
    }

    private static boolean negative(Expr c) {
        if (c instanceof Num n) return n.value().signum() < 0;
        return c instanceof Mul m && m.factors().get(0) instanceof Num n && n.value().signum() < 0;
    }

    /** A non-numeric factor d^-1 that every coefficient has, or null. */
    private static Expr sharedDenominator(List<Term> terms) {
        Expr candidate = null;
        for (Term t : terms) {
            List<Expr> dens = denominators(t.coefficient());
            if (candidate == null) {
                if (dens.isEmpty()) return null;
                candidate = dens.get(0);
            } else if (!dens.contains(candidate)) {
                return null;
            }
        }
        return candidate;
    }

    private static List<Expr> denominators(Expr c) {
        List<Expr> out = new ArrayList<>();
        List<Expr> fs = c instanceof Mul m ? m.factors() : List.of(c);
        for (Expr f : fs) {
            if (f instanceof Pow p && p.exponent() instanceof Num n && n.value().equals(Rational.MINUS_ONE)
                    && !(p.base() instanceof Num)) {
                out.add(p.base());
            }
        }
        return out;
    }
}
