package derivcheck.derive;

import derivcheck.cas.ZeroTest;
import derivcheck.derive.expect.ZeroCheck;
import derivcheck.expr.Apply;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.LetDef;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scalar results with index sums in the form a sheet prints them. A backpropagated entry comes out with every
 * definition written out: the mean {@code mu = sum(k, x_k)/n} as {@code 1/n*sum(k, x_k)} in every term, the
 * standard deviation as {@code sqrt(1/n*sum(i, (x_i - 1/n*sum(k, x_k))^2))}. Here
 * <ol>
 *   <li>scalar {@code let}s defined by index sums fold back to their names, smallest first: a subexpression of
 *       the body's kind proven equal to the body becomes the name, and a sum proven equal to body/c (the body
 *       c times one sum, {@code sum(k, x_k)} for {@code mu = sum(k, x_k)/n}) becomes name/c;</li>
 *   <li>every sum is multiplied out and split by linearity, and the factors free of its index leave it
 *       ({@code sum(i, g_i*x_l/s)} is {@code x_l/s*sum(i, g_i)}), innermost first.</li>
 * </ol>
 * Each rewrite replaces a value by an equal one (proven by the zero test), so the result's value never
 * changes; what cannot be proven stays as it was.
 */
public final class SumLets {
    private SumLets() {}

    /** The lets folded and the sums split; {@code except} names lets not to fold (the target's own). */
    public static Expr tidy(Problem p, Expr e, DeriveContext ctx, java.util.Set<String> except) {
        if (!e.isScalar() || !Exprs.anyNode(e, x -> x instanceof Sum)) return e;
        List<LetDef> lets = sumLets(p, except);
        Expr out = e;
        // folded, split, and folded again: a sum split out of a larger one may be a let's (sum(j, x_j) = n*mu)
        for (int round = 0; round < 2; round++) {
            for (LetDef d : lets) out = fold(p, out, d, ctx);
            out = derivcheck.derive.expect.SumAtoms.split(out, ctx);
        }
        for (LetDef d : lets) out = fold(p, out, d, ctx);
        return out;
    }

    /** Plain scalar lets whose written-out body has an index sum, the smallest first (a larger one may use it). */
    private static List<LetDef> sumLets(Problem p, java.util.Set<String> except) {
        List<LetDef> out = new ArrayList<>();
        for (LetDef d : p.lets()) {
            if (d.range().isPresent() || !d.sym().isScalar() || except.contains(d.sym().name())) continue;
            Expr body = Lets.inline(p, d.body());
            if (!Exprs.anyNode(body, x -> x instanceof Sum) || Exprs.anyNode(body, x -> x instanceof derivcheck.expr.Grad)) continue;
            out.add(d);
        }
        out.sort(Comparator.comparingInt(d -> derivcheck.expr.TextPrinter.print(Lets.inline(p, d.body())).length()));
        return out;
    }

    private static Expr fold(Problem p, Expr e, LetDef d, DeriveContext ctx) {
        Sym name = new Sym(d.sym().name(), Shape.SCALAR, SymKind.LET, Pos.NONE);
        Expr body = Lets.inline(p, d.body());
        Optional<Expr> scale = scale(body);
        Map<Expr, Optional<Expr>> seen = new HashMap<>();
        return Exprs.transform(e, x -> {
            if (!x.isScalar() || x instanceof Sym || x instanceof Num) return null;
            boolean sameKind = sameKind(x, body), sum = scale.isPresent() && x instanceof Sum;
            if (!sameKind && !sum) return null;
            return seen.computeIfAbsent(x, y -> {
                Expr written = Lets.inline(p, y);
                if (sameKind && equal(written, body, ctx)) return Optional.of(name);
                // body = c*sum(...): the sum alone is name/c
                if (sum && equal(Exprs.mul(scale.get(), written), body, ctx)) return Optional.of(Exprs.div(name, scale.get()));
                return Optional.empty();
            }).orElse(null);
        });
    }

    private static boolean equal(Expr a, Expr b, DeriveContext ctx) {
        return ZeroCheck.test(Exprs.sub(a, b), ctx) == ZeroTest.ZERO;
    }

    /** Nodes that may be the body: the same function applied, or both sums, products or sums of terms. */
    private static boolean sameKind(Expr x, Expr body) {
        if (x instanceof Apply a && body instanceof Apply b) return a.fn().equals(b.fn());
        return x.getClass() == body.getClass() && !(x instanceof Apply);
    }

    /** c where the body is c times one index sum and c has no sum: {@code sum(k, x_k)/n} gives 1/n. */
    private static Optional<Expr> scale(Expr body) {
        if (!(body instanceof Mul m)) return Optional.empty();
        List<Expr> sums = m.factors().stream().filter(f -> f instanceof Sum).toList();
        if (sums.size() != 1) return Optional.empty();
        List<Expr> rest = m.factors().stream().filter(f -> !(f instanceof Sum)).toList();
        if (rest.stream().anyMatch(f -> Exprs.anyNode(f, y -> y instanceof Sum))) return Optional.empty();
        return Optional.of(Exprs.mul(rest, Pos.NONE));
    }


    /**
     * The sheet's arrangement of a folded result: its terms grouped by the powers of the folded names they divide
     * by ({@code 1/s}, {@code 1/s^3}), each group's coefficient factored, and inside a factor a combination of sums
     * over one range merged into one sum with its body factored ({@code sum(i, g_i*x_i) - mu*sum(i, g_i)} is
     * {@code sum(i, g_i*(x_i - mu))}). Every step is an identity; where the CAS does not answer, the input stays.
     */
    public static Expr arranged(Problem p, Expr e, DeriveContext ctx, java.util.Set<String> except) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (LetDef d : sumLets(p, except)) names.add(d.sym().name());
        if (!e.isScalar() || names.isEmpty()) return e;
        Expr expanded = ctx.cas().expand(e).orElse(e);
        List<Expr> terms = expanded instanceof derivcheck.expr.Add a ? a.terms() : List.of(expanded);
        Map<Expr, List<Expr>> groups = new java.util.LinkedHashMap<>();
        for (Expr t : terms) groups.computeIfAbsent(divisor(t, names), k -> new ArrayList<>()).add(t);
        if (groups.size() < 2 && groups.containsKey(Num.ONE)) return e;
        List<Map.Entry<Expr, List<Expr>>> ordered = new ArrayList<>(groups.entrySet());
        ordered.sort(Comparator.comparingInt(g -> derivcheck.expr.TextPrinter.print(g.getKey()).length()));
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<Expr, List<Expr>> g : ordered) {
            Expr c = Exprs.mul(Exprs.add(g.getValue(), Pos.NONE), g.getKey());
            // where the CAS does not answer (a time limit), the result stays as it was
            Optional<Expr> factored = ctx.cas().simplify(c, ctx.assumptions()).toOptional().flatMap(x -> ctx.cas().factor(x).toOptional());
            if (factored.isEmpty()) return e;
            out.add(Exprs.div(merged(factored.get(), ctx), g.getKey()));
        }
        return derivcheck.algebra.Canonical.displayOrder(Exprs.add(out, Pos.NONE));
    }

    /** Every sum of terms among the factors starts with a term of the index (x_i - mu, not mu - x_i). */
    private static boolean leads(Expr e, Sym i) {
        for (Expr f : e instanceof Mul m ? m.factors() : List.of(e)) {
            Expr first = derivcheck.algebra.Canonical.displayOrder(f);
            if (first instanceof derivcheck.expr.Add a && !Exprs.mentions(a.terms().get(0), i.name())) return false;
        }
        return true;
    }

    private static long minuses(Expr e) {
        return derivcheck.expr.TextPrinter.print(e).chars().filter(ch -> ch == '-').count();
    }

    /** The product of the folded names a term divides by (1 if none). */
    private static Expr divisor(Expr t, java.util.Set<String> names) {
        List<Expr> out = new ArrayList<>();
        for (Expr f : t instanceof Mul m ? m.factors() : List.of(t)) {
            if (f instanceof derivcheck.expr.Pow pw && pw.base() instanceof Sym s && names.contains(s.name())
                    && pw.exponent() instanceof Num n && n.value().signum() < 0) {
                out.add(Exprs.pow(s, Exprs.neg(n)));
            }
        }
        return out.isEmpty() ? Num.ONE : Exprs.mul(out, Pos.NONE);
    }

    /** Inside the factors of a product: c1*sum(i, a) + c2*sum(i, b) with c1, c2 free of i is sum(i, c1*a + c2*b), its body factored. */
    private static Expr merged(Expr e, DeriveContext ctx) {
        if (e instanceof Mul m) {
            List<Expr> fs = new ArrayList<>();
            for (Expr f : m.factors()) fs.add(merged(f, ctx));
            return Exprs.mul(fs, Pos.NONE);
        }
        if (!(e instanceof derivcheck.expr.Add a)) return e;
        Sum first = null;
        List<Expr> bodies = new ArrayList<>();
        for (Expr t : a.terms()) {
            List<Expr> coef = new ArrayList<>();
            Sum sum = null;
            for (Expr f : t instanceof Mul m ? m.factors() : List.of(t)) {
                if (f instanceof Sum s && sum == null) sum = s;
                else coef.add(f);
            }
            if (sum == null) return e;
            if (first == null) first = sum;
            if (!sum.lo().equals(first.lo()) || !sum.hi().equals(first.hi())) return e;
            Expr body = Exprs.substitute(sum.body(), sum.index(), first.index());
            Expr c = Exprs.mul(coef, Pos.NONE);
            if (Exprs.mentions(c, first.index().name())) return e;
            bodies.add(Exprs.mul(c, body));
        }
        if (first == null || bodies.size() < 2) return e;
        Optional<Expr> simple = ctx.cas().simplify(Exprs.add(bodies, Pos.NONE), ctx.assumptions()).toOptional();
        if (simple.isEmpty()) return e;
        Expr body = simple.get();
        Expr factored = ctx.cas().factor(body).orElse(body);
        // the sign that reads best: sum(i, g_i*(x_i - mu)) rather than sum(i, g_i*(-x_i + mu))
        Expr negated = ctx.cas().factor(ctx.simplify(Exprs.neg(body))).orElse(null);
        if (negated != null && (minuses(negated) < minuses(factored)
                || minuses(negated) == minuses(factored) && leads(negated, first.index()) && !leads(factored, first.index()))) {
            return Exprs.neg(new Sum(first.index(), first.lo(), first.hi(), negated, Pos.NONE));
        }
        return new Sum(first.index(), first.lo(), first.hi(), factored, Pos.NONE);
    }
}
