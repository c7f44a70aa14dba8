package derivcheck.judge;

import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Relation;
import derivcheck.expr.Sum;
import derivcheck.limits.Deadline;
import derivcheck.model.IndexRange;
import derivcheck.numeric.EvaluationException;
import derivcheck.numeric.NotEvaluableException;
import derivcheck.numeric.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * The numeric tier: both expressions at points of the valid domain, in double precision, with a
 * high-precision re-evaluation wherever double precision cannot be trusted.
 *
 * <p>Rules, per point (and per index of an entrywise comparison):
 * <ul>
 *   <li>the reference undefined (NaN, infinite) there: the point is discarded and another drawn;</li>
 *   <li>the answer undefined where the reference is defined: a counterexample (re-checked in high
 *       precision first, where an overflow of double precision could be the cause);</li>
 *   <li>agreement is relative to the size of the terms (the larger of the two sides and of their
 *       top-level terms), not absolute: 1e-300 against 2e-300 is a disagreement;</li>
 *   <li>any disagreement, and any value that under- or overflows double precision (0 against a
 *       nonzero, below 1e-280 or above 1e280, infinite), is decided again with 50 digits (apfloat),
 *       where the exponent range is unlimited; where the expressions cannot be evaluated in high
 *       precision (declared functions, gradients by finite differences), a discrepancy below 1e-6
 *       and an under/overflowing draw prove nothing and the point is discarded;</li>
 *   <li>a `cases` answer whose arms overlap at a point and give different values there is wrong
 *       at that point, whatever the first arm says.</li>
 * </ul>
 * Fewer valid points than {@link Space#minimum()}: undecided, with the most common reason.
 */
final class NumericTier {
    /** Relative agreement in high precision (50 digits computed). */
    static final double PRECISE_TOL = 1e-25;
    /** A high-precision value this small (relative to the inputs) is zero to working precision. */
    static final double PRECISE_ZERO = 1e-35;
    /** Below this scaled error a discrepancy could be rounding when it cannot be re-checked. */
    static final double ROUNDING_BAND = 1e-6;
    /** A double-precision agreement above this relative error is confirmed in high precision. */
    static final double RECHECK_ABOVE = 1e-13;
    /** The points (by index) whose agreement is confirmed in high precision whatever the error. */
    static final int FIRST_CHECKED = 2;

    sealed interface Result permits Agree, Differ, Unsure {}

    record Agree(int points, double scaledError, boolean precise, String evidence) implements Result {}

    record Differ(Judgement.Counterexample counterexample, boolean precise, String evidence) implements Result {}

    record Unsure(String why) implements Result {}

    private final Space space;

    NumericTier(Space space) { this.space = space; }

    private sealed interface Outcome permits Ok, Bad, Skip {}

    private record Ok(double err, boolean precise) implements Outcome {}

    private record Bad(String note, Value a, Value b, boolean precise) implements Outcome {}

    private record Skip(String why) implements Outcome {}

    Result run(Expr answer, Expr reference, Optional<IndexRange> range) {
        double tol = space.tolerance(answer, reference);
        int valid = 0;
        double worst = 0;
        boolean anyPrecise = false;
        Map<String, Integer> skips = new LinkedHashMap<>();
        List<Piecewise> cases = cases(answer);
        for (int k = 0; k < space.points() && valid < space.wanted(); k++) {
            Deadline.current().check();
            Optional<Space.Point> op = space.point(k);
            if (op.isEmpty()) {
                skips.merge(space.whyNoPoint(), 1, Integer::sum);
                break;
            }
            Space.Point p = op.get();
            if (range.isPresent()) p = new Space.Point(p.index(), p.sizes(), p.env().copy(), p.drawn(), p.functions());
            boolean pointOk = true;
            List<Integer> idx;
            try {
                idx = indices(range, p);
            } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
                skips.merge("the index range could not be evaluated", 1, Integer::sum);
                continue;
            }
            double pointErr = 0;
            boolean pointPrecise = false;
            for (Integer i : idx) {
                if (i != null) p.env().set(range.get().index().name(), i);
                Outcome o;
                try {
                    Optional<Bad> overlap = overlap(cases, p, i, range);
                    o = overlap.isPresent() ? overlap.get() : compare(answer, reference, p, i, range, tol);
                } catch (NotEvaluableException e) {
                    return new Unsure(e.getMessage());
                } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
                    o = new Skip("it could not be evaluated (" + e.getMessage() + ")");
                }
                if (o instanceof Bad b) {
                    Judgement.Counterexample cx = new Judgement.Counterexample(p.sizes(), p.drawn(), p.functions(),
                            Optional.ofNullable(i), b.a(), b.b(), b.note());
                    return new Differ(cx, b.precise(), b.note());
                }
                if (o instanceof Skip s) {
                    skips.merge(s.why(), 1, Integer::sum);
                    pointOk = false;
                    break;
                }
                Ok ok = (Ok) o;
                pointErr = Math.max(pointErr, ok.err());
                pointPrecise |= ok.precise();
            }
            if (pointOk) {
                valid++;
                worst = Math.max(worst, pointErr);
                anyPrecise |= pointPrecise;
            }
        }
        if (valid < space.minimum()) {
            String why = skips.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("no points");
            return new Unsure("only " + valid + " valid point(s) where both sides could be compared (need " + space.minimum()
                    + "); most often " + why);
        }
        int skipped = skips.values().stream().mapToInt(Integer::intValue).sum();
        String ev = valid + " point(s) of the domain agree (scaled error " + String.format(java.util.Locale.ROOT, "%.2g", worst) + ")"
                + (anyPrecise ? ", some re-checked with " + PreciseField.DIGITS + " digits" : "")
                + (skipped > 0 ? "; " + skipped + " discarded (" + skips.keySet().iterator().next() + ")" : "");
        return new Agree(valid, worst, anyPrecise, ev);
    }

    /**
     * Overlapping `cases` arms that disagree, searched before any tier compares values (the exact
     * tier, like the evaluator, takes the first arm that applies and would not see them).
     */
    Optional<Differ> overlaps(Expr answer, Optional<IndexRange> range) {
        List<Piecewise> cases = cases(answer);
        if (cases.isEmpty()) return Optional.empty();
        for (int k = 0; k < Math.min(space.points(), space.wanted()); k++) {
            Optional<Space.Point> op = space.point(k);
            if (op.isEmpty()) break;
            Space.Point p = op.get();
            if (range.isPresent()) p = new Space.Point(p.index(), p.sizes(), p.env().copy(), p.drawn(), p.functions());
            List<Integer> idx;
            try {
                idx = indices(range, p);
            } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
                continue;
            }
            for (Integer i : idx) {
                if (i != null) p.env().set(range.get().index().name(), i);
                Optional<Bad> b = overlap(cases, p, i, range);
                if (b.isPresent()) {
                    Judgement.Counterexample cx = new Judgement.Counterexample(p.sizes(), p.drawn(), p.functions(),
                            Optional.ofNullable(i), b.get().a(), b.get().b(), b.get().note());
                    return Optional.of(new Differ(cx, false, b.get().note()));
                }
            }
        }
        return Optional.empty();
    }

    private List<Integer> indices(Optional<IndexRange> range, Space.Point p) {
        List<Integer> out = new ArrayList<>();
        if (range.isEmpty()) { out.add(null); return out; }
        int lo = integer(space.eval(range.get().lo(), p)), hi = integer(space.eval(range.get().hi(), p));
        for (int k = lo; k <= hi; k++) out.add(k);
        return out;
    }

    private static int integer(Value v) {
        double d = v.flatten()[0];
        if (d != Math.rint(d) || Math.abs(d) > 1e6) throw new IllegalArgumentException("an index bound is not an integer: " + d);
        return (int) d;
    }

    // ------------------------------------------------------------------ one comparison

    private Outcome compare(Expr answer, Expr reference, Space.Point p, Integer i, Optional<IndexRange> range, double tol) {
        Value r = space.eval(reference, p);
        Value a = space.eval(answer, p);
        if (a.size() != r.size() && a.size() != 1 && r.size() != 1) {
            return new Bad("the answer has " + a.size() + " entries and the reference " + r.size(), a, r, false);
        }
        boolean fr = Values.finite(r), fa = Values.finite(a);
        if (!fr && Values.hasNaN(r)) return new Skip("the reference is undefined (NaN) at the draw");
        if (!fr || !fa) {
            Optional<Outcome> hp = precise(answer, reference, p, i, range, a, r);
            if (hp.isPresent()) return hp.get();
            if (!fr) return new Skip("the reference is undefined (NaN or infinite) at the draw");
            if (Values.hasNaN(a)) return new Bad("the answer is undefined (NaN) where the reference is defined", a, r, false);
            return new Skip("the answer overflows double precision at the draw");
        }
        double[] x = broadcast(a, r.size()), y = broadcast(r, a.size());
        double rel = 0;
        boolean suspicious = false;
        for (int e = 0; e < x.length; e++) {
            double u = x[e], v = y[e];
            // 0 against a nonzero, or a scalar 0 on both sides, may be an underflow: decided in high precision
            suspicious |= extreme(u) || extreme(v) || (u == 0) != (v == 0) || (x.length == 1 && u == 0 && v == 0);
            if (u == v) continue;
            rel = Math.max(rel, Math.abs(u - v) / Math.max(Math.abs(u), Math.abs(v)));
        }
        if (rel > tol) {
            // relative to the terms' size: a - b against c - d cancels, and the terms tell how much
            double scale = Math.max(Values.maxAbs(a), Values.maxAbs(r));
            scale = Math.max(scale, termScale(answer, p));
            scale = Math.max(scale, termScale(reference, p));
            double d = 0;
            for (int e = 0; e < x.length; e++) d = Math.max(d, Math.abs(x[e] - y[e]));
            rel = scale > 0 ? d / scale : 0;
        }
        // agreement is re-checked in high precision where it is not at rounding level, and at the first
        // points of every comparison (a relative difference of 1e-12 is below any double tolerance)
        if (rel <= tol && !suspicious && rel <= RECHECK_ABOVE && p.index() >= FIRST_CHECKED) return new Ok(rel, false);
        if (rel <= tol && !suspicious) {
            Optional<Outcome> hp = precise(answer, reference, p, i, range, a, r);
            return hp.orElse(new Ok(rel, false));
        }
        Optional<Outcome> hp = precise(answer, reference, p, i, range, a, r);
        if (hp.isPresent()) return hp.get();
        // no high precision here: the old absolute floor for small values, discard what rounding could explain
        double floorScaled = 0;
        for (int e = 0; e < x.length; e++) {
            floorScaled = Math.max(floorScaled, Math.abs(x[e] - y[e]) / Math.max(1, Math.max(Math.abs(x[e]), Math.abs(y[e]))));
        }
        if (floorScaled <= tol && rel <= ROUNDING_BAND) return new Ok(floorScaled, false);
        boolean under = false;
        for (int e = 0; e < x.length; e++) under |= extreme(x[e]) || extreme(y[e]);
        if (under) return new Skip("a side under- or overflows double precision at the draw");
        if (rel <= ROUNDING_BAND) return new Skip("a discrepancy of " + fmt(rel) + " that double precision cannot settle");
        return new Bad("the sides differ (scaled error " + fmt(rel) + ")", a, r, false);
    }

    private static boolean extreme(double u) {
        double m = Math.abs(u);
        return !Double.isFinite(u) || (m != 0 && m < 1e-280) || m > 1e280;
    }

    private static double[] broadcast(Value v, int n) {
        double[] d = v.flatten();
        if (d.length >= n || d.length != 1) return d;
        double[] out = new double[n];
        java.util.Arrays.fill(out, d[0]);
        return out;
    }

    private double termScale(Expr e, Space.Point p) {
        if (!(e instanceof Add add) || add.terms().size() > 16) return 0;
        double m = 0;
        for (Expr t : add.terms()) {
            try {
                m = Math.max(m, Values.maxAbs(space.eval(t, p)));
            } catch (RuntimeException ex) {
                return m;
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ high precision

    /** The comparison in 60 digits, or empty where the expressions have no high-precision evaluation. */
    private Optional<Outcome> precise(Expr answer, Expr reference, Space.Point p, Integer i, Optional<IndexRange> range, Value a, Value r) {
        FieldEval<Apfloat> ev = preciseEval(PreciseField.INSTANCE, p, i, range);
        Block<Apfloat> rb, ab;
        try {
            try {
                rb = ev.eval(reference);
            } catch (Undefined u) {
                return Optional.of(new Skip("the reference is undefined at the draw (" + u.getMessage() + ")"));
            }
            try {
                ab = ev.eval(answer);
            } catch (Undefined u) {
                return Optional.of(new Bad("the answer is undefined (" + u.getMessage() + ") where the reference is defined", a, r, true));
            }
        } catch (Decline d) {
            return Optional.empty();
        }
        double inputs = 1;
        for (Value v : p.drawn().values()) inputs = Math.max(inputs, Values.maxAbs(v));
        Apfloat scale = new Apfloat(0);
        for (int e = 0; e < ab.size(); e++) scale = max(scale, ApfloatMath.abs(ab.at(e)));
        for (int e = 0; e < rb.size(); e++) scale = max(scale, ApfloatMath.abs(rb.at(e)));
        scale = max(scale, preciseTerms(answer, ev));
        scale = max(scale, preciseTerms(reference, ev));
        int n = Math.max(ab.size(), rb.size());
        double worst = 0;
        for (int e = 0; e < n; e++) {
            Apfloat u = ab.size() == 1 ? ab.at(0) : ab.at(e), v = rb.size() == 1 ? rb.at(0) : rb.at(e);
            Apfloat d = ApfloatMath.abs(u.subtract(v));
            if (d.signum() == 0) continue;
            boolean ok;
            double err;
            Apfloat relA = d.divide(scale);
            if (relA.compareTo(new Apfloat(PRECISE_TOL, PreciseField.DIGITS)) <= 0) {
                // within working precision of the terms' size (a - b with terms of 1e86 cannot resolve 4)
                worst = Math.max(worst, relA.doubleValue());
                continue;
            }
            if (u.signum() == 0 || v.signum() == 0) {
                // exactly 0 against a tiny value: a rounding residue (sin(pi)) shrinks when the digits
                // double, a true value (exp(-800)) stays
                Apfloat other = u.signum() == 0 ? ApfloatMath.abs(v) : ApfloatMath.abs(u);
                ok = other.compareTo(new Apfloat(PRECISE_ZERO * inputs, PreciseField.DIGITS)) <= 0
                        && residue(u.signum() == 0 ? reference : answer, p, i, range, e, other);
                err = ok ? 0 : 1;
            } else {
                ok = false;
                err = relA.doubleValue();
            }
            if (!ok) {
                String note = "the sides differ" + (n > 1 ? " at entry " + (e + 1) : "") + " in " + PreciseField.DIGITS
                        + "-digit arithmetic: answer " + show(u) + ", reference " + show(v);
                return Optional.of(new Bad(note, Values.toValue(ab, Apfloat::doubleValue), Values.toValue(rb, Apfloat::doubleValue), true));
            }
            worst = Math.max(worst, err);
        }
        return Optional.of(new Ok(worst, true));
    }

    private FieldEval<Apfloat> preciseEval(PreciseField f, Space.Point p, Integer i, Optional<IndexRange> range) {
        FieldEval<Apfloat> ev = new FieldEval<>(f, p.sizes(),
                s -> p.drawn().containsKey(s.name()) ? Values.fromValue(p.drawn().get(s.name()), f::ofDouble) : null,
                space::definition);
        if (i != null) ev.index(range.get().index().name(), i);
        return ev;
    }

    /** True when the tiny value of e (entry) at twice the digits is far below what it was: a residue of rounding. */
    private boolean residue(Expr e, Space.Point p, Integer i, Optional<IndexRange> range, int entry, Apfloat tiny) {
        try {
            Block<Apfloat> b = preciseEval(PreciseField.TWICE, p, i, range).eval(e);
            Apfloat again = ApfloatMath.abs(b.size() == 1 ? b.at(0) : b.at(entry));
            // a residue of 50-digit rounding is below 1e-35 of the inputs; at 100 digits it is below 1e-85
            return again.signum() == 0 || again.compareTo(tiny.multiply(new Apfloat(1e-20, PreciseField.DIGITS))) < 0;
        } catch (RuntimeException ex) {
            return false;
        }
    }

    private static Apfloat max(Apfloat a, Apfloat b) { return a.compareTo(b) >= 0 ? a : b; }

    private static Apfloat preciseTerms(Expr e, FieldEval<Apfloat> ev) {
        Apfloat m = new Apfloat(0);
        if (!(e instanceof Add add) || add.terms().size() > 16) return m;
        for (Expr t : add.terms()) {
            try {
                Block<Apfloat> b = ev.eval(t);
                for (int i = 0; i < b.size(); i++) m = max(m, ApfloatMath.abs(b.at(i)));
            } catch (RuntimeException ex) {
                return m;
            }
        }
        return m;
    }

    static String show(Apfloat x) {
        if (x.signum() == 0) return "0";
        return x.precision(20).toString(false);
    }

    private static String fmt(double d) { return String.format(java.util.Locale.ROOT, "%.3g", d); }

    // ------------------------------------------------------------------ overlapping cases

    /** The `cases` nodes of an answer outside sums (their guards do not depend on a bound index). */
    private static List<Piecewise> cases(Expr e) {
        List<Piecewise> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Piecewise> out) {
        if (e instanceof Sum) return;
        if (e instanceof Piecewise p && p.arms().size() > 1) out.add(p);
        for (Expr c : e.children()) collect(c, out);
    }

    /** Two arms whose guards both hold at the point, with different values there. */
    private Optional<Bad> overlap(List<Piecewise> cases, Space.Point p, Integer i, Optional<IndexRange> range) {
        for (Piecewise pw : cases) {
            List<Integer> holding = new ArrayList<>();
            for (int k = 0; k < pw.arms().size(); k++) {
                Piecewise.Arm arm = pw.arms().get(k);
                if (arm.guard().isEmpty()) continue; // "otherwise" applies only where no other arm does
                try {
                    if (holds(arm.guard(), p)) holding.add(k);
                } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
                    // a guard without a value here: that arm does not apply
                }
            }
            for (int x = 0; x < holding.size(); x++) {
                for (int y = x + 1; y < holding.size(); y++) {
                    Value u, v;
                    try {
                        u = space.eval(pw.arms().get(holding.get(x)).value(), p);
                        v = space.eval(pw.arms().get(holding.get(y)).value(), p);
                    } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
                        continue; // an arm without a value here (an index out of range) does not overlap
                    }
                    if (!Values.finite(u) || !Values.finite(v)) continue;
                    double[] a = u.flatten(), b = v.flatten();
                    boolean differ = a.length != b.length;
                    for (int e = 0; !differ && e < a.length; e++) {
                        differ = Math.abs(a[e] - b[e]) > 1e-9 * Math.max(1, Math.max(Math.abs(a[e]), Math.abs(b[e])));
                    }
                    if (differ) {
                        String at = i != null ? " at " + range.get().index().name() + " = " + i : " at this point";
                        String note = "the cases overlap" + at + ": case " + (holding.get(x) + 1) + " gives " + text(u)
                                + " and case " + (holding.get(y) + 1) + " gives " + text(v);
                        return Optional.of(new Bad(note, u, v, false));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean holds(List<Relation> guard, Space.Point p) {
        for (Relation r : guard) {
            double l = space.eval(r.lhs(), p).flatten()[0], h = space.eval(r.rhs(), p).flatten()[0];
            boolean ok = switch (r.op()) {
                case EQ -> l == h;
                case NE -> l != h;
                case LT -> l < h;
                case LE -> l <= h;
                case GT -> l > h;
                case GE -> l >= h;
            };
            if (!ok) return false;
        }
        return true;
    }

    private static String text(Value v) {
        double[] d = v.flatten();
        if (d.length == 1) return fmtv(d[0]);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < d.length; i++) b.append(i > 0 ? ", " : "").append(fmtv(d[i]));
        return b.append(']').toString();
    }

    private static String fmtv(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(java.util.Locale.ROOT, "%.6g", d);
    }
}
