package derivcheck.calculus;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
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
import derivcheck.expr.Relation;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact ASCII rendering in the spec language's spelling ({@code 2*X'*(X*w - t)}), used for
 * messages, test output and as the canonical ordering key of {@link Simplify}. Positions are
 * never printed, so equal expressions print alike.
 */
public final class Ascii {
    private Ascii() {}

    public static String print(Expr e) {
        StringBuilder b = new StringBuilder();
        p(e, b);
        return b.toString();
    }

    private static void p(Expr e, StringBuilder b) {
        if (e instanceof Num n) b.append(n.value());
        else if (e instanceof Const c) b.append(c.name());
        else if (e instanceof Sym s) b.append(s.name());
        else if (e instanceof Add a) add(a, b);
        else if (e instanceof Mul m) mul(m.factors(), b);
        else if (e instanceof Pow w) {
            atom(w.base(), b);
            b.append('^');
            if (w.exponent() instanceof Num k && k.value().isInteger()) b.append(k.value());
            else atom(w.exponent(), b);
        } else if (e instanceof Apply a) {
            b.append(a.fn() instanceof Builtin bi ? bi.spelling() : a.fn().name());
            if (a.fn() instanceof UserFunc u) b.append("'".repeat(u.derivative()));
            b.append('(');
            list(a.args(), b);
            b.append(')');
        } else if (e instanceof Inner in) {
            b.append('<');
            p(in.left(), b);
            b.append(", ");
            p(in.right(), b);
            b.append('>');
        } else if (e instanceof Norm n) {
            b.append("||");
            p(n.arg(), b);
            b.append("||");
            switch (n.kind()) {
                case L1 -> b.append("_1");
                case LINF -> b.append("_inf");
                case FROBENIUS -> b.append("_F");
                default -> { }
            }
        } else if (e instanceof Transpose t) {
            atom(t.arg(), b);
            b.append('\'');
        } else if (e instanceof Inverse inv) {
            b.append("inv(");
            p(inv.arg(), b);
            b.append(')');
        } else if (e instanceof Identity id) {
            b.append("I_").append(wrapDim(id.n().toString()));
        } else if (e instanceof derivcheck.expr.Ones o) {
            b.append("ones(").append(o.n()).append(')');
        } else if (e instanceof Index ix) {
            atom(ix.base(), b);
            b.append('_');
            if (ix.indices().size() == 1 && isAtom(ix.indices().get(0))) p(ix.indices().get(0), b);
            else {
                b.append('{');
                list(ix.indices(), b);
                b.append('}');
            }
        } else if (e instanceof Sum s) {
            b.append("sum(").append(s.index().name()).append(" = ");
            p(s.lo(), b);
            b.append("..");
            p(s.hi(), b);
            b.append(", ");
            p(s.body(), b);
            b.append(')');
        } else if (e instanceof Piecewise pw) {
            b.append("cases(");
            boolean first = true;
            for (Piecewise.Arm a : pw.arms()) {
                if (!first) b.append("; ");
                first = false;
                p(a.value(), b);
                if (!a.guard().isEmpty()) {
                    b.append(" if ");
                    relations(a.guard(), b);
                }
            }
            b.append(')');
        } else if (e instanceof Iverson iv) {
            b.append('[');
            relations(iv.conditions(), b);
            b.append(']');
        } else if (e instanceof Expectation ex) {
            b.append("E[");
            p(ex.arg(), b);
            b.append(']');
        } else if (e instanceof Variance v) {
            b.append("Var[");
            p(v.arg(), b);
            b.append(']');
        } else if (e instanceof Grad g) {
            b.append("grad(");
            p(g.f(), b);
            b.append(", ");
            p(g.wrt(), b);
            b.append(')');
        } else {
            b.append(e);
        }
    }

    private static String wrapDim(String d) { return d.matches("[A-Za-z0-9_]+") ? d : "{" + d + "}"; }

    private static void relations(List<Relation> rs, StringBuilder b) {
        boolean first = true;
        for (Relation r : rs) {
            if (!first) b.append(", ");
            first = false;
            p(r.lhs(), b);
            b.append(' ').append(r.op().symbol()).append(' ');
            p(r.rhs(), b);
        }
    }

    private static void list(List<Expr> es, StringBuilder b) {
        for (int i = 0; i < es.size(); i++) {
            if (i > 0) b.append(", ");
            p(es.get(i), b);
        }
    }

    private static void add(Add a, StringBuilder b) {
        boolean first = true;
        for (Expr t : derivcheck.expr.Broadcast.printed(a)) {
            if (!first) {
                Expr abs = negated(t);
                if (abs != null) {
                    b.append(" - ");
                    p(abs, b);
                    continue;
                }
                b.append(" + ");
            }
            first = false;
            p(t, b);
        }
    }

    /** The term without its minus sign, or null if it has none. */
    private static Expr negated(Expr t) {
        if (t instanceof Num n && n.value().signum() < 0) return new Num(n.value().negate(), n.pos());
        if (t instanceof Mul m && m.factors().get(0) instanceof Num n && n.value().signum() < 0) {
            List<Expr> rest = new ArrayList<>(m.factors());
            Num abs = new Num(n.value().negate(), n.pos());
            if (abs.value().isOne()) rest.remove(0); else rest.set(0, abs);
            return rest.size() == 1 ? rest.get(0) : new Mul(rest, m.pos());
        }
        return null;
    }

    private static void mul(List<Expr> fs, StringBuilder b) {
        int start = 0;
        if (fs.get(0) instanceof Num n && n.value().equals(derivcheck.expr.Rational.MINUS_ONE) && fs.size() > 1) {
            b.append('-');
            start = 1;
        }
        for (int i = start; i < fs.size(); i++) {
            if (i > start) b.append('*');
            Expr f = fs.get(i);
            if (f instanceof Add || f instanceof Mul || (f instanceof Num n && (n.value().signum() < 0 || !n.value().isInteger()) && i > start)) {
                b.append('(');
                p(f, b);
                b.append(')');
            } else {
                p(f, b);
            }
        }
    }

    private static boolean isAtom(Expr e) {
        return e instanceof Sym || e instanceof Const || e instanceof Identity || e instanceof derivcheck.expr.Ones
                || (e instanceof Num n && n.value().signum() >= 0 && n.value().isInteger())
                || e instanceof Apply || e instanceof Norm || e instanceof Inner || e instanceof Index
                || e instanceof Inverse || e instanceof Sum;
    }

    private static void atom(Expr e, StringBuilder b) {
        if (isAtom(e)) p(e, b);
        else {
            b.append('(');
            p(e, b);
            b.append(')');
        }
    }
}
