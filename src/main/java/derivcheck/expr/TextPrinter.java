package derivcheck.expr;

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
import derivcheck.expr.Rational;
import derivcheck.expr.Relation;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints an expression in the spec language with the fewest parentheses that keep its
 * structure: reading the text back gives the same expression.
 */
public final class TextPrinter {
    // precedence levels, loosest first
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int POSTFIX = 5;
    private static final int ATOM = 6;

    private TextPrinter() {}

    public static String print(Expr e) { return new Piece(e).text; }

    public static String print(Relation r) { return print(r.lhs()) + " " + r.op().symbol() + " " + print(r.rhs()); }

    /**
     * Relations that all hold: one chain where each continues the previous one ({@code a <= x <= b},
     * see {@link Relation#chainsOf}), otherwise joined by "and" ({@code a <= 0 and b <= 0}).
     */
    public static String print(List<Relation> rels) {
        List<String> parts = new ArrayList<>();
        for (List<Relation> chain : Relation.chainsOf(rels)) {
            StringBuilder b = new StringBuilder(print(chain.get(0).lhs()));
            for (Relation r : chain) b.append(' ').append(r.op().symbol()).append(' ').append(print(r.rhs()));
            parts.add(b.toString());
        }
        return String.join(" and ", parts);
    }

    /** A printed expression and the precedence of its outermost operator. */
    private record Piece(String text, int level) {
        Piece(Expr e) { this(render(e)); }

        private Piece(Piece p) { this(p.text, p.level); }

        /** This piece where an operand of at least {@code level} is required. */
        String at(int level) { return this.level >= level ? text : "(" + text + ")"; }
    }

    private static Piece render(Expr e) {
        if (e instanceof Num n) return number(n.value());
        if (e instanceof Const c) return new Piece(c.name(), ATOM);
        if (e instanceof Sym s) return new Piece(s.name(), ATOM);
        if (e instanceof Add a) return sum(a);
        if (e instanceof Mul m) return product(m.factors());
        if (e instanceof Pow p) return power(p);
        if (e instanceof Apply a) return apply(a);
        if (e instanceof Inner i) return new Piece("<" + print(i.left()) + ", " + print(i.right()) + ">", ATOM);
        if (e instanceof Norm n) {
            String sub = switch (n.kind()) { case L2 -> ""; case L1 -> "_1"; case LINF -> "_inf"; case FROBENIUS -> "_F"; };
            return new Piece("||" + print(n.arg()) + "||" + sub, sub.isEmpty() ? ATOM : POSTFIX);
        }
        if (e instanceof Transpose t) return new Piece(new Piece(t.arg()).at(POSTFIX) + "'", POSTFIX);
        if (e instanceof Inverse i) return new Piece("inv(" + print(i.arg()) + ")", ATOM);
        if (e instanceof Identity i) return new Piece("eye(" + i.n() + ")", ATOM);
        if (e instanceof Ones o) return new Piece("ones(" + o.n() + ")", ATOM);
        if (e instanceof Index i) return index(i);
        if (e instanceof Sum s) {
            return new Piece("sum(" + s.index().name() + " = " + print(s.lo()) + ".." + print(s.hi()) + ", "
                    + print(s.body()) + ")", ATOM);
        }
        if (e instanceof Piecewise p) {
            List<String> arms = new ArrayList<>();
            for (Piecewise.Arm a : p.arms()) {
                arms.add(print(a.value()) + (a.guard().isEmpty() ? " otherwise" : " if " + print(a.guard())));
            }
            return new Piece("cases(" + String.join(", ", arms) + ")", ATOM);
        }
        if (e instanceof Iverson i) return new Piece("[" + print(i.conditions()) + "]", ATOM);
        if (e instanceof Expectation x) return new Piece("E[" + print(x.arg()) + "]", ATOM);
        if (e instanceof Variance v) return new Piece("Var[" + print(v.arg()) + "]", ATOM);
        if (e instanceof Grad g) return new Piece("grad(" + print(g.f()) + ", " + print(g.wrt()) + ")", ATOM);
        throw new IllegalStateException("no printer for " + e.getClass().getSimpleName());
    }

    private static Piece number(Rational r) {
        if (r.signum() < 0) return new Piece("-" + number(r.negate()).at(POWER), UNARY);
        if (r.isInteger()) return new Piece(r.num().toString(), ATOM);
        return new Piece(r.num() + "/" + r.den(), PRODUCT);
    }

    private static Piece sum(Add a) {
        StringBuilder b = new StringBuilder();
        for (Expr t : Broadcast.printed(a)) {
            Expr abs = negated(t);
            if (b.length() == 0) {
                b.append(new Piece(t).at(SUM));
            } else if (abs != null) {
                b.append(" - ").append(new Piece(abs).at(PRODUCT));
            } else {
                b.append(" + ").append(new Piece(t).at(PRODUCT));
            }
        }
        return new Piece(b.toString(), SUM);
    }

    /** If {@code t} is written with a leading minus (-3, -x, -2*x), the term without it. */
    public static Expr negated(Expr t) {
        if (t instanceof Num n && n.value().signum() < 0) return new Num(n.value().negate(), n.pos());
        if (t instanceof Mul m && m.factors().get(0) instanceof Num n && n.value().signum() < 0) {
            List<Expr> rest = new ArrayList<>(m.factors());
            Rational c = n.value().negate();
            if (c.isOne()) rest.remove(0);
            else rest.set(0, new Num(c, n.pos()));
            return rest.size() == 1 ? rest.get(0) : new Mul(rest, m.pos());
        }
        return null;
    }

    /**
     * A product, its factors in their order (matrix products do not commute, and reading
     * {@code a/b*c} back gives the factors a, b^-1, c again). A factor b^-1 is written /b; the
     * numeric coefficient p/q is written p* in front and /q at the end.
     */
    private static Piece product(List<Expr> factors) {
        Rational coefficient = Rational.ONE;
        List<Expr> rest = new ArrayList<>();
        for (Expr f : factors) {
            if (f instanceof Num n) coefficient = coefficient.times(n.value());
            else rest.add(f);
        }
        boolean negative = coefficient.signum() < 0;
        Rational c = negative ? coefficient.negate() : coefficient;
        StringBuilder b = new StringBuilder();
        if (!c.num().equals(BigInteger.ONE) || rest.isEmpty()) b.append(c.num());
        for (Expr f : rest) {
            Expr d = reciprocalOf(f);
            if (d != null) {
                if (b.length() == 0) b.append('1');
                b.append('/').append(new Piece(d).at(POWER));
            } else {
                if (b.length() > 0) b.append('*');
                b.append(new Piece(f).at(POWER));
            }
        }
        if (!c.den().equals(BigInteger.ONE)) b.append('/').append(c.den());
        if (negative) return new Piece("-" + b, UNARY);
        return new Piece(b.toString(), PRODUCT);
    }

    /** The b of a factor b^-1 that is written as a division /b (what reading a/b gives). */
    private static Expr reciprocalOf(Expr f) {
        if (f instanceof Pow p && p.isScalar() && !(p.base() instanceof Num)
                && p.exponent() instanceof Num k && k.value().equals(Rational.MINUS_ONE)) {
            return p.base();
        }
        return null;
    }

    private static Piece power(Pow p) {
        if (reciprocalOf(p) != null) return product(List.of(p));
        String base = new Piece(p.base()).at(POSTFIX);
        Piece exp = new Piece(p.exponent());
        return new Piece(base + "^" + exp.at(POWER), POWER);
    }

    private static Piece apply(Apply a) {
        if (a.fn() instanceof Builtin b && b.infix() != null) {
            // x .* y binds like a product: its sides are printed as factors
            return new Piece(new Piece(a.args().get(0)).at(POWER) + " " + b.infix() + " " + new Piece(a.args().get(1)).at(POWER), PRODUCT);
        }
        String name;
        if (a.fn() instanceof UserFunc u) name = u.name() + "'".repeat(u.derivative());
        else name = ((Builtin) a.fn()).spelling();
        if (a.fn() instanceof UserFunc u && u.derivative() > 1) {
            throw new IllegalStateException("the spec language writes only first derivatives: " + u);
        }
        return new Piece(name + "(" + a.args().stream().map(TextPrinter::print).collect(Collectors.joining(", ")) + ")", ATOM);
    }

    private static Piece index(Index i) {
        List<Expr> idx = i.indices();
        if (i.base() instanceof Identity && idx.size() == 1) {
            // row k of the identity is the unit vector e_k; the spec reads e_k back (its length from the vectors beside it)
            if (idx.get(0) instanceof Sym j) return new Piece("e_" + j.name(), ATOM);
            if (idx.get(0) instanceof Num n && n.value().isInteger() && n.value().signum() > 0) return new Piece("e_" + n.value(), ATOM);
            return new Piece("e_{" + print(idx.get(0)) + "}", POSTFIX);
        }
        if (i.base() instanceof Sym s && idx.size() == 1 && idx.get(0) instanceof Sym j) {
            return new Piece(s.name() + "_" + j.name(), ATOM);
        }
        if (i.base() instanceof Sym s && idx.size() == 1 && idx.get(0) instanceof Num n && n.value().isInteger()
                && n.value().signum() > 0) {
            return new Piece(s.name() + "_" + n.value(), ATOM);
        }
        String inside = idx.stream().map(TextPrinter::print).collect(Collectors.joining(", "));
        return new Piece(new Piece(i.base()).at(POSTFIX) + "_{" + inside + "}", POSTFIX);
    }
}
