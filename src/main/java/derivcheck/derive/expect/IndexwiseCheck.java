package derivcheck.derive.expect;

import derivcheck.derive.Derivation;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Lets;
import derivcheck.derive.Result;
import derivcheck.derive.backprop.Backprop;
import derivcheck.derive.backprop.Entrywise;
import derivcheck.derive.backprop.IndexAffine;
import derivcheck.derive.piecewise.PiecewiseEntry;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Iverson;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Claim;
import derivcheck.model.IndexRange;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares an index-wise expect ({@code grad(L, x)_j = cases(…) for j in 1..N}) with entries
 * derived entry by entry (or with a whole derived vector, entry j taken). Both sides are read as
 * values by cases (the first arm whose guard holds applies), split at every boundary of either
 * side, and compared symbolically on each sub-range. Verified only when every sub-range is
 * proven equal, the ranges of the index agree, every index of the claim stays inside its
 * vector on each sub-range, and some case of the claim applies everywhere; otherwise undecided
 * with the sub-range that could not be shown.
 */
final class IndexwiseCheck {
    private IndexwiseCheck() {}

    private record Arm(Expr value, List<IndexAffine> lows, List<IndexAffine> highs) {}

    static ExpectCheck.Outcome check(Problem p, Derivation d, Claim c, DeriveContext ctx) {
        IndexRange cr = c.range().get();
        Sym j = cr.index();
        if (c.relations().size() != 1 || c.relations().get(0).op() != RelOp.EQ) {
            return undecided(c, "index-wise inequalities are compared numerically");
        }
        Relation rel = c.relations().get(0);
        if (!(rel.lhs() instanceof Index ix) || ix.indices().size() != 1 || !ix.indices().get(0).equals(j)) {
            return undecided(c, "the left side is not an entry " + "(…)_" + j.name() + " of the index " + j.name());
        }
        Expr base = ix.base();
        Expr derived = null;
        IndexAffine dlo = null, dhi = null;
        List<Relation> conditions = new ArrayList<>();
        for (Result r : d.results()) {
            if (r.range().isPresent() && r.target() instanceof Index rt && rt.indices().size() == 1 && rt.base().equals(base)) {
                derived = Exprs.substitute(r.value(), r.range().get().index(), j);
                dlo = IndexAffine.of(r.range().get().lo()).orElse(null);
                dhi = IndexAffine.of(r.range().get().hi()).orElse(null);
                conditions.addAll(r.conditions());
            }
        }
        if (derived == null) {
            for (Result r : d.results()) {
                if (r.range().isEmpty() && r.target().equals(base) && !base.isScalar()) {
                    try {
                        derived = Entrywise.tidy(Entrywise.entry(r.value(), j, null));
                    } catch (Entrywise.NoEntry e) {
                        try {
                            derived = PiecewiseEntry.of(r.value(), j); // max/min of two arguments, .* and ./
                        } catch (PiecewiseEntry.NoEntry | derivcheck.expr.ShapeException e2) {
                            return undecided(c, "cannot take entry " + j.name() + " of the derived " + TextPrinter.print(r.value()));
                        }
                    }
                    dlo = IndexAffine.constant(1);
                    dhi = IndexAffine.of(Backprop.Alg.dim(base.shape().rows())).orElse(null);
                    conditions.addAll(r.conditions());
                }
            }
        }
        if (derived == null) return undecided(c, "'" + TextPrinter.print(base) + "' was not derived");
        Optional<IndexAffine> clo = IndexAffine.of(cr.lo()), chi = IndexAffine.of(cr.hi());
        if (dlo == null || dhi == null || clo.isEmpty() || chi.isEmpty()) return undecided(c, "the index range is not an affine range");
        if (!clo.get().sameAs(dlo) || !chi.get().sameAs(dhi)) {
            return undecided(c, "the claim is for " + j.name() + " in " + clo.get() + ".." + chi.get()
                    + ", the derived entries are for " + j.name() + " in " + dlo + ".." + dhi + ": some entries are missing or extra");
        }
        Map<String, Integer> minimum = IndexAffine.minimums(p);
        for (Relation r : conditions) raiseMinimum(r, minimum);
        Expr claimed = ExpectCheck.substituteResults(rel.rhs(), d.results());
        List<Arm> dArms = arms(derived, j), cArms = arms(claimed, j);
        if (dArms == null || cArms == null) return undecided(c, "a case condition is not a range of " + j.name());
        // every boundary of both sides
        List<IndexAffine> points = new ArrayList<>();
        add(points, dlo);
        add(points, dhi.plus(1));
        for (List<Arm> side : List.of(dArms, cArms)) {
            for (Arm a : side) {
                for (IndexAffine l : a.lows()) add(points, l);
                for (IndexAffine h : a.highs()) add(points, h.plus(1));
            }
        }
        // and every boundary of an Iverson bracket on a range of j, so that each bracket holds on all or none of a sub-range
        for (Expr side : List.of(derived, claimed)) {
            Exprs.anyNode(side, x -> {
                if (x instanceof Iverson iv) {
                    List<IndexAffine> lows = new ArrayList<>(), highs = new ArrayList<>();
                    if (jRange(iv, j, lows, highs)) {
                        for (IndexAffine l : lows) add(points, l);
                        for (IndexAffine h : highs) add(points, h.plus(1));
                    }
                }
                return false;
            });
        }
        List<IndexAffine> sorted = new ArrayList<>();
        for (IndexAffine q : points) {
            int at = sorted.size();
            for (int k = 0; k < sorted.size(); k++) {
                Optional<Boolean> le = sorted.get(k).minus(q).nonNegative(minimum);
                Optional<Boolean> ge = q.minus(sorted.get(k)).nonNegative(minimum);
                if (le.isEmpty() && ge.isEmpty()) {
                    return undecided(c, "the case boundaries " + q + " and " + sorted.get(k) + " are not in one order for every allowed size");
                }
                if (le.orElse(false)) { at = k; break; }
            }
            sorted.add(at, q);
        }
        int first = indexOf(sorted, dlo), last = indexOf(sorted, dhi.plus(1));
        if (first < 0 || last < 0 || first > last) return undecided(c, "a case boundary lies outside the range of " + j.name());
        List<String> ranges = new ArrayList<>();
        for (int k = first; k < last; k++) {
            IndexAffine a = sorted.get(k), b = sorted.get(k + 1).plus(-1);
            String where = j.name() + " in " + a + ".." + b;
            Arm da = applying(dArms, a, b, minimum), ca = applying(cArms, a, b, minimum);
            if (da == null) return undecided(c, "the derived entries have no case for " + where);
            if (ca == null) return undecided(c, "no case of the claim covers " + where + " (a missing index)");
            Expr dv = decideBrackets(da.value(), j, a, b, minimum), cv = decideBrackets(ca.value(), j, a, b, minimum);
            Optional<String> outside = outside(p, cv, j, a, b, minimum);
            if (outside.isPresent()) return undecided(c, "for " + where + " the claim uses " + outside.get());
            if (a.sameAs(b)) { // a single index: write it out on both sides
                dv = Exprs.substitute(dv, j, a.toExpr());
                cv = Exprs.substitute(cv, j, a.toExpr());
            }
            Expr diff = Lets.inline(p, derivcheck.algebra.Canonical.alphaRenamed(Entrywise.tidy(Exprs.sub(dv, cv))));
            ZeroProof.Result z = ZeroProof.of(p, diff, conditions, ctx, false);
            if (!z.proved()) {
                return undecided(c, "for " + where + " the claim gives " + TextPrinter.print(ca.value()) + ", the derived entries "
                        + TextPrinter.print(da.value()) + switch (z.why()) {
                            case REGIONS_NOT_SHOWN -> "; region by region: " + z.reason();
                            case CAS_NONZERO -> ": they differ";
                            default -> ": the CAS could not show they are equal";
                        });
            }
            ranges.add(a + ".." + b);
        }
        return new ExpectCheck.Outcome(c, ExpectCheck.Verdict.VERIFIED, "equal to the derived entries on every sub-range of "
                + j.name() + ": " + String.join(", ", ranges)
                + (conditions.isEmpty() ? "" : " (where " + String.join(", ", conditions.stream().map(TextPrinter::print).toList()) + ")"));
    }

    /** Is every condition of the bracket a bound on j? Its bounds are added to lows and highs. */
    private static boolean jRange(Iverson iv, Sym j, List<IndexAffine> lows, List<IndexAffine> highs) {
        for (Relation r : iv.conditions()) if (!Entrywise.bound(r, j, lows, highs)) return false;
        return !iv.conditions().isEmpty();
    }

    /**
     * The Iverson brackets on ranges of j decided on a..b: 1 where the bracket holds for every j of it, 0
     * where it holds for none; a product with a factor 0 is 0 (Iverson's convention: a false bracket
     * zeroes its product even where another factor, g_{j-1} at j = 1, does not exist).
     */
    private static Expr decideBrackets(Expr e, Sym j, IndexAffine a, IndexAffine b, Map<String, Integer> minimum) {
        Expr decided = Exprs.transform(e, x -> {
            if (!(x instanceof Iverson iv)) return null;
            List<IndexAffine> lows = new ArrayList<>(), highs = new ArrayList<>();
            if (!jRange(iv, j, lows, highs)) return null;
            boolean all = true, none = false;
            for (IndexAffine l : lows) {
                all &= a.minus(l).nonNegative(minimum).orElse(false);
                none |= l.minus(b).plus(-1).nonNegative(minimum).orElse(false);
            }
            for (IndexAffine h : highs) {
                all &= h.minus(b).nonNegative(minimum).orElse(false);
                none |= a.minus(h).plus(-1).nonNegative(minimum).orElse(false);
            }
            return all ? Num.ONE : none ? Num.ZERO : null;
        });
        if (decided.equals(e)) return e;
        return Exprs.transform(decided, x -> x instanceof derivcheck.expr.Mul m && x.isScalar()
                && m.factors().stream().anyMatch(Exprs::isZero) ? Num.ZERO : null);
    }

    private static ExpectCheck.Outcome undecided(Claim c, String why) {
        return new ExpectCheck.Outcome(c, ExpectCheck.Verdict.UNDECIDED, why);
    }

    private static void raiseMinimum(Relation r, Map<String, Integer> minimum) {
        if (r.lhs() instanceof Sym s && s.kind() == SymKind.DIM && r.rhs() instanceof Num n && n.value().isInteger()) {
            int v = n.value().num().intValue();
            if (r.op() == RelOp.GE) minimum.merge(s.name(), v, Math::max);
            if (r.op() == RelOp.GT) minimum.merge(s.name(), v + 1, Math::max);
        }
    }

    /** The arms of a value by cases (a plain value is one arm without a guard); null if a guard is not a range. */
    private static List<Arm> arms(Expr e, Sym j) {
        List<Arm> out = new ArrayList<>();
        if (!(e instanceof Piecewise pw)) {
            out.add(new Arm(e, List.of(), List.of()));
            return out;
        }
        int ranges = 0, values = 0;
        for (Piecewise.Arm a : pw.arms()) {
            List<IndexAffine> lows = new ArrayList<>(), highs = new ArrayList<>();
            for (Relation r : a.guard()) {
                if (Entrywise.bound(r, j, new ArrayList<>(), new ArrayList<>())) ranges++; else values++;
                Entrywise.bound(r, j, lows, highs);
            }
            out.add(new Arm(a.value(), lows, highs));
        }
        if (values > 0 && ranges > 0) return null;
        if (values > 0) {
            // cases on values (y_i < lo), not on ranges of j: one arm, split region by region later
            return List.of(new Arm(e, List.of(), List.of()));
        }
        return out;
    }

    /** The first arm whose guard holds on all of a..b (the boundaries split there, so it holds on all or none). */
    private static Arm applying(List<Arm> arms, IndexAffine a, IndexAffine b, Map<String, Integer> minimum) {
        for (Arm arm : arms) {
            boolean all = true;
            for (IndexAffine l : arm.lows()) all &= a.minus(l).nonNegative(minimum).orElse(false);
            for (IndexAffine h : arm.highs()) all &= h.minus(b).nonNegative(minimum).orElse(false);
            if (all) return arm;
        }
        return null;
    }

    /** An entry of a given vector whose index may leave 1..size on a..b, described; empty if none. */
    private static Optional<String> outside(Problem p, Expr e, Sym j, IndexAffine a, IndexAffine b, Map<String, Integer> minimum) {
        List<String> found = new ArrayList<>();
        Exprs.anyNode(e, x -> {
            if (x instanceof Index ix && ix.base() instanceof Sym s && (s.shape() instanceof Shape.Vector || s.shape().isMatrix())
                    && !ix.indices().isEmpty() && Exprs.mentions(ix.indices().get(0), j.name())) {
                Optional<IndexAffine> at = IndexAffine.of(ix.indices().get(0));
                Optional<IndexAffine> size = IndexAffine.of(Backprop.Alg.dim(s.shape().rows()));
                if (at.isEmpty() || size.isEmpty()) return false;
                long cj = at.get().coefficient(j.name());
                IndexAffine rest = at.get().without(j.name());
                IndexAffine lowEnd = rest.plus(cj >= 0 ? a.times(cj) : b.times(cj));
                IndexAffine highEnd = rest.plus(cj >= 0 ? b.times(cj) : a.times(cj));
                boolean ok = lowEnd.plus(-1).nonNegative(minimum).orElse(false)
                        && size.get().minus(highEnd).nonNegative(minimum).orElse(false);
                if (!ok) found.add(TextPrinter.print(x) + ", which may lie outside 1.." + size.get());
            }
            return false;
        });
        return found.stream().findFirst();
    }

    private static int indexOf(List<IndexAffine> ps, IndexAffine p) {
        for (int k = 0; k < ps.size(); k++) if (ps.get(k).sameAs(p)) return k;
        return -1;
    }

    private static void add(List<IndexAffine> ps, IndexAffine p) {
        for (IndexAffine q : ps) if (q.sameAs(p)) return;
        ps.add(p);
    }

}
