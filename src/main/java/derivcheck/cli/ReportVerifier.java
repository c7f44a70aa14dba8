package derivcheck.cli;

import derivcheck.check.ClaimReport;
import derivcheck.check.ProblemReport;
import derivcheck.check.ResultReport;
import derivcheck.derive.Result;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.render.SheetVerificationLine;
import derivcheck.render.SheetVerifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sheet's verification lines, taken from the problem reports of the checker. */
final class ReportVerifier implements SheetVerifier {
    private final Map<Problem, ProblemReport> reports = new IdentityHashMap<>();

    void add(ProblemReport r) { reports.put(r.problem(), r); }

    @Override public List<SheetVerificationLine> result(Problem p, Result r) {
        ProblemReport report = reports.get(p);
        if (report == null) return List.of(SheetVerificationLine.numericNotRun());
        for (ResultReport rr : report.results()) {
            if (rr.result().equals(r)) return List.of(numeric(rr.numeric()));
        }
        return List.of(SheetVerificationLine.numericNotRun());
    }

    @Override public List<SheetVerificationLine> expect(Problem p, Claim c) {
        ProblemReport report = reports.get(p);
        if (report == null) return List.of(SheetVerificationLine.numericNotRun());
        for (ClaimReport cr : report.claims()) {
            if (cr.claim().equals(c)) {
                List<SheetVerificationLine> lines = new ArrayList<>();
                // the sheet names a symbolic check only where it proved the claim; why it could not is the report's
                if (cr.symbolic().symbolic() == ExpectCheck.Verdict.VERIFIED) {
                    lines.add(SheetVerificationLine.symbolic(SheetVerificationLine.Verdict.VERIFIED));
                }
                lines.add(numeric(cr.numeric()));
                return lines;
            }
        }
        return List.of(SheetVerificationLine.numericNotRun());
    }

    /**
     * The sheet's line for a numeric verdict. The figure is the error by the decision's measure
     * ({@link NumericVerdict#maxRelError()}: relative to the values, or to the terms' size where the
     * target is near 0), printed beside the tolerance of that kind of check. Monte Carlo decides by confidence
     * bounds and a condition check exactly, so they print no error figure.
     */
    static SheetVerificationLine numeric(Optional<NumericVerdict> v) {
        if (v.isEmpty()) return SheetVerificationLine.numericNotRun();
        NumericVerdict n = v.get();
        String at = n.samples() + " random instance" + (n.samples() == 1 ? "" : "s");
        if (n.verified()) {
            double error = n.maxRelError();
            // the tolerance the verifier's decision held this kind of check to (one table, NumericVerifier.tolerance)
            double tolerance = NumericVerifier.tolerance(n.check());
            return switch (n.check()) {
                case "monte-carlo" -> SheetVerificationLine.numeric(SheetVerificationLine.Verdict.VERIFIED,
                        "by Monte Carlo at " + at + ", every estimate within 5 standard errors of the claim", n.seed());
                case "condition" -> SheetVerificationLine.numeric(SheetVerificationLine.Verdict.VERIFIED,
                        "at " + at + ", the condition holds exactly where claimed", n.seed());
                case "optimization", "optimal-value" -> SheetVerificationLine.numeric(
                        "against the problem re-solved numerically at " + at, error, tolerance, n.seed());
                case "at-optimizer" -> SheetVerificationLine.numeric("at the numeric optimizer, " + at, error,
                        tolerance, n.seed());
                case "finite-difference" -> SheetVerificationLine.numeric("against finite differences at " + at, error,
                        tolerance, n.seed());
                case "solve" -> SheetVerificationLine.numeric("by substitution at " + at, error, tolerance, n.seed());
                // a check without a tolerance of its own prints no figure rather than one held to a guessed bound
                default -> Double.isNaN(tolerance) ? SheetVerificationLine.numeric(SheetVerificationLine.Verdict.VERIFIED, "at " + at, n.seed())
                        : SheetVerificationLine.numeric("at " + at, error, tolerance, n.seed());
            };
        }
        return SheetVerificationLine.numeric(n.failed() ? SheetVerificationLine.Verdict.FAILED : SheetVerificationLine.Verdict.UNDECIDED,
                "", n.seed());
    }
}
