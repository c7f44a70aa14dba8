package derivcheck.derive.identities;

import derivcheck.algebra.Canonical;
import derivcheck.algebra.LinearCombination;
import derivcheck.algebra.Term;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Inner;
import derivcheck.expr.Inverse;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gram expansion applied everywhere in an expression (also inside function arguments and
 * sums), and the vector assumptions of a problem as replacements of its atoms:
 * {@code ||w0|| = 1}, {@code <g, w0> = 0}, {@code ||g|| = a} replace the atoms ||w0||, <g, w0>
 * (in its canonical orientation) and ||g|| wherever the expansion produced them.
 */
public final class GramForms {
    private GramForms() {}

    /** Every inner product and squared Euclidean/Frobenius norm expanded by bilinearity. */
    public static Expr expand(Expr e) {
        Expr c = Canonical.atoms(cancelInverses(e));
        return post(c);
    }

    /** X*inv(X) and inv(X)*X inside products are the identity: dropped. */
    static Expr cancelInverses(Expr e) {
        return Exprs.transform(e, x -> {
            if (!(x instanceof derivcheck.expr.Mul m)) return null;
            List<Expr> f = new ArrayList<>();
            for (Expr k : m.factors()) f.add(cancelInverses(k));
            List<Expr> kept = new ArrayList<>(f);
            boolean changed = true;
            boolean cancelled = false;
            while (changed) {
                changed = false;
                for (int k = 0; k + 1 < f.size(); k++) {
                    Expr a = f.get(k);
                    Expr b = f.get(k + 1);
                    if (!a.isScalar() && (b instanceof Inverse inv && inv.arg().equals(a) || a instanceof Inverse inv2 && inv2.arg().equals(b))) {
                        f.remove(k + 1);
                        f.remove(k);
                        changed = true;
                        cancelled = true;
                        break;
                    }
                }
            }
            // unchanged products keep their nesting (a nested a'*b is an inner product to Canonical)
            if (!cancelled || f.isEmpty() || f.stream().allMatch(Expr::isScalar) && !m.isScalar()) {
                return kept.equals(m.factors()) ? m : new derivcheck.expr.Mul(kept, m.pos());
            }
            return f.size() == 1 ? f.get(0) : new derivcheck.expr.Mul(f, m.pos());
        });
    }

    private static Expr post(Expr e) {
        List<Expr> kids = e.children();
        Expr x = e;
        if (!kids.isEmpty()) {
            List<Expr> out = new ArrayList<>();
            for (Expr k : kids) out.add(post(k));
            if (!out.equals(kids)) x = e.withChildren(out);
        }
        if (x instanceof Inner || x instanceof Pow p && p.base() instanceof Norm n && n.kind() != NormKind.L1
                && n.kind() != NormKind.LINF && p.exponent() instanceof Num k && k.value().isInteger()
                && k.value().num().intValue() == 2) {
            Expr out = combination(x).toExpr(Num.ZERO);
            return Canonical.atoms(out);
        }
        return x;
    }

    /** The linear-combination normal form with 1-by-1 products folded into inner products. */
    static LinearCombination combination(Expr e) {
        List<Term> terms = new ArrayList<>();
        for (Term t : LinearCombination.of(Canonical.atoms(e)).asTerms()) terms.add(fold(t));
        return LinearCombination.of(terms);
    }

    /** a'*b inside a longer product is the scalar <a, b>; X*inv(X) and inv(X)*X are I. */
    static Term fold(Term t) {
        List<Expr> f = new ArrayList<>(t.factors());
        Expr c = t.coefficient();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 0; k + 1 < f.size(); k++) {
                Expr a = f.get(k);
                Expr b = f.get(k + 1);
                if (a instanceof Transpose tr && tr.arg().shape().isVector() && b.shape().isVector() && !a.isScalar()) {
                    Expr inner = LinearCombination.of(new Inner(tr.arg(), b, Pos.NONE)).toExpr(Num.ZERO);
                    c = Exprs.mul(c, inner);
                    f.remove(k + 1);
                    f.remove(k);
                    changed = true;
                    break;
                }
                if (b instanceof Inverse inv && inv.arg().equals(a) || a instanceof Inverse inv2 && inv2.arg().equals(b)) {
                    f.remove(k + 1);
                    f.remove(k);
                    changed = true;
                    break;
                }
            }
        }
        if (f.isEmpty() && !t.factors().isEmpty()) {
            // the whole product folded to a scalar; keep the shape only if it was scalar
            if (!new Term(Num.ONE, t.factors()).product().isScalar()) return t;
        }
        return new Term(c, f);
    }

    /** The scalar assumptions about atoms (norms, inner products), keyed by the canonical atom. */
    public static Map<Expr, Expr> atomFacts(Problem p) {
        Map<Expr, Expr> out = new LinkedHashMap<>();
        for (Relation r : p.assumptions()) {
            if (r.op() != RelOp.EQ || !r.lhs().isScalar()) continue;
            Expr lhs = r.lhs();
            Expr rhs = r.rhs();
            if (lhs instanceof Sym || lhs instanceof Num) {
                if (rhs instanceof Sym || rhs instanceof Num) continue;
                Expr t = lhs;
                lhs = rhs;
                rhs = t;
            }
            Expr key = Canonical.atoms(lhs);
            if (key instanceof Inner) key = expand(key);
            if (key instanceof Norm || key instanceof Inner || key instanceof Pow) out.put(key, rhs);
        }
        return out;
    }

    /** Replaces the atoms the assumptions fix. */
    public static Expr substitute(Expr e, Map<Expr, Expr> facts) {
        if (facts.isEmpty()) return e;
        return Exprs.transform(e, x -> facts.containsKey(x) ? facts.get(x) : null);
    }
}
