package derivcheck.judge;

import derivcheck.expr.Expr;
import derivcheck.expr.RelOp;
import derivcheck.limits.Deadline;
import derivcheck.model.IndexRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides whether two expressions are equal on a domain.
 *
 * <p>Tiers run cheapest first; the policy that combines them is this table (and nothing else in
 * the code base combines tiers):
 *
 * <pre>
 *  exact tier (mod p / rationals)     numeric tier (doubles, 60 digits)   symbolic (CAS)        verdict
 *  ---------------------------------  ---------------------------------   --------------------  -----------------------------
 *  0 as a rational function, no dims  not run                             only with prove       PROVED_EQUAL (exact)
 *  0 at the sizes tried (dims)        not run                             with prove: proved    EQUAL_BY_SAMPLES (exact) / PROVED_EQUAL (symbolic)
 *  nonzero, counterexample in domain  not run                             not run               DIFFERENT (exact)
 *  nonzero, no exact point / confined different at a valid point          not run               DIFFERENT (numeric / high-precision)
 *  nonzero, no exact point            agree                               not run               UNDECIDED (samples cannot outvote an exact difference)
 *  nonzero, confined (equations)      agree                               with prove: proved    EQUAL_BY_SAMPLES / PROVED_EQUAL
 *  declined                           different at a valid point          not run               DIFFERENT (numeric / high-precision)
 *  declined                           agree                               with prove: proved    EQUAL_BY_SAMPLES (numeric) / PROVED_EQUAL
 *  declined                           undecided (too few valid points)    proved                PROVED_EQUAL (symbolic)
 *  declined                           undecided                           not proved / none     UNDECIDED (the reasons of both)
 * </pre>
 * With proving tiers ({@link #withProvers}, check's region by region): they run after the numeric
 * tier, only when it found no counterexample, and a proof there is PROVED_EQUAL (symbolic); a
 * numeric counterexample is DIFFERENT without asking them.
 * Before any tier: a `cases` answer whose arms overlap at a valid point and disagree there is
 * DIFFERENT at that point (both values reported), whatever the first arm says.
 * The symbolic tier can prove equality, never difference (a CAS "not zero" is not a proof).
 * A difference needs a point where both are defined and differ, or the answer undefined where the
 * reference is defined; the point always comes from the space, so the assumptions hold there.
 *
 * <p>A judge is prepared once per space and reused for many pairs: the space draws (and caches)
 * its points once; it is not thread-safe (spaces cache).
 */
public final class Judge {
    /** The CAS tier: a reason when it proves answer = reference, empty when it cannot. */
    @FunctionalInterface
    public interface Symbolic {
        Optional<String> prove(Expr answer, Expr reference, Optional<IndexRange> range);
    }

    private final Space space;
    private final Symbolic symbolic;
    private final boolean prove;
    private final ExactTier exact;
    private final NumericTier numeric;

    /** @param symbolic the CAS tier, or null for none; @param prove run it on equal verdicts too */
    public Judge(Space space, Symbolic symbolic, boolean prove) {
        this.space = space;
        this.symbolic = symbolic;
        this.prove = prove;
        this.exact = new ExactTier(space, 0x5EED_0F_1DL);
        this.numeric = new NumericTier(space);
    }

    public static Judge numericOnly(Space space) { return new Judge(space, null, false); }

    private List<Prover> early = List.of();

    /**
     * This judge with proving tiers that run after the exact tier and the samples (check's
     * region-by-region tier), only when the samples found no counterexample: the first that proves
     * answer − reference = 0 decides (PROVED_EQUAL, symbolic); one that does not prove leaves the
     * samples' verdict as it was. So a wrong answer costs no proving time once a sample shows it wrong.
     */
    public Judge withProvers(List<Prover> provers) {
        this.early = List.copyOf(provers);
        return this;
    }

    /**
     * A judge over the free symbols of {@code e} (its own sampler, the assumptions holding), for
     * callers without a problem's samples (derive's proofs); where the assumptions cannot be set up,
     * a judge without a domain, whose exact tier declines.
     */
    public static Judge over(Expr e, List<derivcheck.expr.Relation> assumptions) {
        try {
            return numericOnly(FreeSpace.over(List.of(e), assumptions));
        } catch (RuntimeException x) {
            if (x instanceof Deadline.Expired d) throw d;
            return numericOnly(FreeSpace.over(List.of(), List.of()));
        }
    }

    public Space space() { return space; }

    public Judgement equal(Expr answer, Expr reference) { return equal(answer, reference, Optional.empty()); }

    /** Is answer = reference (for every index of range, if present) on the space's domain? Never throws but {@link Deadline.Expired}. */
    public Judgement equal(Expr answer, Expr reference, Optional<IndexRange> range) {
        long t0 = System.nanoTime();
        List<String> evidence = new ArrayList<>();
        Deadline.current().check();
        if (!conformable(answer, reference)) {
            return done(t0, Judgement.Kind.DIFFERENT, 0, 0, Optional.empty(), Judgement.Tier.EXACT, evidence,
                    "a " + answer.shape() + " cannot equal a " + reference.shape());
        }
        Optional<NumericTier.Differ> overlap = numeric.overlaps(answer, range);
        if (overlap.isPresent()) {
            evidence.add("cases: " + overlap.get().evidence());
            return done(t0, Judgement.Kind.DIFFERENT, 1, Double.NaN, Optional.of(overlap.get().counterexample()), Judgement.Tier.NUMERIC,
                    evidence, overlap.get().counterexample().note());
        }
        ExactTier.Result ex = exactTier(answer, reference, range);
        boolean exactNonzero = false;
        if (ex instanceof ExactTier.Zero z) {
            evidence.add("exact: " + z.evidence());
            boolean proved = prove && symbolic(answer, reference, range, evidence);
            if (!z.sized()) return done(t0, Judgement.Kind.PROVED_EQUAL, z.evaluations(), 0, Optional.empty(), Judgement.Tier.EXACT, evidence, z.evidence());
            if (proved) return done(t0, Judgement.Kind.PROVED_EQUAL, z.evaluations(), 0, Optional.empty(), Judgement.Tier.SYMBOLIC, evidence, z.evidence());
            return done(t0, Judgement.Kind.EQUAL_BY_SAMPLES, z.evaluations(), 0, Optional.empty(), Judgement.Tier.EXACT, evidence, z.evidence());
        } else if (ex instanceof ExactTier.Counter c) {
            evidence.add("exact: " + c.evidence());
            return done(t0, Judgement.Kind.DIFFERENT, 1, Double.NaN, Optional.of(c.counterexample()), Judgement.Tier.EXACT, evidence,
                    c.counterexample().note());
        } else if (ex instanceof ExactTier.Nonzero n) {
            evidence.add("exact: " + n.evidence());
            exactNonzero = !space.confined();
        } else if (ex instanceof ExactTier.Declined d) {
            evidence.add("exact: declined (" + d.why() + ")");
        }
        NumericTier.Result nu;
        try {
            nu = numeric.run(answer, reference, range);
        } catch (RuntimeException e) {
            if (e instanceof Deadline.Expired x) throw x;
            nu = new NumericTier.Unsure("the numeric tier stopped: " + e.getMessage());
        }
        if (nu instanceof NumericTier.Differ d) {
            // a valid counterexample of the samples ends it: no proving tier is asked (they only prove)
            evidence.add("numeric: " + d.evidence());
            return done(t0, Judgement.Kind.DIFFERENT, 1, Double.NaN, Optional.of(d.counterexample()),
                    d.precise() ? Judgement.Tier.HIGH_PRECISION : Judgement.Tier.NUMERIC, evidence, d.counterexample().note());
        }
        evidence.add("numeric: " + (nu instanceof NumericTier.Agree a ? a.evidence() : "undecided (" + ((NumericTier.Unsure) nu).why() + ")"));
        if (!exactNonzero && range.isEmpty() && answer.shape().equals(reference.shape()) && !early.isEmpty()) {
            Optional<Prover.Attempt> proof = firstProof(early, derivcheck.expr.Exprs.sub(answer, reference), evidence);
            if (proof.isPresent() && proof.get().proved()) {
                return done(t0, Judgement.Kind.PROVED_EQUAL, 0, 0, Optional.empty(), Judgement.Tier.SYMBOLIC, evidence, proof.get().reason());
            }
        }
        if (nu instanceof NumericTier.Agree a) {
            if (exactNonzero) {
                return done(t0, Judgement.Kind.UNDECIDED, a.points(), a.scaledError(), Optional.empty(), Judgement.Tier.NONE, evidence,
                        "the samples agree, but the difference is not 0 as a rational function and no point showed it exactly");
            }
            Judgement.Tier tier = a.precise() ? Judgement.Tier.HIGH_PRECISION : Judgement.Tier.NUMERIC;
            if (prove && symbolic(answer, reference, range, evidence)) {
                return done(t0, Judgement.Kind.PROVED_EQUAL, a.points(), a.scaledError(), Optional.empty(), Judgement.Tier.SYMBOLIC, evidence, a.evidence());
            }
            return done(t0, Judgement.Kind.EQUAL_BY_SAMPLES, a.points(), a.scaledError(), Optional.empty(), tier, evidence, a.evidence());
        }
        NumericTier.Unsure u = (NumericTier.Unsure) nu;
        if (!exactNonzero && symbolic(answer, reference, range, evidence)) {
            return done(t0, Judgement.Kind.PROVED_EQUAL, 0, 0, Optional.empty(), Judgement.Tier.SYMBOLIC, evidence, "proved by the CAS");
        }
        return done(t0, Judgement.Kind.UNDECIDED, 0, Double.NaN, Optional.empty(), Judgement.Tier.NONE, evidence, u.why());
    }

    private ExactTier.Result exactTier(Expr answer, Expr reference, Optional<IndexRange> range) {
        try {
            return exact.run(answer, reference, range);
        } catch (RuntimeException e) {
            if (e instanceof Deadline.Expired x) throw x;
            return new ExactTier.Declined("the exact tier stopped: " + e.getMessage());
        }
    }

    /**
     * The exact tier alone (no sampling in double precision, no CAS): PROVED_EQUAL when the
     * difference is 0 as a rational function without dimension names, EQUAL_BY_SAMPLES when it is
     * at the sizes tried, DIFFERENT with an exact counterexample, UNDECIDED otherwise (declined,
     * or nonzero without a point). For callers that have their own other tiers (derive's expects).
     */
    public Judgement exactly(Expr answer, Expr reference, Optional<IndexRange> range) {
        long t0 = System.nanoTime();
        List<String> evidence = new ArrayList<>();
        ExactTier.Result ex = exactTier(answer, reference, range);
        if (ex instanceof ExactTier.Zero z) {
            evidence.add("exact: " + z.evidence());
            return done(t0, z.sized() ? Judgement.Kind.EQUAL_BY_SAMPLES : Judgement.Kind.PROVED_EQUAL, z.evaluations(), 0, Optional.empty(),
                    Judgement.Tier.EXACT, evidence, z.evidence());
        }
        if (ex instanceof ExactTier.Counter c) {
            evidence.add("exact: " + c.evidence());
            return done(t0, Judgement.Kind.DIFFERENT, 1, Double.NaN, Optional.of(c.counterexample()), Judgement.Tier.EXACT, evidence,
                    c.counterexample().note());
        }
        String why = ex instanceof ExactTier.Nonzero n ? n.evidence() : "declined (" + ((ExactTier.Declined) ex).why() + ")";
        evidence.add("exact: " + why);
        return done(t0, Judgement.Kind.UNDECIDED, 0, Double.NaN, Optional.empty(), Judgement.Tier.NONE, evidence, why);
    }

    /**
     * The proof of {@code difference = 0} for callers whose other tiers only prove (derive's
     * expects, and so check's symbolic tier): the exact tier, then each prover in order.
     * <ul>
     *   <li>exact 0 as a rational function: PROVED_EQUAL (exact); 0 only at the sizes tried is no proof
     *       of the claim for every size, so the provers run;</li>
     *   <li>exact counterexample: DIFFERENT, with the point, when {@code exactRefutes}; otherwise the
     *       provers still run (a caller whose domain the space cannot describe, such as a show over
     *       equations, takes the exact difference as no proof of difference);</li>
     *   <li>the first prover that proves: PROVED_EQUAL (symbolic), its reason;</li>
     *   <li>none: UNDECIDED, with the reason of the last prover that applied (the most specific:
     *       region by region after the CAS), and each prover's finding in the evidence.</li>
     * </ul>
     * It never says DIFFERENT without an exact point. Never throws but {@link Deadline.Expired}.
     */
    public Judgement proveZero(Expr difference, List<Prover> provers, boolean exactRefutes) {
        long t0 = System.nanoTime();
        Expr zero = difference.isScalar() ? derivcheck.expr.Num.ZERO
                : new derivcheck.expr.Mul(List.of(derivcheck.expr.Num.ZERO, difference), derivcheck.expr.Pos.NONE);
        Judgement ex;
        try {
            ex = exactly(difference, zero, Optional.empty());
        } catch (RuntimeException e) {
            if (e instanceof Deadline.Expired x) throw x;
            ex = done(t0, Judgement.Kind.UNDECIDED, 0, Double.NaN, Optional.empty(), Judgement.Tier.NONE, List.of(),
                    "the exact tier stopped: " + e.getMessage());
        }
        if (ex.kind() == Judgement.Kind.PROVED_EQUAL || ex.different() && exactRefutes) return ex;
        List<String> evidence = new ArrayList<>(ex.evidence());
        String last = ex.different() ? "the exact tier found the difference is not 0: " + ex.reason() : ex.reason();
        Optional<Prover.Attempt> a = firstProof(provers, difference, evidence);
        if (a.isPresent() && a.get().proved()) {
            return done(t0, Judgement.Kind.PROVED_EQUAL, 0, 0, Optional.empty(), Judgement.Tier.SYMBOLIC, evidence, a.get().reason());
        }
        if (a.isPresent()) last = a.get().reason();
        return done(t0, Judgement.Kind.UNDECIDED, 0, Double.NaN, Optional.empty(), Judgement.Tier.NONE, evidence, last);
    }

    /**
     * The sign of a scalar {@code difference} for callers whose other tiers only prove (derive's
     * inequalities: a show {@code lhs > rhs}, the ends of an expected interval), with the shape of
     * {@link #proveZero}: the exact tier, then each sign prover in order.
     * <ul>
     *   <li>exact 0 as a rational function: EQ (exact); no prover runs;</li>
     *   <li>the first prover that proves a strict sign (GT, LT, EQ) decides (symbolic); a weak sign
     *       (GE, LE) is kept while later provers may prove a strict one that implies it, and GE from one
     *       with LE from another is EQ; a strict sign that contradicts a kept weak one proves nothing;</li>
     *   <li>none: the weak sign if one was proved, else nothing, with the reason of the last prover that
     *       applied, and each prover's finding in the evidence.</li>
     * </ul>
     * It never disproves a relation (no point is sampled): the numeric side does. Never throws but
     * {@link Deadline.Expired}.
     */
    public SignProof proveSign(Expr difference, List<SignProver> provers) {
        long t0 = System.nanoTime();
        Judgement ex;
        try {
            ex = exactly(difference, derivcheck.expr.Num.ZERO, Optional.empty());
        } catch (RuntimeException e) {
            if (e instanceof Deadline.Expired x) throw x;
            ex = done(t0, Judgement.Kind.UNDECIDED, 0, Double.NaN, Optional.empty(), Judgement.Tier.NONE, List.of(),
                    "the exact tier stopped: " + e.getMessage());
        }
        if (ex.kind() == Judgement.Kind.PROVED_EQUAL) {
            return new SignProof(Optional.of(RelOp.EQ), Judgement.Tier.EXACT, ex.evidence(), ex.reason(),
                    Duration.ofNanos(System.nanoTime() - t0));
        }
        List<String> evidence = new ArrayList<>(ex.evidence());
        String last = ex.reason();
        Optional<RelOp> weak = Optional.empty();
        String weakReason = "";
        for (SignProver p : provers) {
            Deadline.current().check();
            SignProver.Found f;
            try {
                f = p.attempt(difference);
            } catch (RuntimeException e) {
                if (e instanceof Deadline.Expired x) throw x;
                f = SignProver.Found.notShown("stopped: " + e.getMessage());
            }
            if (!f.applies()) continue;
            last = f.reason();
            if (f.relation().isEmpty()) {
                evidence.add("symbolic: not shown (" + f.reason() + ")");
                continue;
            }
            RelOp r = f.relation().get();
            evidence.add("symbolic: proved difference " + r.symbol() + " 0 (" + f.reason() + ")");
            boolean strict = r == RelOp.GT || r == RelOp.LT || r == RelOp.EQ;
            if (weak.isPresent() && !strict && weak.get() != r) {
                // >= 0 and <= 0: = 0
                return new SignProof(Optional.of(RelOp.EQ), Judgement.Tier.SYMBOLIC, evidence,
                        weakReason + "; " + f.reason(), Duration.ofNanos(System.nanoTime() - t0));
            }
            if (weak.isPresent() && strict && !SignProof.implies(r, weak.get())) {
                evidence.add("symbolic: the sign provers contradict each other");
                return new SignProof(Optional.empty(), Judgement.Tier.NONE, evidence, "the sign provers contradict each other ("
                        + weakReason + "; " + f.reason() + ")", Duration.ofNanos(System.nanoTime() - t0));
            }
            if (strict) return new SignProof(f.relation(), Judgement.Tier.SYMBOLIC, evidence, f.reason(), Duration.ofNanos(System.nanoTime() - t0));
            if (weak.isEmpty()) {
                weak = f.relation();
                weakReason = f.reason();
            }
        }
        if (weak.isPresent()) return new SignProof(weak, Judgement.Tier.SYMBOLIC, evidence, weakReason, Duration.ofNanos(System.nanoTime() - t0));
        return new SignProof(Optional.empty(), Judgement.Tier.NONE, evidence, last, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * The provers in order: the first attempt that proves, else the last that applied (empty if none
     * did). Each finding goes to the evidence; a prover that stops with an exception did not prove.
     */
    private static Optional<Prover.Attempt> firstProof(List<Prover> provers, Expr difference, List<String> evidence) {
        Optional<Prover.Attempt> last = Optional.empty();
        for (Prover p : provers) {
            Deadline.current().check();
            Prover.Attempt a;
            try {
                a = p.attempt(difference);
            } catch (RuntimeException e) {
                if (e instanceof Deadline.Expired x) throw x;
                a = Prover.Attempt.notShown("stopped: " + e.getMessage());
            }
            if (a.found() == Prover.Found.NOT_APPLICABLE) continue;
            evidence.add("symbolic: " + (a.proved() ? "proved (" + a.reason() + ")" : "not shown (" + a.reason() + ")"));
            if (a.proved()) return Optional.of(a);
            last = Optional.of(a);
        }
        return last;
    }

    private boolean symbolic(Expr answer, Expr reference, Optional<IndexRange> range, List<String> evidence) {
        if (symbolic == null) return false;
        try {
            Optional<String> r = symbolic.prove(answer, reference, range);
            evidence.add("symbolic: " + r.map(x -> "proved (" + x + ")").orElse("not proved"));
            return r.isPresent();
        } catch (RuntimeException e) {
            if (e instanceof Deadline.Expired x) throw x;
            evidence.add("symbolic: stopped (" + e.getMessage() + ")");
            return false;
        }
    }

    private static boolean conformable(Expr a, Expr b) {
        if (a.shape().equals(b.shape())) return true;
        // a scalar against a vector or matrix is compared entrywise (a number broadcast)
        return a.isScalar() || b.isScalar() || a.shape().rows().equals(b.shape().rows()) && a.shape().cols().equals(b.shape().cols());
    }

    private static Judgement done(long t0, Judgement.Kind kind, int n, double err, Optional<Judgement.Counterexample> cx,
                                  Judgement.Tier tier, List<String> evidence, String reason) {
        return new Judgement(kind, n, err, cx, tier, evidence, reason, Duration.ofNanos(System.nanoTime() - t0));
    }
}
