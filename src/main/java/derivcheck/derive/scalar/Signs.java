package derivcheck.derive.scalar;

import derivcheck.cas.Sign;
import derivcheck.derive.DeriveContext;
import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Expr;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pow;

/** Signs of scalars under the problem's assumptions, proven (never guessed). */
public final class Signs {
    private Signs() {}

    /**
     * The sign by the CAS, else from the structure: a sum of positive and nonnegative terms is
     * positive (the CAS does not prove lambda + 1/eps > 0 from lambda > 0, eps > 0), a product
     * or quotient by its factors, a power by its base (an even power of a nonzero base is
     * positive), exp and sigmoid are positive, and interval bounds ({@link Ranges}) prove
     * 1 - x > 0 for x in (0, 1) and 1 - sigmoid(z) > 0. A sum of mixed signs is factored by the
     * CAS and decided by its factors (eps*x - eps*x^2 = eps*x*(1 - x)).
     */
    public static Sign of(Expr e, DeriveContext ctx) {
        return of(e, ctx, true);
    }

    private static Sign of(Expr e, DeriveContext ctx, boolean mayFactor) {
        Sign whole = ConditionSolve.sign(ctx, e, ctx.assumptions());
        if (whole.isStrict()) return whole;
        Ranges.Interval range = Ranges.of(e, ctx.assumptions());
        if (range.positive()) return Sign.POSITIVE;
        if (range.negative()) return Sign.NEGATIVE;
        if (e instanceof Apply a && a.args().size() == 1 && a.fn() instanceof derivcheck.expr.Builtin b) {
            switch (b) {
                case EXP, SIGMOID, SOFTPLUS, COSH: return Sign.POSITIVE;
                case SQRT: if (of(a.args().get(0), ctx, mayFactor) == Sign.POSITIVE) return Sign.POSITIVE; break;
                default: break;
            }
            return whole;
        }
        if (e instanceof Mul m) {
            int s = 1;
            for (Expr f : m.factors()) {
                Sign fs = of(f, ctx, mayFactor);
                if (fs == Sign.NEGATIVE) s = -s;
                else if (fs != Sign.POSITIVE) return whole;
            }
            return s > 0 ? Sign.POSITIVE : Sign.NEGATIVE;
        }
        if (e instanceof Pow p) return power(p, whole, ctx, mayFactor);
        if (!(e instanceof Add a)) return whole;
        boolean pos = false, neg = false, allNonneg = true, allNonpos = true;
        for (Expr t : a.terms()) {
            Sign ts = of(t, ctx, mayFactor);
            pos |= ts == Sign.POSITIVE;
            neg |= ts == Sign.NEGATIVE;
            allNonneg &= ts == Sign.POSITIVE || ts == Sign.NONNEGATIVE || ts == Sign.ZERO;
            allNonpos &= ts == Sign.NEGATIVE || ts == Sign.NONPOSITIVE || ts == Sign.ZERO;
        }
        if (allNonneg) return pos ? Sign.POSITIVE : Sign.NONNEGATIVE;
        if (allNonpos) return neg ? Sign.NEGATIVE : Sign.NONPOSITIVE;
        if (mayFactor) {
            Expr factored = ctx.cas().factor(e).orElse(e);
            if (!factored.equals(e) && !(factored instanceof Add)) {
                Sign fs = of(factored, ctx, false);
                if (fs != Sign.UNKNOWN) return fs;
            }
        }
        return whole;
    }

    /** b^k: positive for b > 0; for an integer k, by the parity of k when b < 0. */
    private static Sign power(Pow p, Sign whole, DeriveContext ctx, boolean mayFactor) {
        Sign b = of(p.base(), ctx, mayFactor);
        if (b == Sign.POSITIVE) return Sign.POSITIVE;
        if (b == Sign.NEGATIVE && p.exponent() instanceof Num k && k.value().isInteger()) {
            return k.value().num().testBit(0) ? Sign.NEGATIVE : Sign.POSITIVE;
        }
        return whole;
    }
}
