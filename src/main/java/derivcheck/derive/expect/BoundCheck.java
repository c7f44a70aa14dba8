package derivcheck.derive.expect;

import derivcheck.derive.DeriveContext;
import derivcheck.derive.Result;
import derivcheck.derive.scalar.ConditionSolve;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.judge.SignProver;
import derivcheck.model.Problem;
import derivcheck.model.SuchThat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares expected bounds ({@code expect alpha < B}) with a derived condition: the expected
 * relations together with the unknown's own bounds ({@code find alpha > 0 such that …}) describe
 * an interval, verified when its ends are the derived ends symbolically, with the same
 * strictness. So {@code expect alpha < B} is verified for the derived 0 < alpha < B, and
 * {@code expect alpha > B} (the wrong direction) or {@code alpha < B/2} are not. Like every
 * symbolic check it proves and does not disprove.
 */
final class BoundCheck {
    private BoundCheck() {}

    /** Empty when verified; otherwise why not. */
    static Optional<String> check(Problem p, List<Relation> expected, List<Result> results, DeriveContext ctx) {
        Sym target = null;
        List<Relation> oriented = new ArrayList<>();
        for (Relation e : expected) {
            Relation r = null;
            for (Result res : results) {
                if (res.isEquation() || !(res.target() instanceof Sym s)) continue;
                if (s.equals(e.lhs())) r = e;
                else if (s.equals(e.rhs())) r = new Relation(e.op().flipped(), e.rhs(), e.lhs(), e.pos());
                if (r != null) break;
            }
            if (r == null) return Optional.of("no condition on either side of " + TextPrinter.print(e) + " was derived");
            if (r.op() == RelOp.EQ || r.op() == RelOp.NE) return Optional.of("'" + r.op().symbol() + "' with a derived condition is compared numerically");
            if (target != null && !target.equals(r.lhs())) return Optional.of("the bounds are of different unknowns");
            target = (Sym) r.lhs();
            oriented.add(r);
        }
        List<Relation> own = new ArrayList<>();
        for (SuchThat st : p.conditions()) if (st.unknown().equals(target)) own.addAll(st.bounds());
        List<Relation> derived = new ArrayList<>();
        for (Result r : results) if (!r.isEquation() && r.target().equals(target)) derived.add(r.relation());
        ConditionSolve.Interval want = ConditionSolve.Interval.of(target, derived);
        // which end is tighter is a sign, and signs are the judge's (the structure and the CAS as its tier)
        SignProver structure = ZeroProof.casSign(e -> ConditionSolve.sign(ctx, e, ctx.assumptions()), "the structure and the CAS sign");
        Optional<Optional<ConditionSolve.Interval>> got = ConditionSolve.Interval.of(target, own)
                .intersect(ConditionSolve.Interval.of(target, oriented), e -> ZeroProof.asSign(ZeroProof.sign(p, e, List.of(structure))));
        String says = "the derived condition is " + String.join(" and ", derived.stream().map(TextPrinter::print).toList());
        if (got.isEmpty()) return Optional.of("cannot compare the ends of the expected bounds; " + says);
        if (got.get().isEmpty()) return Optional.of("the expected bounds leave no value; " + says);
        ConditionSolve.Interval g = got.get().get();
        if (!sameEnd(p, g.lo(), g.loOpen(), want.lo(), want.loOpen(), ctx) || !sameEnd(p, g.hi(), g.hiOpen(), want.hi(), want.hiOpen(), ctx)) {
            return Optional.of("the expected interval " + g + " is not the derived " + want + " (" + says + ")");
        }
        return Optional.empty();
    }

    /** The same end: both open or both closed, and equal as the judge proves it (see {@link ZeroProof}). */
    private static boolean sameEnd(Problem p, Optional<Expr> a, boolean aOpen, Optional<Expr> b, boolean bOpen, DeriveContext ctx) {
        if (a.isEmpty() || b.isEmpty()) return a.isEmpty() && b.isEmpty();
        return aOpen == bOpen && ZeroProof.of(p, Exprs.sub(a.get(), b.get()), List.of(), ctx, false).proved();
    }
}
