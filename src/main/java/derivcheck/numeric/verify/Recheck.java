package derivcheck.numeric.verify;

import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.judge.Judge;
import derivcheck.judge.Judgement;
import derivcheck.model.Claim;
import derivcheck.numeric.verify.NumericVerdict.Counterexample;
import derivcheck.numeric.verify.NumericVerdict.Kind;
import java.util.Optional;

/**
 * The second opinion on a pointwise failure near the tolerance: the judge (the project's one
 * place that decides equality on a domain, the same one `check` asks) compares the sides again,
 * re-evaluating every doubtful point with 50 digits where the expressions allow it, relative to
 * the terms' size, discarding points where the left side (the reference) is undefined. Its
 * verdict replaces the double-precision one: different stays FAILED, equal is VERIFIED with the
 * judge's error, and anything else is UNDECIDED with both reasons. Every failure of an equality
 * is re-checked, also far from the tolerance: cancellation inside a product ((x + 1e8)^2 - 1e16 -
 * 2e8 x) loses every digit in double precision without any summand showing it.
 */
final class Recheck {
    private Recheck() {}

    /** A failure of a claim made of equalities only, with a counterexample (the judge compares equalities). */
    static boolean applies(Claim c, NumericVerdict v) {
        for (Relation r : c.relations()) if (r.op() != RelOp.EQ) return false;
        return v.counterexample().isPresent();
    }

    static NumericVerdict run(derivcheck.judge.Space space, Claim c, NumericVerdict failed) {
        Judge judge = Judge.numericOnly(space);
        double worst = 0;
        int samples = Integer.MAX_VALUE;
        String tier = "";
        for (Relation r : c.relations()) {
            Judgement j = judge.equal(r.rhs(), r.lhs(), c.range());
            if (j.different()) {
                // the judge's point is the one its tiers settled (the double-precision one may have been rounding)
                Optional<Counterexample> cx = j.counterexample().map(x -> new Counterexample(x.sizes(), x.values(), x.functions(),
                        x.index(), x.reference(), x.answer(), x.note(), java.util.Map.of()));
                return new NumericVerdict(Kind.FAILED, failed.check(), failed.samples(), failed.maxAbsError(), failed.maxRelError(),
                        failed.seed(), cx.isPresent() ? cx : failed.counterexample(),
                        failed.reason() + "; confirmed by the judge's re-check (" + j.summary() + ")");
            }
            if (!j.equal()) {
                return NumericVerdict.undecided(failed.check(), failed.seed(), "a discrepancy in double precision ("
                        + failed.reason() + ") that the judge's re-check could not settle: " + j.reason());
            }
            worst = Math.max(worst, Double.isNaN(j.scaledError()) ? 0 : j.scaledError());
            samples = Math.min(samples, j.samples());
            tier = j.tier().word();
        }
        return new NumericVerdict(Kind.VERIFIED, failed.check(), samples, Double.NaN, worst, failed.seed(), Optional.empty(),
                samples + " sample(s) agree after the judge's re-check (" + tier + ") of a discrepancy in"
                        + " double precision (" + failed.reason() + ")");
    }
}
