package derivcheck.check;

import derivcheck.derive.Derivation;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.limits.Deadline;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.numeric.verify.VerifyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives a problem, compares each claim with the derivation symbolically, and checks every
 * claim and every derived result numerically against the original statement. The numeric
 * verifier never sees the derivation's reasoning, only the value to test.
 */
public final class ProblemChecker {
    private final Engine engine;
    private final Optional<VerifyOptions> numeric;

    /** @param numeric the sampling options, or empty to skip the numeric side */
    public ProblemChecker(Engine engine, Optional<VerifyOptions> numeric) {
        this(engine, numeric, Optional.empty());
    }

    /**
     * The same checker with a deadline per phase: the derivation gets {@code budget}, and the checks after
     * it (numeric verification of every result, expect and show, the symbolic comparisons) get their own
     * {@code budget}, both inside the caller's deadline for the problem as a whole. So a derivation that
     * hits its limit is {@code undecided (time limit)} and the numeric verification still runs.
     */
    public ProblemChecker withPhaseBudget(java.time.Duration budget) {
        return new ProblemChecker(engine, numeric, Optional.of(budget));
    }

    private final Optional<java.time.Duration> phase;

    private ProblemChecker(Engine engine, Optional<VerifyOptions> numeric, Optional<java.time.Duration> phase) {
        this.engine = engine;
        this.numeric = numeric;
        this.phase = phase;
    }

    /** A deadline for one phase: {@link #phase} from now, never past the problem's own deadline. */
    private Deadline phaseDeadline() {
        Deadline whole = Deadline.current();
        return phase.map(whole::child).orElse(whole);
    }

    public ProblemReport check(Problem p) {
        Derivation d;
        try (Deadline.Scope s = phaseDeadline().enter()) {
            d = engine.derive(p);
        }
        try (Deadline.Scope s = phaseDeadline().enter()) {
            return checkResults(p, d);
        }
    }

    private ProblemReport checkResults(Problem p, Derivation d) {
        DeriveContext ctx = engine.context(p);
        Optional<NumericVerifier> nv = numeric.map(o -> NumericVerifier.of(p, o));
        List<ResultReport> results = new ArrayList<>();
        for (Result r : d.results()) {
            if (r.isEquation()) {
                results.add(new ResultReport(r, nv.map(v -> safely(() -> v.checkResult(r.target(), r.value(), r.range(), r.conditions())))));
            } else {
                // a derived interval (0 < alpha < bound) is one condition: check its bounds together
                Claim interval = interval(d.results(), r);
                results.add(new ResultReport(r, nv.map(v -> safely(() -> v.check(interval)))));
            }
        }
        d = undecidedIfAResultFails(d, results);
        List<ClaimReport> claims = new ArrayList<>();
        Derivation derived = d;
        // the symbolic comparisons of the expects first (they are cheap and decide most), then their numeric checks
        List<ExpectCheck.Outcome> compared = new ArrayList<>();
        for (Claim c : p.expects()) compared.add(symbolically(c, () -> ExpectCheck.one(p, derived, c, ctx)));
        for (ExpectCheck.Outcome o : compared) {
            claims.add(new ClaimReport(ClaimReport.Kind.EXPECT, o.claim(), o, numeric(nv, o.claim())));
        }
        for (Claim c : p.shows()) {
            claims.add(new ClaimReport(ClaimReport.Kind.SHOW, c, symbolically(c, () -> ExpectCheck.show(p, c, ctx)), numeric(nv, c)));
        }
        d = undecidedIfAProvenShowFails(d, claims);
        return new ProblemReport(p, d, results, claims);
    }

    /**
     * The symbolic comparison of one claim; when the checks' budget runs out inside it, that claim alone is
     * {@code undecided (time limit)}: what was checked before is kept, and each check after it still runs,
     * meets the spent budget at once and says so itself (issue 12: "the rest goes on").
     */
    private static ExpectCheck.Outcome symbolically(Claim c, java.util.function.Supplier<ExpectCheck.Outcome> compare) {
        try {
            return compare.get();
        } catch (Deadline.Expired e) {
            return new ExpectCheck.Outcome(c, ExpectCheck.Verdict.UNDECIDED, NumericVerifier.TIME_LIMIT + " (" + e.getMessage() + ")");
        }
    }

    /**
     * A derivation whose result fails its own numeric check is not a derivation: it becomes
     * undecided, its steps kept for the reader, with the failing check named in its notes.
     */
    static Derivation undecidedIfAResultFails(Derivation d, List<ResultReport> results) {
        if (d.status() != Derivation.Status.DERIVED) return d;
        List<String> notes = new ArrayList<>();
        for (ResultReport r : results) {
            if (r.numeric().isPresent() && r.numeric().get().failed()) {
                notes.add("the derived result " + derivcheck.expr.TextPrinter.print(r.result().relation())
                        + " fails its own numeric check (" + r.numeric().get().reason() + "), so it is not reported as derived");
            }
        }
        if (notes.isEmpty()) return d;
        notes.addAll(d.notes());
        return new Derivation(Derivation.Status.UNDECIDED, d.strategy(), d.steps(), d.results(), notes);
    }

    /**
     * A derivation without results proves the problem's shows (the identities): where one of them fails
     * its numeric check, the proof is wrong, so it is not reported as derived either (issue 17).
     */
    static Derivation undecidedIfAProvenShowFails(Derivation d, List<ClaimReport> claims) {
        if (d.status() != Derivation.Status.DERIVED || !d.results().isEmpty()) return d;
        List<String> notes = new ArrayList<>();
        for (ClaimReport c : claims) {
            if (c.kind() == ClaimReport.Kind.SHOW && c.numeric().isPresent() && c.numeric().get().failed()) {
                notes.add("the proven identity " + c.claim().text() + " fails its numeric check ("
                        + c.numeric().get().reason() + "), so it is not reported as derived");
            }
        }
        if (notes.isEmpty()) return d;
        notes.addAll(d.notes());
        return new Derivation(Derivation.Status.UNDECIDED, d.strategy(), d.steps(), d.results(), notes);
    }

    private static Claim interval(List<Result> all, Result r) {
        List<derivcheck.expr.Relation> bounds = new ArrayList<>();
        for (Result x : all) if (!x.isEquation() && x.target().equals(r.target())) bounds.add(x.relation());
        String text = bounds.stream().map(b -> derivcheck.expr.TextPrinter.print(b)).reduce((a, b) -> a + ", " + b).orElse("");
        return new Claim(bounds, r.range(), text, derivcheck.expr.Pos.NONE);
    }

    private static Optional<NumericVerdict> numeric(Optional<NumericVerifier> nv, Claim c) {
        return nv.map(v -> safely(() -> v.check(c)));
    }

    /** A numeric failure of our own is reported as undecided, never as a verdict about the math. */
    private static NumericVerdict safely(java.util.function.Supplier<NumericVerdict> check) {
        try {
            return check.get();
        } catch (Deadline.Expired e) {
            return NumericVerdict.undecided("none", 0L, NumericVerifier.TIME_LIMIT + " (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            return NumericVerdict.undecided("internal", 0L, "the numeric check stopped: " + e);
        }
    }
}
