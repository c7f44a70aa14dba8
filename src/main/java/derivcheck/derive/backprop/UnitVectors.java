package derivcheck.derive.backprop;



import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Iverson;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sum;
import derivcheck.expr.Transpose;
import derivcheck.model.DimDecl;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Unit vectors e_j (row j of the identity) in results, in the form a sheet prints:
 * <ul>
 * <li>Σ_{i=lo}^{hi} [j = i]·f(i) = f(j) when lo ≤ j ≤ hi follows from the dimensions' bounds
 *     (j is a dimension, so j ≥ 1; {@code dim m >= j} gives j ≤ m): Σ_i [y = i]·s_i·e_i = s_y·e_y.
 *     A sum whose range condition is not decided stays as it is (the collapse would need the bracket);</li>
 * <li>⟨e_j, v⟩ = e_jᵀv = v_j.</li>
 * </ul>
 * Each rewrite is an identity, so the value never changes.
 */
public final class UnitVectors {
    private UnitVectors() {}

    /** Collapses the pinned sums and reads inner products with unit vectors as entries; then the light simplifier. */
    public static Expr simplify(Problem p, Expr e) {
        Map<String, Integer> minimum = IndexAffine.minimums(p);
        Expr out = Exprs.transform(e, x -> {
            if (x instanceof Sum s && Exprs.anyNode(s.body(), y -> y instanceof Iverson)) return collapsed(p, s, minimum);
            return null;
        });
        out = Exprs.transform(out, UnitVectors::entry);
        // nothing collapsed and no inner product read: the expression as it was (not re-simplified)
        return out.equals(e) ? e : derivcheck.calculus.Simplify.simplify(out);
    }

    /** Whether the expression has a unit vector or a sum over an Iverson bracket (something to do here). */
    public static boolean applies(Expr e) {
        return Exprs.anyNode(e, x -> isUnit(x) || x instanceof Sum s && Exprs.anyNode(s.body(), y -> y instanceof Iverson));
    }

    static boolean isUnit(Expr x) {
        return x instanceof Index i && i.base() instanceof Identity && i.indices().size() == 1;
    }

    private static Expr entry(Expr x) {
        if (x instanceof Inner in) {
            if (isUnit(in.left())) return at(in.right(), in.left());
            if (isUnit(in.right())) return at(in.left(), in.right());
        }
        if (x instanceof Mul m && m.isScalar() && m.factors().size() == 2 && m.factors().get(0) instanceof Transpose t
                && isUnit(t.arg()) && m.factors().get(1).shape().isVector()) {
            return at(m.factors().get(1), t.arg());
        }
        return null;
    }

    private static Expr at(Expr v, Expr unit) {
        if (!v.shape().isVector()) return null;
        return new Index(v, List.of(((Index) unit).indices().get(0)), Pos.NONE);
    }

    /** The sum with its pinned terms collapsed, when every range condition the collapse adds is decided true. */
    private static Expr collapsed(Problem p, Sum s, Map<String, Integer> minimum) {
        Expr c = Entrywise.collapse(s);
        if (c.equals(s)) return s;
        boolean[] undecided = {false};
        Expr out = Exprs.transform(c, x -> {
            if (!(x instanceof Iverson iv) || Exprs.anyNode(s, y -> y.equals(iv))) return null;
            List<Relation> open = new ArrayList<>();
            for (Relation r : iv.conditions()) {
                Optional<Boolean> holds = holds(p, r, minimum);
                if (holds.isEmpty() || !holds.get()) open.add(r);
            }
            if (open.isEmpty()) return Num.ONE;
            undecided[0] = true;
            return null;
        });
        return undecided[0] ? s : out;
    }

    /**
     * Iverson brackets on the index j (and dimensions) decided on the whole range from..to of j, even inside
     * index sums: [1 <= l <= n] is 1 for l in 1..n. Each condition is affine in j, so it holds on the range when it
     * holds at both ends; it fails on the range when its negation holds at both ends.
     */
    public static Expr rangeGuards(Expr e, derivcheck.expr.Sym j, IndexAffine from, IndexAffine to, Problem p, Map<String, Integer> minimum) {
        return Exprs.transform(e, x -> {
            if (!(x instanceof Iverson iv)) return null;
            boolean all = true;
            for (Relation r : iv.conditions()) {
                Optional<Boolean> atFrom = holds(p, at(r, j, from), minimum), atTo = holds(p, at(r, j, to), minimum);
                if (atFrom.orElse(false) && atTo.orElse(false)) continue;
                Relation not = negated(r);
                if (not != null && holds(p, at(not, j, from), minimum).orElse(false) && holds(p, at(not, j, to), minimum).orElse(false)) {
                    return Num.ZERO;
                }
                all = false;
            }
            return all ? Num.ONE : null;
        });
    }

    private static Relation at(Relation r, derivcheck.expr.Sym j, IndexAffine v) {
        return new Relation(r.op(), Exprs.substitute(r.lhs(), j, v.toExpr()), Exprs.substitute(r.rhs(), j, v.toExpr()), Pos.NONE);
    }

    private static Relation negated(Relation r) {
        RelOp op = switch (r.op()) {
            case LE -> RelOp.GT; case LT -> RelOp.GE; case GE -> RelOp.LT; case GT -> RelOp.LE; default -> null;
        };
        return op == null ? null : new Relation(op, r.lhs(), r.rhs(), Pos.NONE);
    }

    /** lhs ≤ rhs (or <, =, ≥, >) for every size the dimensions' bounds allow; empty when not decided. */
    static Optional<Boolean> holds(Problem p, Relation r, Map<String, Integer> minimum) {
        Optional<IndexAffine> d = IndexAffine.of(Exprs.sub(r.rhs(), r.lhs()));
        if (d.isEmpty()) return Optional.empty();
        return switch (r.op()) {
            case LE -> nonNegative(p, d.get(), minimum);
            case LT -> nonNegative(p, d.get().plus(-1), minimum);
            case GE -> nonNegative(p, d.get().times(-1), minimum);
            case GT -> nonNegative(p, d.get().times(-1).plus(-1), minimum);
            default -> Optional.empty();
        };
    }

    /**
     * d ≥ 0 for every allowed size: from the smallest sizes, or as a bound between dimensions plus something
     * nonnegative (m − j ≥ 0 from {@code dim m >= j}).
     */
    private static Optional<Boolean> nonNegative(Problem p, IndexAffine d, Map<String, Integer> minimum) {
        Optional<Boolean> direct = d.nonNegative(minimum);
        if (direct.isPresent() && direct.get()) return direct;
        for (DimDecl dim : p.dims()) {
            for (Relation b : dim.bounds()) {
                Optional<IndexAffine> gap = IndexAffine.of(Exprs.sub(b.lhs(), b.rhs()));
                if (gap.isEmpty()) continue;
                IndexAffine atLeast = switch (b.op()) {
                    case GE, EQ -> gap.get();
                    case GT -> gap.get().plus(-1);
                    default -> null;
                };
                if (atLeast == null) continue;
                if (d.minus(atLeast).nonNegative(minimum).orElse(false)) return Optional.of(true);
            }
        }
        return Optional.empty();
    }

}
