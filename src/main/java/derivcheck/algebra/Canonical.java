package derivcheck.algebra;

import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Norm;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import java.util.List;

/**
 * Identities that put atoms in one form before comparison or CAS simplification:
 * <ul>
 *   <li>homogeneity of norms: ||c·v|| = |c|·||v|| for a scalar c;</li>
 *   <li>oddness of sign: sign(c·v) = sign(c)·sign(v) for a number c;</li>
 *   <li>sigmoid and logit are inverse: logit(sigmoid(u)) = u, sigmoid(logit(u)) = u;</li>
 *   <li>log(a) − log(1−a) is logit(a) (in {@link LogRules}).</li>
 * </ul>
 */
public final class Canonical {
    private Canonical() {}

    public static Expr atoms(Expr e) {
        return Exprs.transform(e, x -> {
            List<Expr> kids = x.children();
            if (kids.isEmpty()) return null;
            Expr inner = x.withChildren(kids.stream().map(Canonical::atoms).toList());
            return rewrite(inner);
        });
    }

    /**
     * The order a sheet writes a product in: the number, the other scalar factors, the vectors
     * and matrices in their order, and the reciprocals last, so it prints as {@code -eps*g/||g||}.
     * Only scalar factors move, so the value and the matrix order are unchanged.
     */
    public static Expr displayOrder(Expr e) {
        return Exprs.transform(e, x -> {
            List<Expr> kids = x.children();
            if (kids.isEmpty()) return null;
            Expr inner = x.withChildren(kids.stream().map(Canonical::displayOrder).toList());
            if (inner instanceof derivcheck.expr.Add a) {
                // terms without a leading minus first (numbers after the others: i + 2, not 2 + i),
                // then those with one, otherwise in their order; a lone leading number stays (1 - x)
                List<Expr> plus = new java.util.ArrayList<>();
                List<Expr> numbers = new java.util.ArrayList<>();
                List<Expr> minus = new java.util.ArrayList<>();
                for (Expr t : a.terms()) {
                    if (leadingMinus(t)) minus.add(t);
                    else if (t instanceof Num) numbers.add(t);
                    else plus.add(t);
                }
                plus.addAll(numbers);
                plus.addAll(minus);
                return new derivcheck.expr.Add(plus, a.pos());
            }
            if (!(inner instanceof derivcheck.expr.Mul m)) return inner;
            List<Expr> numbers = new java.util.ArrayList<>();
            List<Expr> scalars = new java.util.ArrayList<>();
            List<Expr> others = new java.util.ArrayList<>();
            List<Expr> reciprocals = new java.util.ArrayList<>();
            for (Expr f : m.factors()) {
                if (f instanceof Num) numbers.add(f);
                else if (f instanceof derivcheck.expr.Pow p && p.isScalar() && p.exponent() instanceof Num k
                        && k.value().signum() < 0) reciprocals.add(f);
                else if (f.isScalar()) scalars.add(f);
                else others.add(f);
            }
            List<Expr> out = new java.util.ArrayList<>(numbers);
            out.addAll(scalars);
            out.addAll(others);
            out.addAll(reciprocals);
            return new derivcheck.expr.Mul(out, m.pos());
        });
    }

    /**
     * A scalar factor every term of a vector or matrix sum has, taken out of the sum, innermost first:
     * {@code a_j*e_j - a_j*a} is {@code a_j*(e_j - a)}. The value and the matrix order are unchanged.
     */
    public static Expr commonScalarsOut(Expr e) {
        return Exprs.transform(e, x -> {
            List<Expr> kids = x.children();
            if (kids.isEmpty()) return null;
            Expr inner = x.withChildren(kids.stream().map(Canonical::commonScalarsOut).toList());
            // a factor taken out of a sum inside a product joins the product's scalars
            if (inner instanceof derivcheck.expr.Mul m) return Exprs.mul(m.factors(), m.pos());
            if (!(inner instanceof derivcheck.expr.Add a) || inner.isScalar() || a.terms().size() < 2) return inner;
            List<Term> terms = new java.util.ArrayList<>();
            for (Expr t : a.terms()) {
                List<Expr> sc = new java.util.ArrayList<>(), rest = new java.util.ArrayList<>();
                for (Expr f : factors(t)) (f.isScalar() ? sc : rest).add(f);
                if (rest.isEmpty()) return inner;
                terms.add(new Term(sc.isEmpty() ? Num.ONE : Exprs.mul(sc, Pos.NONE), rest));
            }
            Expr common = commonFactor(terms);
            if (common == null) return inner;
            List<Expr> out = new java.util.ArrayList<>();
            for (Term t : terms) out.add(new Term(without(t.coefficient(), common), t.factors()).toExpr());
            return Exprs.mul(List.of(common, Exprs.add(out, Pos.NONE)), Pos.NONE);
        });
    }

    /** The non-numeric factors every coefficient has (as a product), or null if none. */
    private static Expr commonFactor(List<Term> terms) {
        if (terms.isEmpty()) return null;
        List<Expr> common = new java.util.ArrayList<>(factors(terms.get(0).coefficient()));
        common.removeIf(f -> f instanceof Num);
        for (Term t : terms.subList(1, terms.size())) {
            // a multiset intersection: c*c and c have the one factor c in common, not c*c
            List<Expr> left = new java.util.ArrayList<>(factors(t.coefficient()));
            List<Expr> kept = new java.util.ArrayList<>();
            for (Expr f : common) if (left.remove(f)) kept.add(f);
            common = kept;
        }
        if (common.isEmpty()) return null;
        return common.size() == 1 ? common.get(0) : Exprs.mul(common, Pos.NONE);
    }

    private static List<Expr> factors(Expr c) {
        return c instanceof derivcheck.expr.Mul m ? m.factors() : List.of(c);
    }

    /** The coefficient with the common factors taken out. */
    private static Expr without(Expr c, Expr common) {
        List<Expr> out = new java.util.ArrayList<>(factors(c));
        for (Expr f : factors(common)) out.remove(f);
        return out.isEmpty() ? Num.ONE : Exprs.mul(out, Pos.NONE);
    }

    /**
     * A form for comparing: the scalar factors of every product and the terms of every
     * scalar sum in a fixed order (numbers first, then by their text). Matrix factors keep
     * their order.
     */
    public static Expr sorted(Expr e) {
        return Exprs.transform(e, x -> {
            List<Expr> kids = x.children();
            if (kids.isEmpty()) return null;
            Expr inner = x.withChildren(kids.stream().map(Canonical::sorted).toList());
            if (inner instanceof derivcheck.expr.Mul m) {
                List<Expr> scalars = new java.util.ArrayList<>(m.factors().stream().filter(Expr::isScalar).toList());
                scalars.sort(Canonical::compare);
                List<Expr> out = new java.util.ArrayList<>(scalars);
                out.addAll(m.factors().stream().filter(f -> !f.isScalar()).toList());
                return new derivcheck.expr.Mul(out, m.pos());
            }
            if (inner instanceof derivcheck.expr.Add a) {
                List<Expr> terms = new java.util.ArrayList<>(a.terms());
                terms.sort(Canonical::compareTerms);
                return new derivcheck.expr.Add(terms, a.pos());
            }
            return inner;
        });
    }

    /**
     * Bound index names replaced by canonical ones, so sums that differ only in the name of
     * their index (sum over i vs over k) compare equal.
     */
    public static Expr alphaRenamed(Expr e) {
        return rename(e, 0);
    }

    private static Expr rename(Expr e, int depth) {
        if (e instanceof derivcheck.expr.Sum s) {
            derivcheck.expr.Sym fresh = new derivcheck.expr.Sym("k_" + depth, s.index().shape(), s.index().kind(), s.index().pos());
            Expr body = Exprs.substitute(s.body(), s.index(), fresh);
            return new derivcheck.expr.Sum(fresh, rename(s.lo(), depth), rename(s.hi(), depth), rename(body, depth + 1), s.pos());
        }
        List<Expr> kids = e.children();
        if (kids.isEmpty()) return e;
        return e.withChildren(kids.stream().map(k -> rename(k, depth)).toList());
    }

    /** Terms of a sum: those written without a leading minus first, then by their text. */
    private static int compareTerms(Expr a, Expr b) {
        boolean ma = leadingMinus(a);
        boolean mb = leadingMinus(b);
        if (ma != mb) return ma ? 1 : -1;
        return derivcheck.expr.TextPrinter.print(a).compareTo(derivcheck.expr.TextPrinter.print(b));
    }

    private static boolean leadingMinus(Expr e) {
        if (e instanceof Num n) return n.value().signum() < 0;
        return e instanceof derivcheck.expr.Mul m && m.factors().get(0) instanceof Num n && n.value().signum() < 0;
    }

    private static int compare(Expr a, Expr b) {
        boolean na = a instanceof Num;
        boolean nb = b instanceof Num;
        if (na != nb) return na ? -1 : 1;
        return derivcheck.expr.TextPrinter.print(a).compareTo(derivcheck.expr.TextPrinter.print(b));
    }

    private static Expr rewrite(Expr x) {
        if (x instanceof Norm n && !n.arg().isScalar()) {
            List<Term> terms = LinearCombination.of(n.arg()).asTerms();
            Expr common = commonFactor(terms);
            if (common != null && terms.size() > 1) {
                // ||c*a + c*b|| = |c| * ||a + b||
                List<Expr> rest = new java.util.ArrayList<>();
                for (Term t : terms) rest.add(new Term(without(t.coefficient(), common), t.factors()).toExpr());
                Expr abs = new Apply(Builtin.ABS, List.of(common), Pos.NONE);
                return Exprs.mul(List.of(abs, new Norm(Exprs.add(rest, Pos.NONE), n.kind(), n.pos())), Pos.NONE);
            }
            if (terms.size() == 1 && !terms.get(0).factors().isEmpty()) {
                Term t = terms.get(0);
                Expr c = t.coefficient();
                if (!(c instanceof Num one && one.value().isOne())) {
                    Expr abs = c instanceof Num k ? new Num(k.value().signum() < 0 ? k.value().negate() : k.value(), Pos.NONE)
                            : new Apply(Builtin.ABS, List.of(c), Pos.NONE);
                    return Exprs.mul(List.of(abs, new Norm(t.product(), n.kind(), n.pos())), Pos.NONE);
                }
            }
        }
        if (x instanceof Apply a && a.fn() == Builtin.SIGN && !a.args().get(0).isScalar()) {
            List<Term> terms = Expansion.expand(a.args().get(0));
            if (terms.size() == 1 && terms.get(0).coefficient() instanceof Num k && !terms.get(0).factors().isEmpty()
                    && !k.value().isOne()) {
                Expr s = Num.of(k.value().signum());
                return Exprs.mul(List.of(s, new Apply(Builtin.SIGN, List.of(terms.get(0).product()), a.pos())), Pos.NONE);
            }
        }
        if (x instanceof Apply a && a.fn() == Builtin.LOGIT && a.args().get(0) instanceof derivcheck.expr.Add s
                && s.terms().size() == 2 && s.terms().contains(Num.ONE)) {
            // logit(1 - u) = -logit(u)
            Expr other = s.terms().get(0).equals(Num.ONE) ? s.terms().get(1) : s.terms().get(0);
            if (other instanceof derivcheck.expr.Mul m && m.factors().size() >= 2 && m.factors().get(0).equals(Num.MINUS_ONE)) {
                // u may itself be a product: 1 - c*eps is 1 + (-1)*c*eps
                Expr u = Exprs.mul(m.factors().subList(1, m.factors().size()), Pos.NONE);
                return Exprs.neg(new Apply(Builtin.LOGIT, List.of(u), a.pos()));
            }
        }
        if (x instanceof derivcheck.expr.Mul m && m.isScalar() && m.factors().stream().filter(f -> !f.isScalar()).count() == 2) {
            // a'*b is the inner product <a, b>
            List<Expr> ns = m.factors().stream().filter(f -> !f.isScalar()).toList();
            if (ns.get(0) instanceof derivcheck.expr.Transpose t && t.arg().shape().isVector() && ns.get(1).shape().isVector()) {
                List<Expr> out = new java.util.ArrayList<>(m.factors().stream().filter(Expr::isScalar).toList());
                out.add(Atoms.inner(t.arg(), ns.get(1)));
                return Exprs.mul(out, Pos.NONE);
            }
        }
        if (x instanceof derivcheck.expr.Pow p && p.isScalar() && p.base() instanceof derivcheck.expr.Mul pm
                && p.exponent() instanceof Num k && k.value().isInteger() && pm.factors().stream().allMatch(Expr::isScalar)) {
            // only scalar factors: (x'*A*x)^2 is not (x')^2 * A^2 * x^2
            // (a*b)^k = a^k * b^k for an integer k
            List<Expr> out = new java.util.ArrayList<>();
            for (Expr f : pm.factors()) out.add(Exprs.pow(f, k));
            return Exprs.mul(out, Pos.NONE);
        }
        if (x instanceof derivcheck.expr.Mul m && m.isScalar()) {
            // |u| * u^-1 = sign(u)
            for (Expr f : m.factors()) {
                if (f instanceof Apply abs && abs.fn() == Builtin.ABS) {
                    Expr u = abs.args().get(0);
                    Expr inv = new derivcheck.expr.Pow(u, Num.MINUS_ONE, Pos.NONE);
                    if (m.factors().contains(inv)) {
                        List<Expr> out = new java.util.ArrayList<>(m.factors());
                        out.remove(f);
                        out.remove(inv);
                        out.add(new Apply(Builtin.SIGN, List.of(u), Pos.NONE));
                        return Exprs.mul(out, Pos.NONE);
                    }
                }
            }
        }
        if (x instanceof Apply a && a.args().size() == 1 && a.args().get(0) instanceof Apply b) {
            if (a.fn() == Builtin.LOGIT && b.fn() == Builtin.SIGMOID) return b.args().get(0);
            if (a.fn() == Builtin.SIGMOID && b.fn() == Builtin.LOGIT) return b.args().get(0);
        }
        return null;
    }
}
