package derivcheck.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Constructors that flatten nested sums and products and fold the trivial cases
 * (x + 0, 1 * x, x^1). They do not simplify beyond that: simplification is the CAS's job.
 */
public final class Exprs {
    private Exprs() {}

    public static Num num(long n) { return Num.of(n); }

    public static Num num(Rational r) { return new Num(r, Pos.NONE); }

    public static Expr add(Expr... terms) { return add(List.of(terms), Pos.NONE); }

    public static Expr add(List<Expr> terms, Pos pos) {
        List<Expr> flat = new ArrayList<>();
        Rational constant = Rational.ZERO;
        for (Expr t : terms) {
            if (t instanceof Add a) flat.addAll(a.terms());
            else flat.add(t);
        }
        List<Expr> out = new ArrayList<>();
        for (Expr t : flat) {
            if (t instanceof Num n && t.isScalar()) constant = constant.plus(n.value());
            else out.add(t);
        }
        if (!constant.isZero()) out.add(new Num(constant, Pos.NONE));
        if (out.isEmpty()) return Num.ZERO;
        if (out.size() == 1) return out.get(0);
        return new Add(out, pos);
    }

    public static Expr sub(Expr a, Expr b) { return add(List.of(a, neg(b)), Pos.NONE); }

    public static Expr neg(Expr a) {
        if (a instanceof Num n) return new Num(n.value().negate(), n.pos());
        return mul(List.of(Num.MINUS_ONE, a), a.pos());
    }

    public static Expr mul(Expr... factors) { return mul(List.of(factors), Pos.NONE); }

    public static Expr mul(List<Expr> factors, Pos pos) {
        List<Expr> flat = new ArrayList<>();
        Rational coefficient = Rational.ONE;
        for (Expr f : factors) {
            List<Expr> parts = f instanceof Mul m ? m.factors() : List.of(f);
            for (Expr p : parts) {
                if (p instanceof Num n) coefficient = coefficient.times(n.value());
                else flat.add(p);
            }
        }
        if (coefficient.isZero()) {
            // keep the non-scalar factors so the zero has the product's shape
            List<Expr> shaped = new ArrayList<>(List.of(Num.ZERO));
            for (Expr p : flat) if (!p.isScalar()) shaped.add(p);
            return shaped.size() == 1 ? Num.ZERO : new Mul(shaped, pos);
        }
        if (!coefficient.isOne()) flat.add(0, new Num(coefficient, Pos.NONE));
        if (flat.isEmpty()) return Num.ONE;
        if (flat.size() == 1) return flat.get(0);
        return new Mul(flat, pos);
    }

    /** Is this a zero of any shape (0, or 0 times something)? */
    public static boolean isZero(Expr e) {
        if (e instanceof Num n) return n.value().isZero();
        return e instanceof Mul m && m.factors().get(0) instanceof Num n && n.value().isZero();
    }

    public static Expr div(Expr a, Expr b) { return mul(List.of(a, pow(b, Num.MINUS_ONE)), Pos.NONE); }

    public static Expr pow(Expr base, Expr exponent) {
        if (exponent instanceof Num n && n.value().isOne()) return base;
        if (exponent instanceof Num n && n.value().isZero() && base.isScalar()) return Num.ONE;
        if (base instanceof Num b && exponent instanceof Num e && e.value().isInteger()
                && e.value().num().abs().bitLength() < 8) {
            int k = e.value().num().intValue();
            Rational r = Rational.ONE;
            for (int i = 0; i < Math.abs(k); i++) r = r.times(b.value());
            if (!(k < 0 && r.isZero())) return new Num(k < 0 ? r.inverse() : r, Pos.NONE);
        }
        return new Pow(base, exponent, Pos.NONE);
    }

    public static Expr sq(Expr x) { return pow(x, Num.of(2)); }

    /** Rebuilds bottom-up, replacing each node for which {@code f} returns non-null. */
    public static Expr transform(Expr e, Function<Expr, Expr> f) {
        Expr replaced = f.apply(e);
        if (replaced != null) return replaced;
        List<Expr> kids = e.children();
        if (kids.isEmpty()) return e;
        List<Expr> out = new ArrayList<>(kids.size());
        boolean changed = false;
        for (Expr k : kids) {
            Expr t = transform(k, f);
            changed |= t != k;
            out.add(t);
        }
        return changed ? e.withChildren(out) : e;
    }

    /** Replaces every occurrence of {@code from} (structurally) by {@code to}. */
    public static Expr substitute(Expr e, Expr from, Expr to) {
        return transform(e, x -> x.equals(from) ? to : null);
    }

    /** Does {@code e} contain {@code part} anywhere (structurally)? */
    public static boolean contains(Expr e, Expr part) {
        if (e.equals(part)) return true;
        for (Expr c : e.children()) if (contains(c, part)) return true;
        return false;
    }

    /** Does any node of {@code e} satisfy the test? */
    public static boolean anyNode(Expr e, java.util.function.Predicate<Expr> test) {
        if (test.test(e)) return true;
        for (Expr c : e.children()) if (anyNode(c, test)) return true;
        return false;
    }

    /** Does {@code e} mention a symbol of this name? */
    public static boolean mentions(Expr e, String name) {
        if (e instanceof Sym s && s.name().equals(name)) return true;
        if (e instanceof Sum s && s.index().name().equals(name)) return false;
        for (Expr c : e.children()) if (mentions(c, name)) return true;
        return false;
    }
}
