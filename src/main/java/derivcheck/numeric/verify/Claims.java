package derivcheck.numeric.verify;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Const;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Grad;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Inverse;
import derivcheck.expr.Iverson;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pow;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import derivcheck.numeric.Comparison;
import derivcheck.numeric.Value;
import java.util.List;
import java.util.stream.Collectors;

/** Comparing values under a relation, and a plain printer for messages. */
final class Claims {
    private Claims() {}

    /** Entries of a value, a single number broadcast to n entries. */
    static double[] entries(Value v, int n) {
        double[] d = v.flatten();
        if (d.length == n) return d;
        if (d.length == 1) { double[] out = new double[n]; java.util.Arrays.fill(out, d[0]); return out; }
        throw new IllegalArgumentException("cannot compare a " + v.describe() + " with " + n + " entries");
    }

    /** The comparison of two values (a number broadcast against a vector or matrix). */
    static Comparison compare(Value l, Value r) {
        int n = Math.max(l.size(), r.size());
        return Comparison.of(entries(r, n), entries(l, n));
    }

    /**
     * Does l op r hold entrywise? Equalities up to tol relative to max(1, |l|, |r|); non-strict
     * inequalities with the same slack; strict inequalities exactly; NaN never holds.
     */
    static boolean holds(RelOp op, Value l, Value r, double tol) {
        int n = Math.max(l.size(), r.size());
        double[] a = entries(l, n), b = entries(r, n);
        for (int i = 0; i < n; i++) {
            double x = a[i], y = b[i];
            if (Double.isNaN(x) || Double.isNaN(y)) return false;
            double slack = tol * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
            boolean ok = switch (op) {
                case EQ -> x == y || Math.abs(x - y) <= slack;
                case NE -> Math.abs(x - y) > slack;
                case LT -> x < y;
                case GT -> x > y;
                case LE -> x <= y + slack;
                case GE -> x >= y - slack;
            };
            if (!ok) return false;
        }
        return true;
    }

    static boolean finite(Value v) { return v != null && v.isFinite(); }

    // ------------------------------------------------------------------ printing (messages only)

    static String print(Relation r) { return print(r.lhs()) + " " + r.op().symbol() + " " + print(r.rhs()); }

    static String print(List<Relation> rs) {
        if (rs.isEmpty()) return "";
        StringBuilder b = new StringBuilder(print(rs.get(0).lhs()));
        for (Relation r : rs) b.append(' ').append(r.op().symbol()).append(' ').append(print(r.rhs()));
        return b.toString();
    }

    static String print(Expr e) {
        if (e instanceof Num n) return n.value().toString();
        if (e instanceof Const c) return c.name();
        if (e instanceof Sym s) return s.name();
        if (e instanceof Add a) return "(" + a.terms().stream().map(Claims::print).collect(Collectors.joining(" + ")) + ")";
        if (e instanceof Mul m) return m.factors().stream().map(Claims::print).collect(Collectors.joining("*"));
        if (e instanceof Pow p) return "(" + print(p.base()) + ")^(" + print(p.exponent()) + ")";
        if (e instanceof Apply a) {
            String name = a.fn() instanceof UserFunc u ? u.name() + "'".repeat(u.derivative()) : a.fn().name().toLowerCase();
            return name + "(" + a.args().stream().map(Claims::print).collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof Inner in) return "<" + print(in.left()) + ", " + print(in.right()) + ">";
        if (e instanceof Norm n) return "||" + print(n.arg()) + "||" + switch (n.kind()) {
            case L1 -> "_1"; case LINF -> "_inf"; case FROBENIUS -> "_F"; default -> ""; };
        if (e instanceof Transpose t) return print(t.arg()) + "'";
        if (e instanceof Inverse i) return "inv(" + print(i.arg()) + ")";
        if (e instanceof Identity) return "I";
        if (e instanceof derivcheck.expr.Ones o) return "ones(" + o.n() + ")";
        if (e instanceof Index ix) return print(ix.base()) + "_{" + ix.indices().stream().map(Claims::print).collect(Collectors.joining(",")) + "}";
        if (e instanceof Sum s) return "sum(" + s.index().name() + " = " + print(s.lo()) + ".." + print(s.hi()) + ", " + print(s.body()) + ")";
        if (e instanceof Iverson iv) return "[" + iv.conditions().stream().map(Claims::print).collect(Collectors.joining(", ")) + "]";
        if (e instanceof Piecewise) return "cases(...)";
        if (e instanceof Expectation x) return "E[" + print(x.arg()) + "]";
        if (e instanceof Variance v) return "Var[" + print(v.arg()) + "]";
        if (e instanceof Grad g) return "grad(" + print(g.f()) + ", " + print(g.wrt()) + ")";
        return e.toString();
    }
}
