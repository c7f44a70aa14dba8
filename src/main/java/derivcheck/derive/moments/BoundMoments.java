package derivcheck.derive.moments;

import derivcheck.derive.DeriveContext;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Variance;
import derivcheck.limits.Deadline;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Issue 11, defect 1: a moment of an entry inside a sum over its index, Σ_j Var[1 + π_j] c_j, is a
 * function of the summation index j. An evaluator that takes E[.] and Var[.] out of their context
 * (Monte Carlo estimates one number per node) loses the binding of j. Such a moment is put in closed
 * form where it stands, with the index still bound: E[π_j] and Var[m_j] of a declared random
 * vector are the moments of its distribution at entry j (by the rules of {@link MomentAlgebra},
 * the same as a derivation uses). A moment the rules do not reach stays as written (the check
 * that follows stays undecided on it, never wrong). Moments outside any sum are left alone, so the
 * numeric tier still estimates them independently.
 */
public final class BoundMoments {
    private BoundMoments() {}

    /** True when some E[.] or Var[.] in e reads an index bound by a sum around it. */
    public static boolean present(Expr e) {
        return walk(null, null, e, Set.of()) != e;
    }

    /** e with every moment that reads a bound summation index in closed form (where the rules reach it). */
    public static Expr reduce(Problem p, DeriveContext ctx, Expr e) {
        return walk(p, ctx, e, Set.of());
    }

    private static Expr walk(Problem p, DeriveContext ctx, Expr e, Set<String> bound) {
        if ((e instanceof Expectation || e instanceof Variance) && reads(e, bound)) {
            if (p == null) return new Sym("moment", e.shape(), SymKind.GIVEN, e.pos()); // a marker for present()
            try {
                Expr v = MomentDerivation.derive(p, e, ctx, new ArrayList<>());
                if (!Exprs.anyNode(v, x -> x instanceof Expectation || x instanceof Variance)) return v;
            } catch (Deadline.Expired x) {
                throw x;
            } catch (RuntimeException stuck) {
                // the rules do not reach it: left as written
            }
            return e;
        }
        Set<String> inner = bound;
        if (e instanceof Sum s) {
            inner = new HashSet<>(bound);
            inner.add(s.index().name());
        }
        List<Expr> kids = e.children();
        if (kids.isEmpty()) return e;
        List<Expr> out = new ArrayList<>(kids.size());
        boolean changed = false;
        for (Expr k : kids) {
            Expr t = walk(p, ctx, k, inner);
            changed |= t != k;
            out.add(t);
        }
        return changed ? e.withChildren(out) : e;
    }

    private static boolean reads(Expr e, Set<String> bound) {
        return !bound.isEmpty() && Exprs.anyNode(e, x -> x instanceof Sym s && s.kind() == SymKind.INDEX && bound.contains(s.name()));
    }
}
