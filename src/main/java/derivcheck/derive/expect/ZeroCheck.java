package derivcheck.derive.expect;

import derivcheck.algebra.Canonical;
import derivcheck.algebra.LinearCombination;
import derivcheck.cas.ZeroTest;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Tidy;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Relation;
import java.util.List;

/**
 * Is an expression zero? Scalars go to the CAS after Gram expansion; vectors and matrices are
 * zero when every coefficient of their linear-combination normal form is. A "no" from the
 * normal form is not a proof (the atoms may be dependent), so vectors are never NONZERO here.
 */
public final class ZeroCheck {
    private ZeroCheck() {}

    public static ZeroTest test(Expr e, DeriveContext ctx) {
        return test(e, ctx, 0, new SumAtoms.Budget());
    }

    /**
     * The test at a nesting depth: {@link SumAtoms} compares the bodies of sums, and the entries of vectors, by
     * this same test one level deeper (bounded by {@link SumAtoms#MAX_DEPTH}).
     */
    static ZeroTest test(Expr e, DeriveContext ctx, int depth, SumAtoms.Budget budget) {
        Expr renamed = Canonical.alphaRenamed(e);
        ZeroTest plain = testRenamed(renamed, ctx);
        if (plain == ZeroTest.ZERO || depth >= SumAtoms.MAX_DEPTH || budget.spent() || !SumAtoms.applies(renamed)) return plain;
        // the normal form of index sums: entries written out, equal sums and inverses one atom each
        if (renamed.isScalar()) {
            Expr sums = SumAtoms.collapsed(EntrySums.scalarEntries(renamed), ctx.problem());
            // every sum multiplied out and split by linearity, equal sums one atom (alike up to the index first)
            Expr split = Canonical.alphaRenamed(SumAtoms.split(sums, ctx));
            for (Expr form : List.of(split, sums)) {
                Expr alike = SumAtoms.unified(form, ctx, depth, null);
                if (!alike.equals(renamed) && testRenamed(alike, ctx) == ZeroTest.ZERO) return ZeroTest.ZERO;
                if (budget.spent()) return plain;
                Expr unified = SumAtoms.unified(alike, ctx, depth, budget);
                if (!unified.equals(alike) && testRenamed(unified, ctx) == ZeroTest.ZERO) return ZeroTest.ZERO;
            }
            return plain;
        }
        Expr unified = SumAtoms.unified(renamed, ctx, depth, budget);
        if (!unified.equals(renamed) && testRenamed(unified, ctx) == ZeroTest.ZERO) return ZeroTest.ZERO;
        return SumAtoms.entrywise(unified, ctx, depth, budget) == ZeroTest.ZERO ? ZeroTest.ZERO : plain;
    }

    private static ZeroTest testRenamed(Expr e, DeriveContext ctx) {
        if (e.isScalar()) {
            Expr s = Simplifier.scalar(Canonical.sorted(e), ctx);
            if (s instanceof Num n) return n.value().isZero() ? ZeroTest.ZERO : ZeroTest.NONZERO;
            return ctx.cas().isZero(s, ctx.assumptions()).orElse(ZeroTest.UNKNOWN);
        }
        LinearCombination lc = LinearCombination.of(Canonical.sorted(Simplifier.resolveAbs(Canonical.atoms(Tidy.inverses(e, ctx)), ctx)));
        for (Expr c : lc.terms().values()) {
            if (test(c, ctx) != ZeroTest.ZERO) return ZeroTest.UNKNOWN;
        }
        return ZeroTest.ZERO;
    }

    /** Zero given that the equations hold: e is a constant multiple of some lhs − rhs. */
    static boolean zeroGiven(Expr e, List<Relation> equations, DeriveContext ctx) {
        if (!e.isScalar()) return false;
        for (Relation r : equations) {
            Expr gap = Exprs.sub(r.lhs(), r.rhs());
            Expr ratio = Simplifier.scalar(Exprs.div(e, gap), ctx);
            if (ratio instanceof Num n && !n.value().isZero()) return true;
        }
        return false;
    }
}
