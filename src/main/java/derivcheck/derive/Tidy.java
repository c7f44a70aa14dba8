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
import java.util.Optional;

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
        LinearCombination lc = LinearCombination.of(inverses(e, ctx)).mapCoefficients(c -> signOut(rational(c, ctx)));
        List<Term> terms = lc.asTerms();
        if (terms.isEmpty()) return Exprs.mul(List.of(Num.ZERO, e), Pos.NONE);
        if (terms.size() == 1) return lc.toExpr(e);
        List<Expr> outside = new ArrayList<>();
        Expr shared = sharedDenominator(terms);
        if (shared != null) {
            List<Term> over = new ArrayList<>();
            for (Term t : terms) over.add(new Term(signOut(rational(Exprs.mul(List.of(t.coefficient(), shared), Pos.NONE), ctx)), t.factors()));
            terms = over;
        }
        if (shared == null) {
            Optional<Expr> step = stepTowards(terms, ctx);
            if (step.isPresent()) return step.get();
        }
        // a scalar factor of every coefficient goes in front: g_k (x/‖w_k‖ − (⟨w_k, x⟩ + b_k)/‖w_k‖³ w_k)
        List<Expr> common = commonFactors(terms);
        Rational number = commonNumber(terms);
        if (!common.isEmpty() || !number.isOne()) {
            if (!number.isOne()) outside.add(new Num(number, Pos.NONE));
            outside.addAll(common);
            List<Term> rest = new ArrayList<>();
            for (Term t : terms) {
                Expr c = without(t.coefficient(), common);
                rest.add(new Term(Exprs.mul(List.of(new Num(number.inverse(), Pos.NONE), c), Pos.NONE), t.factors()));
            }
            terms = rest;
        }
        Expr sum = LinearCombination.ordered(positiveFirst(terms)).toExpr(e);
        if (outside.isEmpty() && shared == null) return sum;
        outside.add(sum);
        if (shared != null) outside.add(new Pow(shared, Num.MINUS_ONE, Pos.NONE));
        return Exprs.mul(outside, Pos.NONE);
    }

    /**
     * c·u + (1 − c)·v, a step from v towards u, written as an update: v + c (u − v)
     * ({@code 2α x + (1 − 2α) y} is {@code y + 2α (x − y)}). Only for a coefficient c that is not a number.
     */
    private static Optional<Expr> stepTowards(List<Term> terms, DeriveContext ctx) {
        if (terms.size() != 2 || terms.get(0).isScalar() || terms.get(1).isScalar()) return Optional.empty();
        for (int k = 0; k < 2; k++) {
            Term u = terms.get(k), v = terms.get(1 - k);
            Expr c = u.coefficient();
            if (c instanceof Num || !(v.coefficient() instanceof derivcheck.expr.Add a) || !a.terms().contains(Num.ONE)) continue;
            if (!(ctx.simplify(Exprs.add(List.of(c, v.coefficient()), Pos.NONE)) instanceof Num one) || !one.value().isOne()) continue;
            Expr towards = Exprs.add(List.of(u.product(), Exprs.neg(v.product())), Pos.NONE);
            return Optional.of(Exprs.add(List.of(v.product(), Exprs.mul(List.of(c, towards), Pos.NONE)), Pos.NONE));
        }
        return Optional.empty();
    }

    /** The non-numeric factors (not denominators) that every coefficient has, in the first one's order. */
    private static List<Expr> commonFactors(List<Term> terms) {
        List<Expr> out = new ArrayList<>();
        for (Expr f : factorsOf(terms.get(0).coefficient())) {
            if (f instanceof Num || isDenominator(f) || out.contains(f)) continue;
            boolean everywhere = true;
            for (Term t : terms) everywhere &= factorsOf(t.coefficient()).contains(f);
            if (everywhere) out.add(f);
        }
        return out;
    }

    /** The number every coefficient has up to its sign (2 in 2y − 2x), else 1. */
    private static Rational commonNumber(List<Term> terms) {
        Rational out = null;
        for (Term t : terms) {
            Rational n = Rational.ONE;
            for (Expr f : factorsOf(t.coefficient())) if (f instanceof Num k) n = n.times(k.value());
            if (n.signum() < 0) n = n.negate();
            if (out == null) out = n;
            else if (!out.equals(n)) return Rational.ONE;
        }
        return out == null || out.isZero() ? Rational.ONE : out;
    }

    private static List<Expr> factorsOf(Expr c) { return c instanceof Mul m ? m.factors() : List.of(c); }

    /** The coefficient with one occurrence of each of the factors taken out. */
    private static Expr without(Expr c, List<Expr> factors) {
        List<Expr> left = new ArrayList<>(factorsOf(c));
        for (Expr f : factors) left.remove(f);
        return left.isEmpty() ? Num.ONE : Exprs.mul(left, Pos.NONE);
    }

    /**
     * A sum factor whose terms are all negative, with its sign taken out to the front:
     * {@code (−⟨w, x⟩ − b) g} is {@code −(⟨w, x⟩ + b) g}.
     */
    private static Expr signOut(Expr c) {
        List<Expr> fs = factorsOf(c);
        List<Expr> out = new ArrayList<>();
        boolean flipped = false;
        for (Expr f : fs) {
            if (f instanceof derivcheck.expr.Add a && a.terms().stream().allMatch(Tidy::negative)) {
                out.add(Exprs.add(a.terms().stream().map(Exprs::neg).toList(), Pos.NONE));
                flipped = !flipped;
            } else {
                out.add(f);
            }
        }
        if (!flipped && out.equals(fs)) return c;
        if (flipped) out.add(0, Num.MINUS_ONE);
        return Exprs.mul(out, Pos.NONE);
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
        Expr best = ctx.cas().cancel(t).orElse(t);
        // Symja's Cancel may split a quotient into several fractions instead of cancelling a common
        // factor: (−ε − ε²λ)/(2(1 + ελ)) becomes two fractions, where cancelled before it is put
        // together it is −ε/2, and g(−⟨w, x⟩ − b)/‖w‖³ comes back as ‖w‖⁻²(−g⟨w, x⟩/‖w‖ − gb/‖w‖).
        // The simplest of the equal forms wins.
        for (Expr other : List.of(ctx.cas().cancel(s).orElse(s), t, s)) {
            if (simpler(other, best)) best = other;
        }
        return derivcheck.algebra.Canonical.sorted(best);
    }

    /** Whether a is simpler than b: fewer fractions inside a denominator, fewer denominators, fewer nodes. */
    static boolean simpler(Expr a, Expr b) {
        int na = nestedDenominators(a, false), nb = nestedDenominators(b, false);
        if (na != nb) return na < nb;
        int da = countDenominators(a), db = countDenominators(b);
        return da != db ? da < db : size(a) < size(b);
    }

    private static boolean isDenominator(Expr e) {
        return e instanceof Pow p && p.exponent() instanceof Num n && n.value().signum() < 0;
    }

    private static int countDenominators(Expr e) {
        int n = isDenominator(e) ? 1 : 0;
        for (Expr c : e.children()) n += countDenominators(c);
        return n;
    }

    private static int size(Expr e) {
        int n = 1;
        for (Expr c : e.children()) n += size(c);
        return n;
    }

    /** How many denominators sit inside another denominator (1/(2(1/ε + λ)) has one). */
    private static int nestedDenominators(Expr e, boolean inDenominator) {
        boolean denominator = isDenominator(e);
        int here = denominator && inDenominator ? 1 : 0;
        for (Expr c : e.children()) here += nestedDenominators(c, inDenominator || denominator);
        return here;
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
