package derivcheck.derive;

import derivcheck.cas.Sign;
import derivcheck.expr.Expr;

/** Signs of scalars under the problem's assumptions, proven (never guessed). */
public final class Signs {
    private Signs() {}

    /**
     * The sign by the CAS, else from the structure: a sum of positive and nonnegative terms is
     * positive (the CAS does not prove lambda + 1/eps > 0 from lambda > 0, eps > 0), a product
     * by its factors (see {@link ConditionSolve#sign}).
     */
    public static Sign of(Expr e, DeriveContext ctx) {
        Sign whole = ConditionSolve.sign(ctx, e, ctx.assumptions());
        if (whole.isStrict()) return whole;
        if (e instanceof derivcheck.expr.Mul m) {
            int s = 1;
            for (Expr f : m.factors()) {
                Sign fs = of(f, ctx);
                if (fs == Sign.NEGATIVE) s = -s;
                else if (fs != Sign.POSITIVE) return whole;
            }
            return s > 0 ? Sign.POSITIVE : Sign.NEGATIVE;
        }
        if (e instanceof derivcheck.expr.Pow p && of(p.base(), ctx) == Sign.POSITIVE) return Sign.POSITIVE;
        if (!(e instanceof derivcheck.expr.Add a)) return whole;
        boolean pos = false, neg = false, allNonneg = true, allNonpos = true;
        for (Expr t : a.terms()) {
            Sign ts = of(t, ctx);
            pos |= ts == Sign.POSITIVE;
            neg |= ts == Sign.NEGATIVE;
            allNonneg &= ts == Sign.POSITIVE || ts == Sign.NONNEGATIVE || ts == Sign.ZERO;
            allNonpos &= ts == Sign.NEGATIVE || ts == Sign.NONPOSITIVE || ts == Sign.ZERO;
        }
        if (allNonneg) return pos ? Sign.POSITIVE : Sign.NONNEGATIVE;
        if (allNonpos) return neg ? Sign.NEGATIVE : Sign.NONPOSITIVE;
        return whole;
    }
}
