package derivcheck.check;

import derivcheck.derive.Derivation;
import derivcheck.model.Problem;
import java.util.List;

/** Everything derivcheck found about one problem: the derivation, its results, the claims. */
public record ProblemReport(Problem problem, Derivation derivation, List<ResultReport> results, List<ClaimReport> claims) {
    public ProblemReport {
        results = List.copyOf(results);
        claims = List.copyOf(claims);
    }

    /** True when a result or a claim has a numeric counterexample. */
    public boolean anyFailed() {
        return claims.stream().anyMatch(c -> c.verdict() == Verdict.FAILED)
                || results.stream().anyMatch(r -> r.numeric().isPresent() && r.numeric().get().failed());
    }
}
