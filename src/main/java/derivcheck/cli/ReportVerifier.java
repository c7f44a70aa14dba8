package derivcheck.cli;

import derivcheck.check.ClaimReport;
import derivcheck.check.ProblemReport;
import derivcheck.check.ResultReport;
import derivcheck.derive.ExpectCheck;
import derivcheck.derive.Result;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerdict;
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
                ExpectCheck.Outcome s = cr.symbolic();
                lines.add(SheetVerificationLine.symbolic(s.symbolic() == ExpectCheck.Verdict.VERIFIED
                        ? SheetVerificationLine.Verdict.VERIFIED : SheetVerificationLine.Verdict.UNDECIDED,
                        s.symbolic() == ExpectCheck.Verdict.VERIFIED ? "" : s.reason()));
                lines.add(numeric(cr.numeric()));
                return lines;
            }
        }
        return List.of(SheetVerificationLine.numericNotRun());
    }

    private static SheetVerificationLine numeric(Optional<NumericVerdict> v) {
        if (v.isEmpty()) return SheetVerificationLine.numericNotRun();
        NumericVerdict n = v.get();
        if (n.verified()) {
            return SheetVerificationLine.numeric(SheetVerificationLine.Verdict.VERIFIED, n.samples(), n.maxRelError(), n.seed());
        }
        SheetVerificationLine.Verdict verdict = n.failed() ? SheetVerificationLine.Verdict.FAILED : SheetVerificationLine.Verdict.UNDECIDED;
        return new SheetVerificationLine(SheetVerificationLine.Method.NUMERIC, verdict, n.reason());
    }
}
