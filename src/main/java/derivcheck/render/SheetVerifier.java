package derivcheck.render;

import derivcheck.derive.Result;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import java.util.List;

/**
 * Supplies the verification lines the sheet prints under each derived result and each expected
 * answer of a problem. {@link #NONE} says "numeric check: not run" until a real checker is wired in.
 */
public interface SheetVerifier {
    SheetVerifier NONE = new SheetVerifier() {
        @Override public List<SheetVerificationLine> result(Problem p, Result r) {
            return List.of(SheetVerificationLine.numericNotRun());
        }

        @Override public List<SheetVerificationLine> expect(Problem p, Claim c) {
            return List.of(SheetVerificationLine.numericNotRun());
        }
    };

    /** How a derived result was verified. */
    List<SheetVerificationLine> result(Problem p, Result r);

    /** How an expected answer (an {@code expect} or {@code show}) was verified. */
    List<SheetVerificationLine> expect(Problem p, Claim c);
}
