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

    /** A size as a scalar expression: each dimension name a DIM symbol, e.g. 2n + 1. */
    public static Expr size(Dim d) {
        List<Expr> terms = new ArrayList<>();
        for (var t : d.terms().entrySet()) {
            Sym s = new Sym(t.getKey(), Shape.SCALAR, SymKind.DIM, Pos.NONE);
            terms.add(t.getValue() == 1 ? s : mul(Num.of(t.getValue()), s));
        }
        if (d.constant() != 0 || terms.isEmpty()) terms.add(Num.of(d.constant()));
        return add(terms, Pos.NONE);
    }

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

    /**
     * Replaces every free occurrence of {@code from} (structurally) by {@code to}, avoiding
     * capture as in lambda-calculus substitution: inside {@code sum(i = .., body)} an occurrence
     * of {@code from} that mentions i refers to the bound i and is left alone, and when
     * {@code to} mentions i the bound index is renamed to a fresh name first.
     */
    public static Expr substitute(Expr e, Expr from, Expr to) {
        return substitute(e, from, to, freeNames(from), freeNames(to));
    }

    private static Expr substitute(Expr e, Expr from, Expr to, java.util.Set<String> fromFree, java.util.Set<String> toFree) {
        if (e.equals(from)) return to;
        if (e instanceof Sum s) {
            Expr lo = substitute(s.lo(), from, to, fromFree, toFree);
            Expr hi = substitute(s.hi(), from, to, fromFree, toFree);
            Sym i = s.index();
            Expr body = s.body();
            if (!fromFree.contains(i.name()) && occursFree(body, from, fromFree)) {
                if (toFree.contains(i.name())) {
                    java.util.Set<String> avoid = names(body);
                    avoid.addAll(names(from));
                    avoid.addAll(names(to));
                    Sym fresh = freshIndex(i, avoid);
                    body = substitute(body, i, fresh, java.util.Set.of(i.name()), java.util.Set.of(fresh.name()));
                    i = fresh;
                }
                body = substitute(body, from, to, fromFree, toFree);
            }
            if (lo == s.lo() && hi == s.hi() && body == s.body() && i == s.index()) return e;
            return new Sum(i, lo, hi, body, s.pos());
        }
        List<Expr> kids = e.children();
        if (kids.isEmpty()) return e;
        List<Expr> out = new ArrayList<>(kids.size());
        boolean changed = false;
        for (Expr k : kids) {
            Expr t = substitute(k, from, to, fromFree, toFree);
            changed |= t != k;
            out.add(t);
        }
        return changed ? e.withChildren(out) : e;
    }

    /** Does {@code part} occur in {@code e} outside every sum that binds one of its free names? */
    private static boolean occursFree(Expr e, Expr part, java.util.Set<String> partFree) {
        if (e.equals(part)) return true;
        if (e instanceof Sum s) {
            if (occursFree(s.lo(), part, partFree) || occursFree(s.hi(), part, partFree)) return true;
            return !partFree.contains(s.index().name()) && occursFree(s.body(), part, partFree);
        }
        for (Expr c : e.children()) if (occursFree(c, part, partFree)) return true;
        return false;
    }

    /** The names of the symbols that occur free in e (not bound by an enclosing sum of e). */
    public static java.util.Set<String> freeNames(Expr e) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        collectFree(e, new java.util.HashSet<>(), out);
        return out;
    }

    private static void collectFree(Expr e, java.util.Set<String> bound, java.util.Set<String> out) {
        if (e instanceof Sym s) {
            if (!bound.contains(s.name())) out.add(s.name());
            return;
        }
        if (e instanceof Sum s) {
            collectFree(s.lo(), bound, out);
            collectFree(s.hi(), bound, out);
            java.util.Set<String> inner = new java.util.HashSet<>(bound);
            inner.add(s.index().name());
            collectFree(s.body(), inner, out);
            return;
        }
        for (Expr c : e.children()) collectFree(c, bound, out);
    }

    /** Every name in e: symbols, free or bound, and the indices of its sums. */
    public static java.util.Set<String> names(Expr e) {
        java.util.Set<String> out = new java.util.HashSet<>();
        anyNode(e, x -> {
            if (x instanceof Sym s) out.add(s.name());
            if (x instanceof Sum s) out.add(s.index().name());
            return false;
        });
        return out;
    }

    /** An index named like {@code base} (base1, base2, …) that is not among {@code avoid}. */
    public static Sym freshIndex(Sym base, java.util.Set<String> avoid) {
        String stem = base.name().replaceAll("[0-9]+$", "");
        if (stem.isEmpty()) stem = "i";
        for (int k = 1; ; k++) {
            String n = stem + k;
            if (!avoid.contains(n)) return new Sym(n, base.shape(), base.kind(), base.pos());
        }
    }

    /**
     * The same sum with its index renamed to a name outside {@code avoid} when the index is
     * among them (so that a body can be combined with expressions that use the name freely).
     */
    public static Sum renamedApart(Sum s, java.util.Set<String> avoid) {
        if (!avoid.contains(s.index().name())) return s;
        java.util.Set<String> all = new java.util.HashSet<>(avoid);
        all.addAll(names(s));
        Sym fresh = freshIndex(s.index(), all);
        return new Sum(fresh, s.lo(), s.hi(), substitute(s.body(), s.index(), fresh), s.pos());
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
        if (e instanceof Sum s && s.index().name().equals(name)) return mentions(s.lo(), name) || mentions(s.hi(), name);
        for (Expr c : e.children()) if (mentions(c, name)) return true;
        return false;
    }
}
