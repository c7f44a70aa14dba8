package derivcheck.derive.scalar;

import derivcheck.cas.Sign;
import derivcheck.derive.DeriveContext;
import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pow;
import derivcheck.expr.Sum;

/**
 * The sign of a second derivative, proven (never guessed): {@link Signs} first, then the
 * structure that second derivatives have and {@link Signs} does not read — an index sum of
 * positive (nonnegative) terms over a range proven nonempty is positive (nonnegative), a product
 * of positive and nonnegative factors is nonnegative, an even power is nonnegative, a sum of
 * nonnegative terms with one positive term is positive.
 */
public final class Curvature {
    private Curvature() {}

    public static Sign sign(Expr e, DeriveContext ctx) {
        Sign whole = Signs.of(e, ctx);
        if (whole.isStrict()) return whole;
        Sign s = structural(e, ctx);
        return s == Sign.UNKNOWN ? whole : s;
    }

    private static Sign structural(Expr e, DeriveContext ctx) {
        if (e instanceof Num n) return n.value().signum() > 0 ? Sign.POSITIVE : n.value().signum() < 0 ? Sign.NEGATIVE : Sign.ZERO;
        if (e instanceof Sum s) {
            Sign body = sign(s.body(), ctx);
            boolean nonempty = Signs.of(Exprs.add(s.hi(), Exprs.neg(s.lo()), Num.ONE), ctx) == Sign.POSITIVE;
            if (body == Sign.POSITIVE) return nonempty ? Sign.POSITIVE : Sign.NONNEGATIVE;
            if (body == Sign.NONNEGATIVE || body == Sign.ZERO) return Sign.NONNEGATIVE;
            if (body == Sign.NEGATIVE) return nonempty ? Sign.NEGATIVE : Sign.NONPOSITIVE;
            if (body == Sign.NONPOSITIVE) return Sign.NONPOSITIVE;
            return Sign.UNKNOWN;
        }
        if (e instanceof Pow p && p.exponent() instanceof Num k && k.value().isInteger() && !k.value().num().testBit(0)) {
            Sign b = sign(p.base(), ctx);
            return b == Sign.ZERO ? Sign.ZERO : b.isStrict() ? Sign.POSITIVE : Sign.NONNEGATIVE;
        }
        if (e instanceof Mul m) {
            int flip = 1;
            boolean weak = false;
            for (Expr f : m.factors()) {
                Sign fs = sign(f, ctx);
                switch (fs) {
                    case POSITIVE -> { }
                    case NEGATIVE -> flip = -flip;
                    case NONNEGATIVE -> weak = true;
                    case NONPOSITIVE -> { weak = true; flip = -flip; }
                    case ZERO -> { return Sign.ZERO; }
                    default -> { return Sign.UNKNOWN; }
                }
            }
            if (flip > 0) return weak ? Sign.NONNEGATIVE : Sign.POSITIVE;
            return weak ? Sign.NONPOSITIVE : Sign.NEGATIVE;
        }
        if (e instanceof Add a) {
            boolean pos = false, neg = false, nonneg = true, nonpos = true;
            for (Expr t : a.terms()) {
                Sign ts = sign(t, ctx);
                pos |= ts == Sign.POSITIVE;
                neg |= ts == Sign.NEGATIVE;
                nonneg &= ts == Sign.POSITIVE || ts == Sign.NONNEGATIVE || ts == Sign.ZERO;
                nonpos &= ts == Sign.NEGATIVE || ts == Sign.NONPOSITIVE || ts == Sign.ZERO;
            }
            if (nonneg) return pos ? Sign.POSITIVE : Sign.NONNEGATIVE;
            if (nonpos) return neg ? Sign.NEGATIVE : Sign.NONPOSITIVE;
        }
        return Sign.UNKNOWN;
    }
}
