package derivcheck.judge;

import derivcheck.expr.Expr;
import derivcheck.expr.Rational;
import derivcheck.expr.Shape;
import derivcheck.model.IndexRange;
import derivcheck.numeric.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The exact tier, for expressions built from +, *, integer powers, inverses, inner products,
 * transposes, entries and index sums (rational functions of the entries at concrete sizes).
 *
 * <ol>
 *   <li><b>Identity test</b>: answer - reference at random points modulo p = 2^61 - 1, at the sizes of
 *       the space's first points. Zero at every point: the two are the same rational function
 *       (a wrong "zero" has probability below degree/p per point). Without dimension names that is a
 *       proof; with them it holds at the sizes tried.</li>
 *   <li><b>Counterexample</b>: when the difference is not zero mod p it is a nonzero rational function.
 *       On an open domain (assumptions that are strict or non-strict inequalities with interior)
 *       a nonzero rational function is nonzero almost everywhere, so the answer is wrong; the tier
 *       then evaluates both sides in exact rational arithmetic at the space's own (valid) points -
 *       a double is an exact rational - and reports the first point where they differ exactly.
 *       When an assumption is an equation (||w|| = 1) the difference may vanish on the whole
 *       domain, and this tier says nothing beyond "not identically equal".</li>
 * </ol>
 * Anything else (exp, log, sqrt, norms, abs, sign, declared functions, E[.], gradients) declines.
 */
final class ExactTier {
    sealed interface Result permits Zero, Nonzero, Declined, Counter {}

    /** Identically equal; {@code sized}: only at the sizes tried. */
    record Zero(int evaluations, boolean sized, String evidence) implements Result {}

    /** Not identically equal, but no counterexample in the domain (or the domain is confined). */
    record Nonzero(String evidence) implements Result {}

    record Declined(String why) implements Result {}

    record Counter(Judgement.Counterexample counterexample, String evidence) implements Result {}

    private final Space space;
    private final long seed;

    ExactTier(Space space, long seed) {
        this.space = space;
        this.seed = seed;
    }

    Result run(Expr answer, Expr reference, Optional<IndexRange> range) {
        List<Map<String, Integer>> configs = new ArrayList<>();
        for (int k = 0; k < 3 && configs.size() < 3; k++) {
            Optional<Space.Point> p = space.point(k);
            if (p.isEmpty()) break;
            if (!configs.contains(p.get().sizes())) configs.add(p.get().sizes());
        }
        if (configs.isEmpty()) return new Declined(space.whyNoPoint());
        boolean sized = !configs.get(0).isEmpty();
        int perConfig = sized ? 2 : 4;
        int evaluations = 0, undefined = 0;
        SplittableRandom rng = new SplittableRandom(seed);
        for (Map<String, Integer> sizes : configs) {
            int here = 0;
            for (int t = 0; t < perConfig + 4 && here < perConfig; t++) {
                Map<String, Block<Long>> values = new HashMap<>();
                FieldEval<Long> ev = new FieldEval<>(ModField.INSTANCE, sizes,
                        s -> values.computeIfAbsent(s.name(), n -> random(s.shape(), space.properties(n), sizes, rng)), space::definition);
                try {
                    for (Integer k : indices(range, ev)) {
                        if (k != null) ev.index(range.get().index().name(), k);
                        Block<Long> a = ev.eval(answer), b = ev.eval(reference);
                        if (a.size() != b.size()) return new Declined("the two sides have different sizes");
                        for (int i = 0; i < a.size(); i++) {
                            if (!a.at(i).equals(b.at(i))) return counterexample(answer, reference, range);
                        }
                    }
                    evaluations++;
                    here++;
                } catch (Undefined u) {
                    undefined++;
                } catch (Decline d) {
                    return new Declined(d.getMessage());
                } catch (ArithmeticException e) {
                    return new Declined("integer overflow in an index");
                }
            }
        }
        if (evaluations == 0) return new Declined("no random point mod p was defined (" + undefined + " tried)");
        String at = sized ? " at sizes " + configs : "";
        return new Zero(evaluations, sized, "the difference is 0 as a rational function (" + evaluations
                + " random points mod 2^61-1" + at + ")");
    }

    private static List<Integer> indices(Optional<IndexRange> range, FieldEval<?> ev) {
        List<Integer> out = new ArrayList<>();
        if (range.isEmpty()) { out.add(null); return out; }
        int lo = ev.integer(range.get().lo()), hi = ev.integer(range.get().hi());
        for (int k = lo; k <= hi; k++) out.add(k);
        return out;
    }

    /**
     * A random value mod p with the declared structure of a square matrix: a symmetric one is
     * mirrored (entry (j, i) = entry (i, j)), a diagonal one has zeros off the diagonal. The
     * identity test then asks for equality on the matrices the spec allows (Aᵀ = A for them), and
     * the counterexample search evaluates at the space's own points, which have the structure too.
     */
    private static Block<Long> random(Shape shape, java.util.Set<derivcheck.model.MatrixProperty> props,
                                      Map<String, Integer> sizes, SplittableRandom rng) {
        int r = shape.rows().evaluate(sizes), c = shape.cols().evaluate(sizes);
        Object[] d = new Object[r * c];
        for (int i = 0; i < d.length; i++) d[i] = rng.nextLong(1, ModField.P);
        if (!shape.isScalar() && !shape.isVector() && r == c) {
            boolean diagonal = props.contains(derivcheck.model.MatrixProperty.DIAGONAL);
            boolean symmetric = props.contains(derivcheck.model.MatrixProperty.SYMMETRIC);
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    if (i == j) continue;
                    if (diagonal) d[i * c + j] = 0L;
                    else if (symmetric && j < i) d[i * c + j] = d[j * c + i];
                }
            }
        }
        if (shape.isScalar()) return Block.scalar((Long) d[0]);
        if (shape.isVector()) return new Block<>(Block.Kind.VECTOR, r, 1, d);
        return Block.of(r, c, d);
    }

    /** The difference is a nonzero rational function: find a valid point where it is nonzero exactly. */
    private Result counterexample(Expr answer, Expr reference, Optional<IndexRange> range) {
        String nonzero = "the difference is not 0 as a rational function (Schwartz-Zippel, mod 2^61-1)";
        if (space.confined()) {
            return new Nonzero(nonzero + "; an assumption is an equation, so the difference may still vanish on the domain");
        }
        int limit = Math.min(space.points(), 16);
        for (int k = 0; k < limit; k++) {
            Optional<Space.Point> p = space.point(k);
            if (p.isEmpty()) break;
            Map<String, Value> drawn = p.get().drawn();
            FieldEval<Rational> ev = new FieldEval<>(RationalField.INSTANCE, p.get().sizes(),
                    s -> drawn.containsKey(s.name()) ? Values.fromValue(drawn.get(s.name()), ExactTier::exact) : null,
                    space::definition);
            try {
                for (Integer i : indices(range, ev)) {
                    if (i != null) ev.index(range.get().index().name(), i);
                    Block<Rational> a = ev.eval(answer), b = ev.eval(reference);
                    for (int e = 0; e < a.size(); e++) {
                        if (!a.at(e).equals(b.at(e))) {
                            Rational diff = a.at(e).plus(b.at(e).negate());
                            String note = "exactly, the answer is " + show(a.at(e)) + " and the reference " + show(b.at(e))
                                    + (a.size() > 1 ? " at entry " + (e + 1) : "") + " (difference " + show(diff) + ")";
                            Judgement.Counterexample cx = new Judgement.Counterexample(p.get().sizes(), drawn, p.get().functions(),
                                    Optional.ofNullable(i), Values.toValue(a, Rational::toDouble), Values.toValue(b, Rational::toDouble), note);
                            return new Counter(cx, nonzero + "; " + note);
                        }
                    }
                }
            } catch (Undefined | Decline | ArithmeticException e) {
                // not defined at this point (or too large exactly): the next one
            }
        }
        return new Nonzero(nonzero + ", but no sample point showed it exactly");
    }

    static Rational exact(double d) {
        if (!Double.isFinite(d)) throw new Undefined("a drawn value is not finite");
        BigDecimal b = new BigDecimal(d);
        return b.scale() <= 0 ? new Rational(b.toBigIntegerExact(), java.math.BigInteger.ONE)
                : new Rational(b.unscaledValue(), java.math.BigInteger.TEN.pow(b.scale()));
    }

    private static String show(Rational r) {
        String s = r.toString();
        if (s.length() <= 40) return s;
        java.math.BigDecimal q = new java.math.BigDecimal(r.num()).divide(new java.math.BigDecimal(r.den()), new java.math.MathContext(17));
        return q.toString() + " (exactly a ratio of " + r.num().abs().toString().length() + "- and " + r.den().toString().length() + "-digit integers)";
    }
}
