package derivcheck.check;

import derivcheck.judge.Judgement;
import derivcheck.numeric.Value;
import derivcheck.numeric.verify.NumericVerdict;
import java.util.Map;
import java.util.Optional;

/** A judgement in the report format of numeric verdicts (the JSON and text reports read those). */
final class Judgements {
    private Judgements() {}

    /** check: "judge/exact", "judge/numeric", ...; the counterexample's lhs is the reference, rhs the answer. */
    static NumericVerdict toNumericVerdict(Judgement j, long seed) {
        NumericVerdict.Kind kind = j.equal() ? NumericVerdict.Kind.VERIFIED : j.different() ? NumericVerdict.Kind.FAILED : NumericVerdict.Kind.UNDECIDED;
        Optional<NumericVerdict.Counterexample> cx = j.counterexample().map(c -> new NumericVerdict.Counterexample(c.sizes(), c.values(),
                c.functions(), c.index(), c.reference(), c.answer(), c.note(), Map.of()));
        String reason = j.summary() + " [" + String.join("; ", j.evidence()) + "]";
        return new NumericVerdict(kind, "judge/" + j.tier().word(), j.samples(), Double.NaN, j.scaledError(), seed, cx, reason);
    }

    /** The largest relative difference of a counterexample's two values (0 when there is none). */
    static double relativeGap(Judgement j) {
        if (j.counterexample().isEmpty()) return Double.POSITIVE_INFINITY;
        Value a = j.counterexample().get().answer(), b = j.counterexample().get().reference();
        double[] x = a.flatten(), y = b.flatten();
        if (x.length != y.length) return Double.POSITIVE_INFINITY;
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) return Double.POSITIVE_INFINITY;
            double s = Math.max(Math.abs(x[i]), Math.abs(y[i]));
            if (s > 0) m = Math.max(m, Math.abs(x[i] - y[i]) / s);
        }
        return m;
    }
}
