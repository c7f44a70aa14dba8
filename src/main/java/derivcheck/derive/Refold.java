package derivcheck.derive;

import derivcheck.algebra.Canonical;
import derivcheck.algebra.LinearCombination;
import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.model.LetDef;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Results written in the spec's own names: where the written-out body of a plain {@code let} occurs in a
 * result, its name goes back in ({@code softmax(K*q/sqrt(n))_j -> a_j} for {@code let a = softmax(K*q/sqrt(n))};
 * {@code x + eta*b - eta*B'*B*x -> x - eta*g} for {@code let H = B'*B}, {@code let g = H*x - b}).
 * <p>
 * A non-scalar part is matched on the linear-combination normal form: a sum holds r·body when every atom of the
 * body is among its atoms with its coefficient times one common scalar r (checked by the CAS); the sum is then
 * r·name plus what is left. A scalar part is matched when it is the body after canonical ordering. Larger
 * definitions fold first. Each rewrite replaces a definition's value by its name, so the value never changes.
 */
public final class Refold {
    private Refold() {}

    /** The expression with the definitions of {@code p} folded back in; {@code except} names lets not to fold. */
    public static Expr lets(Problem p, Expr e, DeriveContext ctx, Set<String> except) {
        List<Candidate> cs = candidates(p, except);
        if (cs.isEmpty()) return e;
        Expr out = e;
        for (int round = 0; round < 4; round++) {
            Expr before = out;
            for (Candidate c : cs) out = fold(out, c, ctx);
            if (out.equals(before)) break;
        }
        if (out.equals(Canonical.atoms(e))) return e;
        Expr tidy = Simplifier.any(out, ctx);
        // common end factors of the chains out again (W'*p - W'*e_y -> W'*(p - e_y)), as the light simplifier collects them
        // and a scalar every term of a vector sum has, out of it (a_j*e_j - a_j*a -> a_j*(e_j - a)), as a sheet writes it
        return tidy.isScalar() ? tidy : Canonical.displayOrder(Canonical.commonScalarsOut(derivcheck.calculus.Simplify.simplify(tidy)));
    }

    /** A let that may fold: its name and its body written out. */
    private record Candidate(Sym name, Expr body, int size, String text) {}

    private static List<Candidate> candidates(Problem p, Set<String> except) {
        List<Candidate> out = new ArrayList<>();
        Set<String> differentiated = differentiated(p);
        for (LetDef d : p.lets()) {
            if (d.range().isPresent() || except.contains(d.sym().name()) || differentiated.contains(d.sym().name())) continue;
            Expr body = Lets.inline(p, d.body());
            // a number, a name or a single entry reads as well as its let; a gradient is not written out here
            // and so does a function of given names (softmax(z) - e_y is the sheet's form of the cross-entropy gradient)
            if (body instanceof derivcheck.expr.Apply ap && ap.args().stream().allMatch(a -> a instanceof Sym || a instanceof Num)) continue;
            if (body instanceof Num || body instanceof Sym || body instanceof derivcheck.expr.Index
                    || Exprs.anyNode(body, x -> x instanceof derivcheck.expr.Grad || x instanceof Sym s && s.kind() == SymKind.LET)) {
                continue;
            }
            Sym name = new Sym(d.sym().name(), d.sym().shape(), SymKind.LET, Pos.NONE);
            Expr canonical = Canonical.atoms(body);
            out.add(new Candidate(name, canonical, TextPrinter.print(body).length(), TextPrinter.print(Canonical.sorted(canonical))));
        }
        out.sort(Comparator.comparingInt(Candidate::size).reversed());
        return out;
    }

    /**
     * Lets a definition differentiates (let xp = x - eps*grad(f, x)): the definition moves to another point, and
     * there the name f stands for the function f(x; w) at x, so a result about the new point would read wrong in it.
     */
    private static Set<String> differentiated(Problem p) {
        Set<String> out = new HashSet<>();
        List<Expr> all = new ArrayList<>();
        for (LetDef d : p.lets()) all.add(d.body());
        for (Expr e : all) {
            Exprs.anyNode(e, x -> {
                if (x instanceof derivcheck.expr.Grad g) {
                    Exprs.anyNode(g.f(), y -> y instanceof Sym s && s.kind() == SymKind.LET && out.add(s.name()));
                }
                return false;
            });
        }
        return out;
    }

    private static Expr fold(Expr e, Candidate c, DeriveContext ctx) {
        return Exprs.transform(Canonical.atoms(e), x -> {
            if (x instanceof derivcheck.expr.Mul m && c.body() instanceof derivcheck.expr.Mul b && !c.body().isScalar()) {
                Expr folded = chain(m, b, c.name());
                if (folded != null) return folded;
            }
            if (!x.shape().equals(c.body().shape())) return null;
            // the same text is the same expression (the text printer reads back to what it printed)
            if (x.equals(c.body()) || c.text().equals(TextPrinter.print(Canonical.sorted(x)))) return c.name();
            if (x.isScalar()) return null;

            if (!(x instanceof Add) && !(c.body() instanceof Add)) return null;
            return scaled(x, c, ctx).orElse(null);
        });
    }

    /** A matrix product holding the body's chain as consecutive factors (B'*B*b -> H*b); null when it does not. */
    private static Expr chain(derivcheck.expr.Mul m, derivcheck.expr.Mul body, Sym name) {
        List<Expr> fs = m.factors(), bs = body.factors();
        if (bs.stream().anyMatch(Expr::isScalar)) return null;
        for (int k = 0; k + bs.size() <= fs.size(); k++) {
            if (!fs.subList(k, k + bs.size()).equals(bs)) continue;
            List<Expr> out = new ArrayList<>(fs.subList(0, k));
            out.add(name);
            out.addAll(fs.subList(k + bs.size(), fs.size()));
            return Exprs.mul(out, Pos.NONE);
        }
        return null;
    }

    /** x = r·body + rest with every atom of the body gone from rest; empty when there is no such r. */
    private static Optional<Expr> scaled(Expr x, Candidate c, DeriveContext ctx) {
        LinearCombination lx = LinearCombination.of(x), lb = LinearCombination.of(c.body());
        if (lb.terms().isEmpty() || !lx.terms().keySet().containsAll(lb.terms().keySet())) return Optional.empty();
        Map.Entry<List<Expr>, Expr> first = lb.terms().entrySet().iterator().next();
        Expr r = ctx.simplify(Exprs.div(lx.terms().get(first.getKey()), first.getValue()));
        Set<List<Expr>> gone = new HashSet<>(lb.terms().keySet());
        for (var t : lb.terms().entrySet()) {
            Expr gap = Exprs.sub(lx.terms().get(t.getKey()), Exprs.mul(r, t.getValue()));
            if (!(Simplifier.scalar(gap, ctx) instanceof Num z) || !z.value().isZero()) return Optional.empty();
        }
        List<Expr> rest = new ArrayList<>();
        rest.add(Exprs.mul(r, c.name()));
        for (var t : lx.terms().entrySet()) {
            if (gone.contains(t.getKey())) continue;
            rest.add(Exprs.mul(List.of(t.getValue(), product(t.getKey())), Pos.NONE));
        }
        return Optional.of(Exprs.add(rest, Pos.NONE));
    }

    private static Expr product(List<Expr> factors) {
        return factors.isEmpty() ? Num.ONE : factors.size() == 1 ? factors.get(0) : Exprs.mul(factors, Pos.NONE);
    }
}
