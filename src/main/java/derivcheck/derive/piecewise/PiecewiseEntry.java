package derivcheck.derive.piecewise;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Mul;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry i of an entrywise vector expression, for the region-by-region comparison: vectors
 * become their entries {@code v_i}, entrywise functions, {@code max}/{@code min} of two
 * arguments, {@code .*} and {@code ./} act on entries, a scalar is its own entry (broadcast).
 * A vector sub-expression without any piecewise node inside (a matrix product {@code A*x}) is
 * kept whole as the opaque entry {@code (A*x)_i}; one with a piecewise node that has no entry
 * rule here is refused ({@link NoEntry}).
 */
public final class PiecewiseEntry {
    private PiecewiseEntry() {}

    public static final class NoEntry extends RuntimeException {
        NoEntry(String m) { super(m); }
    }

    public static Expr of(Expr e, Sym i) {
        if (e.isScalar()) return e;
        if (!e.shape().isVector()) throw new NoEntry("a matrix is compared region by region only entry by entry");
        if (e instanceof Sym) return new Index(e, List.of(i), Pos.NONE);
        if (e instanceof derivcheck.expr.Ones) return derivcheck.expr.Num.ONE;
        if (e instanceof Add a) {
            List<Expr> ts = new ArrayList<>();
            for (Expr t : a.terms()) ts.add(of(t, i));
            return Exprs.add(ts, Pos.NONE);
        }
        if (e instanceof Mul m) {
            List<Expr> scalars = new ArrayList<>(), rest = new ArrayList<>();
            for (Expr f : m.factors()) (f.isScalar() ? scalars : rest).add(f);
            if (rest.size() == 1 && rest.get(0).shape().isVector()) {
                scalars.add(of(rest.get(0), i));
                return Exprs.mul(scalars, Pos.NONE);
            }
            scalars.add(opaque(Exprs.mul(rest, Pos.NONE), i));
            return Exprs.mul(scalars, Pos.NONE);
        }
        if (e instanceof Apply ap && ap.fn() instanceof Builtin b) {
            if (b.entrywise()) return Apply.of(b, of(ap.args().get(0), i));
            if ((b == Builtin.MAX || b == Builtin.MIN) && ap.args().size() == 2) {
                return Apply.of(b, of(ap.args().get(0), i), of(ap.args().get(1), i));
            }
            if (b == Builtin.HADAMARD) return Exprs.mul(of(ap.args().get(0), i), of(ap.args().get(1), i));
            if (b == Builtin.EDIVIDE) return Exprs.div(of(ap.args().get(0), i), of(ap.args().get(1), i));
        }
        if (e instanceof Piecewise pw) {
            List<Piecewise.Arm> arms = new ArrayList<>();
            for (Piecewise.Arm a : pw.arms()) arms.add(new Piecewise.Arm(of(a.value(), i), a.guard()));
            return new Piecewise(arms, Pos.NONE);
        }
        if (e instanceof Index ix && ix.indices().size() == 1 && ix.base().shape().isMatrix()) {
            return new Index(ix.base(), List.of(ix.indices().get(0), i), Pos.NONE);
        }
        if (e instanceof Sum s && !Exprs.mentions(s.body(), i.name())) {
            return new Sum(s.index(), s.lo(), s.hi(), of(s.body(), i), Pos.NONE);
        }
        return opaque(e, i);
    }

    private static Expr opaque(Expr e, Sym i) {
        if (PiecewiseRegions.hasPiecewise(e)) {
            throw new NoEntry("no entry rule for " + derivcheck.expr.TextPrinter.print(e));
        }
        return new Index(e, List.of(i), Pos.NONE);
    }
}
