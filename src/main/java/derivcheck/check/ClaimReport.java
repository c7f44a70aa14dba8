package derivcheck.check;

import derivcheck.derive.expect.ExpectCheck;
import derivcheck.model.Claim;
import derivcheck.numeric.verify.NumericVerdict;
import java.util.Optional;

/** An `expect` or `show` with its symbolic outcome and its independent numeric verdict. */
public record ClaimReport(Kind kind, Claim claim, ExpectCheck.Outcome symbolic, Optional<NumericVerdict> numeric) {
    public enum Kind {
        EXPECT, SHOW;

        public String word() { return name().toLowerCase(); }
    }

    public Verdict verdict() {
        if (numeric.isPresent() && numeric.get().failed()) return Verdict.FAILED;
        if (symbolic.symbolic() == ExpectCheck.Verdict.VERIFIED) return Verdict.VERIFIED;
        if (numeric.isPresent() && numeric.get().verified()) return Verdict.VERIFIED;
        return Verdict.UNDECIDED;
    }
}
