package derivcheck.derive.identities;

import derivcheck.derive.DeriveContext;
import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finite sums in one form: the body simplified, split by linearity (a sum of terms is a sum of
 * sums), factors free of the index pulled out, and a body free of the index counted:
 * {@code sum(i = 1..n, c) = n*c}. What stays inside is written the way a sheet writes it, the
 * factors in the order the problem's definition reads them and equal powers combined:
 * {@code sum(j, w_j^2*x_j^2)} is {@code sum(j, (w_j*x_j)^2)}.
 */
public final class SumForms {
    private SumForms() {}

    /** Collapses every sum, innermost first; {@code hint} orders the factors left inside. */
    public static Expr collapse(Expr e, DeriveContext ctx, Expr hint) {
        List<Expr> order = new ArrayList<>();
        leaves(hint, order);
        return post(e, ctx, order);
    }

    private static Expr post(Expr e, DeriveContext ctx, List<Expr> order) {
        List<Expr> kids = e.children();
        if (kids.isEmpty()) return e;
        List<Expr> out = new ArrayList<>();
        for (Expr k : kids) out.add(post(k, ctx, order));
        Expr x = out.equals(kids) ? e : e.withChildren(out);
        return x instanceof Sum s && s.isScalar() ? one(s, ctx, order) : x;
    }

    /** hi - lo + 1 is the number of terms only where it is not negative (an empty range has none). */
    private static boolean countable(Expr count, DeriveContext ctx) {
        if (count instanceof Num n) return n.value().signum() >= 0;
        derivcheck.cas.Sign sg = ctx.cas().sign(count, ctx.assumptions()).orElse(derivcheck.cas.Sign.UNKNOWN);
        return sg == derivcheck.cas.Sign.POSITIVE || sg == derivcheck.cas.Sign.NONNEGATIVE || sg == derivcheck.cas.Sign.ZERO;
    }

    private static Expr one(Sum s, DeriveContext ctx, List<Expr> order) {
        String i = s.index().name();
        Expr body = ctx.simplify(s.body());
        if (body instanceof Num n && n.value().isZero()) return Num.ZERO;
        List<Expr> terms = body instanceof Add a ? a.terms() : List.of(body);
        List<Expr> out = new ArrayList<>();
        for (Expr t : terms) {
            List<Expr> free = new ArrayList<>();
            List<Expr> dep = new ArrayList<>();
            for (Expr f : spread(t instanceof Mul m ? m.factors() : List.of(t))) {
                (Exprs.mentions(f, i) ? dep : free).add(f);
            }
            Expr count = dep.isEmpty() ? ctx.simplify(Exprs.add(s.hi(), Exprs.neg(s.lo()), Num.ONE)) : null;
            if (dep.isEmpty() && countable(count, ctx)) {
                free.add(0, count);
                out.add(Exprs.mul(free, Pos.NONE));
            } else {
                // a body free of the index over a range that may be empty stays a sum: sum(i = 3..n, 1) is
                // n - 2 only where n >= 2 (for n = 1 the empty sum is 0, not -1)
                free.add(new Sum(s.index(), s.lo(), s.hi(), dep.isEmpty() ? Num.ONE : present(dep, order), s.pos()));
                out.add(Exprs.mul(free, Pos.NONE));
            }
        }
        return Exprs.add(out, Pos.NONE);
    }

    /** (a*b)^k is a^k * b^k, so that the factors free of the index can leave. */
    private static List<Expr> spread(List<Expr> fs) {
        List<Expr> out = new ArrayList<>();
        for (Expr f : fs) {
            if (f instanceof Pow p && p.base() instanceof Mul m && p.exponent() instanceof Num) {
                for (Expr g : m.factors()) out.add(Exprs.pow(g, p.exponent()));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static Expr present(List<Expr> dep, List<Expr> order) {
        List<Expr> sorted = new ArrayList<>(dep);
        sorted.sort(Comparator.comparingInt(f -> rank(f, order)));
        if (sorted.size() >= 2 && sorted.get(0) instanceof Pow p0 && p0.exponent() instanceof Num k0 && !k0.value().isOne()) {
            boolean same = true;
            List<Expr> bases = new ArrayList<>();
            for (Expr f : sorted) {
                if (f instanceof Pow p && p.exponent().equals(k0)) bases.add(p.base());
                else same = false;
            }
            if (same) return new Pow(new Mul(bases, Pos.NONE), k0, Pos.NONE);
        }
        return sorted.size() == 1 ? sorted.get(0) : new Mul(sorted, Pos.NONE);
    }

    private static int rank(Expr f, List<Expr> order) {
        for (int k = 0; k < order.size(); k++) if (Exprs.contains(f, order.get(k))) return k;
        return order.size();
    }

    private static void leaves(Expr e, List<Expr> out) {
        if (e instanceof Index || e instanceof Sym) {
            if (!out.contains(e)) out.add(e);
            return;
        }
        for (Expr c : e.children()) leaves(c, out);
    }
}
