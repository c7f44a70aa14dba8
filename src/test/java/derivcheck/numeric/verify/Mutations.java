package derivcheck.numeric.verify;

import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Iverson;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.Relation;
import derivcheck.expr.Sum;
import derivcheck.model.Claim;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Wrong variants of a claim's right-hand sides: the sign flipped, a factor of 2, a term dropped,
 * a constant changed (c to c + 1), a division turned upside down, two matrix factors swapped.
 * Constants inside indices, summation bounds and case guards are left alone (changing them
 * moves an index out of range rather than making a wrong answer).
 */
final class Mutations {
    private Mutations() {}

    /** A variant and the operator that made it. */
    record Variant(String operator, Claim claim) {}

    static List<Variant> of(Claim c) {
        List<Variant> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < c.relations().size(); i++) {
            Relation r = c.relations().get(i);
            for (var m : mutate(r.rhs())) {
                Relation mr;
                try {
                    mr = new Relation(r.op(), r.lhs(), m.expr(), r.pos());
                } catch (RuntimeException e) {
                    continue; // not shape-correct
                }
                List<Relation> rels = new ArrayList<>(c.relations());
                rels.set(i, mr);
                Claim v = new Claim(rels, c.range(), c.text() + "   [" + m.operator() + "]", c.pos());
                if (seen.add(rels.toString())) out.add(new Variant(m.operator(), v));
            }
        }
        return out;
    }

    private record M(String operator, Expr expr) {}

    private static List<M> mutate(Expr rhs) {
        List<M> out = new ArrayList<>();
        out.add(new M("sign flipped", Exprs.neg(rhs)));
        out.add(new M("factor 2", Exprs.mul(Num.of(2), rhs)));
        Map<Expr, Boolean> protectedNodes = new IdentityHashMap<>();
        markProtected(rhs, false, protectedNodes);
        List<Expr> nodes = new ArrayList<>();
        Exprs.anyNode(rhs, x -> { nodes.add(x); return false; });
        for (Expr node : nodes) {
            if (protectedNodes.containsKey(node)) continue;
            if (node instanceof Add a) {
                for (int k = 0; k < a.terms().size(); k++) {
                    List<Expr> rest = new ArrayList<>(a.terms());
                    rest.remove(k);
                    tryAdd(out, "term dropped", rhs, node, Exprs.add(rest, Pos.NONE));
                }
            }
            if (node instanceof Num n && !n.value().isZero()) {
                tryAdd(out, "wrong constant", rhs, node, new Num(n.value().plus(Rational.ONE), Pos.NONE));
            }
            if (node instanceof Mul m) {
                // a/b -> b/a for a scalar quotient
                List<Expr> f = m.factors();
                for (int k = 0; k < f.size(); k++) {
                    if (f.get(k) instanceof Pow p && p.exponent() instanceof Num e && e.value().equals(Rational.MINUS_ONE)
                            && m.isScalar()) {
                        List<Expr> num = new ArrayList<>(f);
                        num.remove(k);
                        Expr numerator = Exprs.mul(num, Pos.NONE);
                        tryAdd(out, "division swapped", rhs, node, Exprs.mul(p.base(), Exprs.pow(numerator, Num.MINUS_ONE)));
                    }
                }
                // two adjacent non-scalar factors swapped
                for (int k = 0; k + 1 < f.size(); k++) {
                    if (!f.get(k).isScalar() && !f.get(k + 1).isScalar()) {
                        List<Expr> sw = new ArrayList<>(f);
                        sw.set(k, f.get(k + 1));
                        sw.set(k + 1, f.get(k));
                        tryAdd(out, "operands swapped", rhs, node, sw);
                    }
                }
            }
        }
        return out;
    }

    private static void tryAdd(List<M> out, String op, Expr root, Expr node, List<Expr> factors) {
        try {
            tryAdd(out, op, root, node, new Mul(factors, Pos.NONE));
        } catch (RuntimeException e) {
            // not conformable
        }
    }

    private static void tryAdd(List<M> out, String op, Expr root, Expr node, Expr replacement) {
        try {
            Expr m = replaceNode(root, node, replacement);
            if (m.shape().equals(root.shape())) out.add(new M(op, m));
        } catch (RuntimeException e) {
            // shape error: not a variant
        }
    }

    private static Expr replaceNode(Expr root, Expr node, Expr replacement) {
        if (root == node) return replacement;
        List<Expr> kids = root.children();
        List<Expr> out = new ArrayList<>(kids.size());
        boolean changed = false;
        for (Expr k : kids) {
            Expr t = replaceNode(k, node, replacement);
            changed |= t != k;
            out.add(t);
        }
        return changed ? root.withChildren(out) : root;
    }

    /** Marks nodes inside indices, sum bounds, guards and Iverson brackets. */
    private static void markProtected(Expr e, boolean inside, Map<Expr, Boolean> marks) {
        if (inside) marks.put(e, true);
        if (e instanceof Index ix) {
            markProtected(ix.base(), inside, marks);
            for (Expr i : ix.indices()) markProtected(i, true, marks);
            return;
        }
        if (e instanceof Sum s) {
            markProtected(s.lo(), true, marks);
            markProtected(s.hi(), true, marks);
            markProtected(s.body(), inside, marks);
            return;
        }
        if (e instanceof Iverson) {
            for (Expr k : e.children()) markProtected(k, true, marks);
            return;
        }
        if (e instanceof Piecewise p) {
            for (Piecewise.Arm a : p.arms()) {
                markProtected(a.value(), inside, marks);
                for (Relation r : a.guard()) { markProtected(r.lhs(), true, marks); markProtected(r.rhs(), true, marks); }
            }
            return;
        }
        for (Expr k : e.children()) markProtected(k, inside, marks);
    }
}
