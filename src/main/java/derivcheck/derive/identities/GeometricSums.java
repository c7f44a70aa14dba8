package derivcheck.derive.identities;

import derivcheck.cas.Sign;
import derivcheck.derive.DeriveContext;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Sum;
import derivcheck.expr.TextPrinter;
import java.util.ArrayList;
import java.util.List;

/**
 * Finite geometric sums in closed form, for comparison:
 * Σ_{k=lo}^{hi} c·q^(±k + b) = c·q^(±lo + b)·(1 − q^(±(hi − lo + 1)))/(1 − q^(±1)), used only where
 * q ≠ 1 is proven (q − 1 of strict sign under the assumptions) and hi − lo + 1 ≥ 0 (an empty
 * range sums to 0 on both sides). Every rewrite is recorded with its condition in {@code notes}.
 */
public final class GeometricSums {
    private GeometricSums() {}

    public static Expr closed(Expr e, DeriveContext ctx, List<String> notes) {
        return Exprs.transform(e, x -> x instanceof Sum s ? one(s, ctx, notes) : null);
    }

    private static Expr one(Sum s, DeriveContext ctx, List<String> notes) {
        Expr body = closed(s.body(), ctx, notes);
        List<Expr> factors = body instanceof Mul m ? m.factors() : List.of(body);
        Pow power = null;
        List<Expr> rest = new ArrayList<>();
        for (Expr f : factors) {
            if (!Exprs.mentions(f, s.index().name())) { rest.add(f); continue; }
            if (power != null || !(f instanceof Pow p) || Exprs.mentions(p.base(), s.index().name()) || !p.base().isScalar()) {
                return rebuilt(s, body);
            }
            power = p;
        }
        if (power == null) return rebuilt(s, body);
        Expr q = power.base(), k = s.index(), exponent = power.exponent();
        Expr step = ctx.simplify(Exprs.sub(Exprs.substitute(exponent, k, Exprs.add(k, Num.ONE)), exponent));
        if (!(step instanceof Num a) || !(a.value().isOne() || a.value().negate().isOne())) return rebuilt(s, body);
        Sign away = ctx.cas().sign(Exprs.sub(q, Num.ONE), ctx.assumptions()).orElse(Sign.UNKNOWN);
        if (away != Sign.POSITIVE && away != Sign.NEGATIVE) return rebuilt(s, body);
        Expr count = Exprs.add(Exprs.sub(s.hi(), s.lo()), Num.ONE);
        Sign c = ctx.cas().sign(count, ctx.assumptions()).orElse(Sign.UNKNOWN);
        if (c != Sign.POSITIVE && c != Sign.NONNEGATIVE && c != Sign.ZERO) return rebuilt(s, body);
        Expr first = Exprs.pow(q, Exprs.substitute(exponent, k, s.lo()));
        Expr ratio = Exprs.pow(q, step);
        Expr closedForm = Exprs.mul(first, Exprs.sub(Num.ONE, Exprs.pow(q, Exprs.mul(step, count))),
                Exprs.pow(Exprs.sub(Num.ONE, ratio), Num.MINUS_ONE));
        notes.add(TextPrinter.print(new Sum(s.index(), s.lo(), s.hi(), power, Pos.NONE)) + " = " + TextPrinter.print(closedForm)
                + " (a geometric sum; " + TextPrinter.print(q) + " != 1)");
        rest.add(0, closedForm);
        return Exprs.mul(rest, Pos.NONE);
    }

    private static Expr rebuilt(Sum s, Expr body) {
        return body == s.body() ? s : new Sum(s.index(), s.lo(), s.hi(), body, s.pos());
    }
}
