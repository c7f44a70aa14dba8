package derivcheck.check;

import derivcheck.derive.Derivation;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Rational;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.judge.Judge;
import derivcheck.judge.Judgement;
import derivcheck.latex.Answer;
import derivcheck.model.Claim;
import derivcheck.model.LetDef;
import derivcheck.model.Mistake;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import derivcheck.numeric.Value;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.numeric.verify.VerifyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks hand-written answers against one problem. Every equality (the answer against the spec's
 * reference, or against the target's own definition; each step of a chain) is decided by the
 * {@link Judge} over this problem's samples: exact arithmetic where the expressions are rational,
 * samples of the valid domain with a high-precision re-check otherwise, the CAS only where those
 * are undecided (or with {@code prove}). Targets that are not a pointwise value (an unknown of an
 * optimization, a solve-for, a condition) are also checked against the original problem, re-solved
 * numerically. An answer is {@code incorrect} only with a counterexample at a valid point (see
 * docs/verdicts.md). An incorrect answer gets a diagnosis when one explains the difference: an
 * author's mistake line, a flipped sign, a constant factor, a missing or extra term, another
 * quantity of the problem, a wrong index, overlapping cases, an answer undefined where the
 * reference is defined. Reusable across answers (samples are drawn once); not thread-safe.
 */
public final class AnswerChecker {
    private final Engine engine;
    private final Problem problem;
    private final NumericVerifier numeric;
    private final boolean symbolic;
    private final boolean prove;
    private Derivation derivation;
    private DeriveContext context;
    private int regionTierCalls;

    public Problem problem() { return problem; }

    /** Derives the problem now (once), so that it can have its own budget apart from the answers'. */
    public void prepare() { derivation(); }

    private Derivation derivation() {
        if (derivation == null) {
            context = engine.context(problem);
            try {
                derivation = shared != null ? shared.get() : engine.derive(problem);
            } catch (RuntimeException e) {
                derivation = new Derivation(Derivation.Status.UNDECIDED, "none", List.of(), List.of(), List.of("derivation stopped: " + e));
            }
        }
        return derivation;
    }

    public AnswerChecker(Engine engine, Problem problem, VerifyOptions options, boolean symbolic) {
        this(engine, problem, options, symbolic, false);
    }

    /** @param prove also run the symbolic tier on answers the cheaper tiers found correct (a `proved` verdict) */
    public AnswerChecker(Engine engine, Problem problem, VerifyOptions options, boolean symbolic, boolean prove) {
        this(engine, problem, options, symbolic, prove, null);
    }

    /**
     * A checker that takes the derivation from {@code shared} (done once for all the checkers of a
     * prepared problem, on first need) instead of deriving it itself.
     */
    public AnswerChecker(Engine engine, Problem problem, VerifyOptions options, boolean symbolic, boolean prove,
                         java.util.function.Supplier<Derivation> shared) {
        this.engine = engine;
        this.problem = problem;
        this.numeric = NumericVerifier.of(problem, options);
        this.symbolic = symbolic;
        this.prove = prove && symbolic;
        this.shared = shared;
    }

    private final java.util.function.Supplier<Derivation> shared;

    /**
     * The verdict on one answer and on each step of its chain. Every equality goes to the
     * {@link Judge} (see docs/verdicts.md for the rules); claims about an unknown of an
     * optimization, a solve-for or a condition are also checked against the re-solved problem.
     */
    public AnswerReport check(Answer a) {
        if (a.objective().isEmpty()) return checkValue(a);
        // \arg\min_x J = v says v minimizes J: the spec's question only when J has the spec's minimizers
        Optional<String> other = ArgminObjective.otherThanTheProblems(problem, a);
        if (other.isPresent()) {
            String target = TextPrinter.print(a.claim().relations().get(0).lhs());
            NumericVerdict none = NumericVerdict.undecided("argmin", numeric.options().seed(), other.get());
            return new AnswerReport(a, target, AnswerReport.Word.UNDECIDED, "not run", Optional.of(none), Optional.empty(), List.of(),
                    "none: " + other.get());
        }
        AnswerReport r = checkValue(a);
        return new AnswerReport(r.answer(), r.target(), r.verdict(), r.symbolic(), r.numeric(), r.diagnosis(), r.steps(),
                r.evidence() + "; the function under argmin is the problem's objective, up to a term free of " + r.target());
    }

    private AnswerReport checkValue(Answer a) {
        Claim c = withBoundMoments(a.claim());
        if (a.upToFactor()) return proportional(a, c);
        List<Relation> rels = c.relations();
        List<Relation> written = a.claim().relations();
        if (rels.size() > 1 && rels.stream().anyMatch(r -> r.op() != RelOp.EQ)) return condition(a);
        Relation first = rels.get(0);
        Relation whole = new Relation(first.op(), first.lhs(), rels.get(rels.size() - 1).rhs(), c.pos());
        Claim answer = new Claim(List.of(whole), c.range(), c.text(), c.pos());
        Optional<String> wrongShape = ShapeErrors.wrongShape(problem, whole);
        Decision d = wrongShape.isPresent()
                ? new Decision(AnswerReport.Word.INCORRECT, "shapes", NumericVerdict.undecided("shapes", 0L, wrongShape.get()),
                        "not run: the shapes do not fit", null)
                : decide(whole, answer);
        if (d.word() == AnswerReport.Word.CORRECT && a.onlyAnInstance(0, rels.size())) d = onlyAnInstance(d, a);
        Optional<String> diagnosis = wrongShape.isPresent() ? Optional.of(capitalized(wrongShape.get()) + ".")
                : d.word() == AnswerReport.Word.INCORRECT ? diagnose(whole, c, d.numeric()) : Optional.empty();
        if (d.word() == AnswerReport.Word.INCORRECT && d.note() != null) {
            diagnosis = Optional.of(diagnosis.map(x -> x + " ").orElse("") + capitalized(d.note()) + ".");
        }
        List<AnswerReport.Step> steps = new ArrayList<>();
        if (rels.size() > 1) {
            for (int k = 0; k < rels.size(); k++) {
                Relation r = rels.get(k);
                Claim step = new Claim(List.of(r), c.range(), "", c.pos());
                Decision sd = decideStep(r, step);
                if (sd.word() == AnswerReport.Word.CORRECT && a.onlyAnInstance(k, k + 1)) sd = onlyAnInstance(sd, a);
                int line = k + 1 < a.sideLines().size() ? a.sideLines().get(k + 1) : c.pos().line();
                Relation w = written.get(k);
                steps.add(new AnswerReport.Step(line, TextPrinter.print(w.lhs()), TextPrinter.print(w.rhs()), sd.word(), Optional.of(sd.numeric())));
            }
        }
        return new AnswerReport(a, TextPrinter.print(written.get(0).lhs()), d.word(), d.symbolic(), Optional.of(d.numeric()), diagnosis, steps, d.evidence());
    }

    /**
     * The claim with every E[.]/Var[.] that reads a summation index bound around it in closed form
     * (defect 1 of issue 11: such a moment depends on the index, so it cannot be estimated apart
     * from its sum); the claim as written when there is none or the rules do not reach them.
     */
    private Claim withBoundMoments(Claim c) {
        if (c.relations().stream().noneMatch(r -> derivcheck.derive.moments.BoundMoments.present(r.lhs()) || derivcheck.derive.moments.BoundMoments.present(r.rhs()))) {
            return c;
        }
        if (context == null) context = engine.context(problem);
        List<Relation> out = new ArrayList<>();
        for (Relation r : c.relations()) {
            out.add(new Relation(r.op(), derivcheck.derive.moments.BoundMoments.reduce(problem, context, r.lhs()),
                    derivcheck.derive.moments.BoundMoments.reduce(problem, context, r.rhs()), r.pos()));
        }
        return new Claim(out, c.range(), c.text(), c.pos());
    }

    /**
     * `target \propto value` with the spec's reference r for the target. For a vector target the
     * factor is one scalar c > 0 for all entries (it may depend on the givens, so on the sample):
     * r = c v with c > 0 exactly when r = (||r|| / ||v||) v, which the judge decides like any
     * equality: equal is correct, a counterexample (not parallel, or a negative factor) incorrect.
     * For a scalar target every value of the same sign is proportional to r at a point, so only
     * equality (c = 1) is recognized; anything else is undecided. An entrywise claim (for k in ...)
     * is undecided too (its factor must not depend on k, which entry-by-entry sampling cannot see).
     */
    private AnswerReport proportional(Answer a, Claim c) {
        Relation r = c.relations().get(0);
        Optional<Expr> ref = trustedReference(r.lhs());
        String target = TextPrinter.print(a.claim().relations().get(0).lhs());
        NumericVerdict none = NumericVerdict.undecided("proportional", numeric.options().seed(), "");
        if (ref.isEmpty() || c.range().isPresent()) {
            return new AnswerReport(a, target, AnswerReport.Word.UNDECIDED, "not run", Optional.of(none), Optional.empty(), List.of(),
                    "none: a proportionality is judged only against the spec's value of a whole target");
        }
        Expr v = r.rhs();
        Expr scaled = v;
        if (!v.isScalar()) {
            Expr factor = Exprs.div(new derivcheck.expr.Norm(ref.get(), derivcheck.expr.NormKind.L2, Pos.NONE),
                    new derivcheck.expr.Norm(v, derivcheck.expr.NormKind.L2, Pos.NONE));
            scaled = Exprs.mul(factor, v);
        }
        Judgement j = judge(c).equal(scaled, ref.get(), c.range());
        AnswerReport.Word w = j.equal() ? AnswerReport.Word.CORRECT
                : j.different() && !v.isScalar() ? AnswerReport.Word.INCORRECT : AnswerReport.Word.UNDECIDED;
        Decision d = fromJudgement(w, j, "the spec's value, up to a positive factor");
        Optional<String> diagnosis = w == AnswerReport.Word.INCORRECT
                ? Optional.of("No positive factor independent of " + target + " makes it the spec's value " + TextPrinter.print(ref.get())
                        + " (not parallel, or the factor is negative).") : Optional.empty();
        String evidence = w == AnswerReport.Word.UNDECIDED && v.isScalar()
                ? "none: a scalar stated up to a positive factor is proportional to any value of its sign; only the factor 1 is checked"
                : d.evidence();
        return new AnswerReport(a, target, w, d.symbolic(), Optional.of(d.numeric()), diagnosis, List.of(), evidence);
    }

    /**
     * Agreement at one instance of a second free index (dL/db_i = g_j/||w_j|| read at j = 1) proves
     * nothing about its other values: undecided, with the reason. (Disagreement there is a counterexample.)
     */
    private static Decision onlyAnInstance(Decision d, Answer a) {
        return new Decision(AnswerReport.Word.UNDECIDED, "none: the display has a second free index; it holds at " + a.instance()
                + ", which proves nothing about the other values (" + d.evidence() + ")", d.numeric(), d.symbolic(), null);
    }

    private static String capitalized(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    /** A verdict with its evidence, the numeric record for reports, and what the symbolic tier said. */
    private record Decision(AnswerReport.Word word, String evidence, NumericVerdict numeric, String symbolic, String note) {}

    /**
     * A chain with an inequality, `0 < eta < 2/a`, is one condition: the conjunction of its links,
     * compared as a set with the spec's condition on the unknown (the numeric verifier probes both
     * sides of every boundary). Its links are not steps: only equality chains are checked step by step.
     */
    private AnswerReport condition(Answer a) {
        Claim c = a.claim();
        NumericVerdict nv = safely(c);
        AnswerReport.Word w = nv.failed() ? AnswerReport.Word.INCORRECT : nv.verified() ? AnswerReport.Word.CORRECT : AnswerReport.Word.UNDECIDED;
        Optional<String> diagnosis = Optional.empty();
        if (w == AnswerReport.Word.INCORRECT) {
            for (Mistake m : problem.mistakes()) {
                if (same(m.claim(), c)) { diagnosis = Optional.of(m.feedback()); break; }
            }
        }
        return new AnswerReport(a, TextPrinter.print(c.relations().get(0).lhs()), w, "not tried: a condition is compared as a set",
                Optional.of(nv), diagnosis, List.of(), "the condition compared as a set (numeric)");
    }

    /** The anticipated mistake written the same way (a condition's feedback is matched by its text). */
    private static boolean same(Claim mistake, Claim answer) {
        return TextPrinter.print(mistake.relations()).equals(TextPrinter.print(answer.relations()));
    }

    /**
     * The policy of answers, in the order it is tried (the judge's own table combines the tiers of
     * one equality; this adds the original problem for targets that are not a pointwise value):
     * <ol>
     *   <li>with a reference value (the spec's expect for the target): the judge on answer = reference;
     *       equal: correct; different: incorrect when the target is a pointwise value, else the
     *       re-solved problem decides (another minimizer can be right); undecided: the re-solved problem;</li>
     *   <li>without one: a pointwise target is judged directly (answer against the target's own
     *       definition); any other goes to the re-solved problem, and the CAS where that is undecided.</li>
     * </ol>
     */
    private Decision decide(Relation whole, Claim answer) {
        boolean pointwise = numeric.pointwise(answer);
        Optional<Expr> ref = whole.op() == RelOp.EQ ? trustedReference(whole.lhs()) : Optional.empty();
        if (whole.op() == RelOp.EQ && (ref.isPresent() || pointwise)) {
            Expr reference = ref.orElse(whole.lhs());
            Judgement j = judge(answer).equal(whole.rhs(), reference, answer.range());
            String against = ref.isPresent() ? "the spec's value" : "the definition of " + TextPrinter.print(whole.lhs());
            if (j.equal()) return fromJudgement(AnswerReport.Word.CORRECT, j, against);
            if (j.different() && (pointwise || j.tier() == Judgement.Tier.EXACT && j.counterexample().isEmpty())) {
                return fromJudgement(AnswerReport.Word.INCORRECT, j, against);
            }
            if (j.undecided() && pointwise) return fromJudgement(AnswerReport.Word.UNDECIDED, j, against);
            // not a pointwise target: the original problem decides
            NumericVerdict nv = safely(answer);
            if (nv.failed()) return new Decision(AnswerReport.Word.INCORRECT, "the original problem, re-solved", nv, "not needed", null);
            if (nv.verified() && j.different() && Judgements.relativeGap(j) < 1e-6) {
                // a certain but tiny difference: the re-solved problem (to its tolerance) cannot tell
                // another minimizer from a near miss
                return new Decision(AnswerReport.Word.UNDECIDED, "none: it differs from the spec's value by a relative "
                        + String.format(java.util.Locale.ROOT, "%.2g", Judgements.relativeGap(j)) + " (" + j.reason()
                        + "), which the re-solved problem cannot tell from another solution", nv, "not run", null);
            }
            if (nv.verified()) {
                String note = j.different() ? "; it differs from the spec's value, but solves the original problem" : "";
                return new Decision(AnswerReport.Word.CORRECT, "the original problem, re-solved (" + nv.samples() + " samples)" + note, nv,
                        provedText(answer), null);
            }
            return orSymbolic(answer, nv, j.different() ? "it differs from the spec's value (" + j.reason() + ") but the original problem could not be re-solved" : null);
        }
        NumericVerdict nv = safely(answer);
        String dropped = whole.op() == RelOp.EQ ? untrustedReference(whole.lhs()).map(w -> "; " + w).orElse("") : "";
        if (nv.failed()) return new Decision(AnswerReport.Word.INCORRECT, "numeric: " + nv.check() + dropped, nv, "not needed", null);
        if (nv.verified()) return new Decision(AnswerReport.Word.CORRECT, "numeric: " + nv.check() + " (" + nv.samples() + " samples)" + dropped, nv, provedText(answer), null);
        return orSymbolic(answer, nv, dropped.isEmpty() ? null : "none: " + nv.reason() + dropped);
    }

    private Decision orSymbolic(Claim answer, NumericVerdict nv, String why) {
        if (!symbolic) return new Decision(AnswerReport.Word.UNDECIDED, why != null ? why : "none: " + nv.reason(), nv, "skipped", null);
        String sym = symbolic(answer);
        if (sym.startsWith("verified")) return new Decision(AnswerReport.Word.CORRECT, "symbolic proof", nv, sym, null);
        return new Decision(AnswerReport.Word.UNDECIDED, why != null ? why : "none: " + nv.reason(), nv, sym, null);
    }

    private String provedText(Claim answer) {
        if (!prove) return symbolic ? "not needed: the numeric tier decided (use --prove for a proof)" : "skipped";
        return symbolic(answer);
    }

    private Decision decideStep(Relation r, Claim step) {
        if (r.op() == RelOp.EQ && numeric.pointwise(step)) {
            Judgement j = judge(step).equal(r.rhs(), r.lhs(), step.range());
            AnswerReport.Word w = j.equal() ? AnswerReport.Word.CORRECT : j.different() ? AnswerReport.Word.INCORRECT : AnswerReport.Word.UNDECIDED;
            return fromJudgement(w, j, "the previous side");
        }
        NumericVerdict sv = safely(step);
        AnswerReport.Word w = sv.failed() ? AnswerReport.Word.INCORRECT : sv.verified() ? AnswerReport.Word.CORRECT : AnswerReport.Word.UNDECIDED;
        if (w == AnswerReport.Word.UNDECIDED && symbolic && symbolic(step).startsWith("verified")) w = AnswerReport.Word.CORRECT;
        if (w == AnswerReport.Word.UNDECIDED) {
            Optional<Decision> atSolution = atSolution(r, step);
            if (atSolution.isPresent()) return atSolution.get();
        }
        return new Decision(w, sv.check(), sv, "", null);
    }

    /**
     * A step that mentions the unknown of `find u such that ...` (Σ σ² c_j = Σ 36 c_j) is about the
     * problem's u: the chain computes with it before solving, or states the condition that u solves.
     * Either way the step holds at the solution, so with the spec's one value `expect u = value` it
     * is judged there, u replaced by that value: different there is a counterexample under both
     * readings (an identity in u fails at u = value too); equal there, the step is right as a
     * condition. Only for such a unique value (one `expect u = ...` whose value does not mention u).
     */
    private Optional<Decision> atSolution(Relation r, Claim step) {
        if (r.op() != RelOp.EQ) return Optional.empty();
        List<Sym> mentioned = new ArrayList<>();
        for (derivcheck.model.SuchThat st : problem.conditions()) {
            if (Exprs.contains(r.lhs(), st.unknown()) || Exprs.contains(r.rhs(), st.unknown())) mentioned.add(st.unknown());
        }
        if (mentioned.size() != 1) return Optional.empty();
        Sym u = mentioned.get(0);
        List<Expr> values = new ArrayList<>();
        for (Claim e : problem.expects()) {
            Relation x = e.relations().get(0);
            if (e.relations().size() == 1 && e.range().isEmpty() && x.lhs().equals(u)) values.add(x.rhs());
        }
        if (values.size() != 1 || Exprs.contains(values.get(0), u)) return Optional.empty();
        Expr value = values.get(0);
        Relation there = new Relation(RelOp.EQ, Exprs.substitute(r.lhs(), u, value), Exprs.substitute(r.rhs(), u, value), r.pos());
        Claim c = new Claim(List.of(there), step.range(), "", step.pos());
        if (!numeric.pointwise(c)) return Optional.empty();
        Judgement j = judge(c).equal(there.rhs(), there.lhs(), c.range());
        if (j.undecided()) return Optional.empty();
        return Optional.of(fromJudgement(j.equal() ? AnswerReport.Word.CORRECT : AnswerReport.Word.INCORRECT, j,
                "the previous side, at the solution " + u.name() + " = " + TextPrinter.print(value)));
    }

    /** A judge over this problem's samples; its symbolic tier is the claim's CAS check (run only where the judge needs it). */
    private Judge judge(Claim like) {
        Judge.Symbolic cas = !symbolic ? null : (x, y, range) -> {
            Claim c = new Claim(List.of(new Relation(RelOp.EQ, x, y, Pos.NONE)), range, "", Pos.NONE);
            String s = symbolic(c);
            return s.startsWith("verified") ? Optional.of(s.substring("verified: ".length())) : Optional.empty();
        };
        Judge j = new Judge(numeric.space(), cas, prove);
        if (!symbolic) return j;
        // region by region after the samples, when they found no counterexample (docs/verdicts.md: the tiers of one equality)
        if (context == null) context = engine.context(problem);
        derivcheck.judge.Prover regions = derivcheck.derive.expect.ZeroProof.regionsOfAnswers(problem, context);
        return j.withProvers(List.of(d -> {
            regionTierCalls++;
            return regions.attempt(d);
        }));
    }

    /** How often the region-by-region tier was asked (tests: a wrong answer the samples refute never asks it). */
    int regionTierCalls() { return regionTierCalls; }

    private Decision fromJudgement(AnswerReport.Word w, Judgement j, String against) {
        NumericVerdict nv = Judgements.toNumericVerdict(j, numeric.options().seed());
        String sym = j.evidence().stream().filter(e -> e.startsWith("symbolic: ")).findFirst()
                .map(e -> e.substring("symbolic: ".length())).orElse(symbolic ? "not needed: " + j.tier().word() + " tier decided" : "skipped");
        String evidence = switch (j.kind()) {
            case PROVED_EQUAL -> "proved (" + j.tier().word() + ") against " + against;
            case EQUAL_BY_SAMPLES -> j.tier().word() + ", " + j.samples() + " sample(s) against " + against;
            case DIFFERENT -> j.tier().word() + " counterexample against " + against;
            case UNDECIDED -> "none: " + j.reason();
        };
        String note = j.different() ? j.reason() : null;
        return new Decision(w, evidence, nv, sym, note);
    }

    /** The numeric tier of the original problem (kept for the callers that compare claims, not values). */
    NumericVerdict numericTier(Claim answer) { return safely(answer); }

    private NumericVerdict safely(Claim c) {
        try {
            return numeric.check(c);
        } catch (RuntimeException e) {
            return NumericVerdict.undecided("internal", 0L, "the numeric check stopped: " + e);
        }
    }

    /** Symbolic tier: against the derived result when one derives the target, else as an identity. */
    private String symbolic(Claim c) {
        try {
            Derivation d = derivation();
            Relation r = c.relations().get(0);
            boolean derived = d.status() == Derivation.Status.DERIVED
                    && d.results().stream().anyMatch(res -> Exprs.contains(r.lhs(), res.target()) || res.target().equals(r.lhs()));
            ExpectCheck.Outcome o;
            if (derived) {
                Problem withAnswer = withExpects(List.of(c));
                o = ExpectCheck.check(withAnswer, d, context).get(0);
            } else {
                Optional<Expr> ref = trustedReference(r.lhs());
                Claim identity = ref.isPresent() && c.range().isEmpty()
                        ? new Claim(List.of(new Relation(RelOp.EQ, r.rhs(), ref.get(), Pos.NONE)), c.range(), "", Pos.NONE) : c;
                o = ExpectCheck.show(problem, identity, context == null ? engine.context(problem) : context);
            }
            return o.symbolic() == ExpectCheck.Verdict.VERIFIED ? "verified: " + o.reason() : "undecided: " + o.reason();
        } catch (RuntimeException e) {
            return "undecided: the symbolic check stopped (" + e.getMessage() + ")";
        }
    }

    private Problem withExpects(List<Claim> expects) {
        return problem.withExpects(expects);
    }

    /** The spec's expected value of a target (its first `expect target = ...`), or a let's definition. */
    Optional<Expr> reference(Expr target) {
        return referenceClaim(target).map(e -> e.relations().get(0).rhs());
    }

    private Optional<Claim> referenceClaim(Expr target) {
        for (Claim e : problem.expects()) {
            Relation r = e.relations().get(0);
            if (r.op() == RelOp.EQ && r.lhs().equals(target) && e.relations().size() == 1) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The numeric check of each expect used as a reference, against the original problem (once per checker). */
    private final java.util.Map<Claim, NumericVerdict> referenceChecks = new java.util.HashMap<>();

    /**
     * The spec's value of a target as the answers' reference, unless the spec's own expect fails
     * against the original problem (the check derive runs on it: d = -inv(H)*g with H not known to be
     * definite is not a minimizer). An answer that agrees with a failing expect is not thereby
     * correct, and one that differs from it is not thereby incorrect: without the reference the
     * original problem decides, so check and derive agree. An expect the numeric check cannot decide
     * stays the reference.
     */
    private Optional<Expr> trustedReference(Expr target) {
        Optional<Claim> e = referenceClaim(target);
        if (e.isEmpty()) return Optional.empty();
        NumericVerdict v = referenceChecks.computeIfAbsent(e.get(), this::safely);
        return v.failed() ? Optional.empty() : Optional.of(e.get().relations().get(0).rhs());
    }

    /** Why the spec's value of a target is not the reference (its expect fails), or empty. */
    private Optional<String> untrustedReference(Expr target) {
        Optional<Claim> e = referenceClaim(target);
        if (e.isEmpty()) return Optional.empty();
        NumericVerdict v = referenceChecks.get(e.get());
        return v != null && v.failed() ? Optional.of("the spec's expect at line " + e.get().pos().line()
                + " fails against the original problem, so it is not used as the reference") : Optional.empty();
    }

    // ---- diagnoses --------------------------------------------------------------------------

    /** For diagnoses: the judge (without the CAS) says equal; where it cannot tell, the numeric verifier. */
    private boolean same(Expr a, Expr b, Claim like) {
        try {
            Judgement j = Judge.numericOnly(numeric.space()).equal(a, b, like.range());
            if (!j.undecided()) return j.equal();
            Claim c = new Claim(List.of(new Relation(RelOp.EQ, a, b, Pos.NONE)), like.range(), "", Pos.NONE);
            return numeric.check(c).verified();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Optional<String> diagnose(Relation whole, Claim like, NumericVerdict nv) {
        Expr lhs = whole.lhs();
        Expr ans = whole.rhs();
        for (Mistake m : problem.mistakes()) {
            Relation r = m.claim().relations().get(0);
            if (r.lhs().equals(lhs) && r.op() == whole.op() && same(ans, r.rhs(), like)) return Optional.of(m.feedback());
            // an entry x_i = ... against a mistake about the whole vector x = ...
            Optional<Expr> entry = entryOf(lhs, r.lhs(), r.rhs(), like);
            if (entry.isPresent() && r.op() == whole.op() && same(ans, entry.get(), like)) return Optional.of(m.feedback());
        }
        Optional<Expr> ref = reference(lhs);
        if (ref.isEmpty()) ref = derivedValue(lhs);
        if (ref.isEmpty() && lhs instanceof derivcheck.expr.Index ix) {
            Optional<Expr> whole2 = reference(ix.base());
            if (whole2.isPresent()) ref = entryOf(lhs, ix.base(), whole2.get(), like);
        }
        if (ref.isPresent() && whole.op() == RelOp.EQ) {
            Expr x = ref.get();
            String shown = TextPrinter.print(x);
            if (same(ans, Exprs.neg(x), like)) return Optional.of("The sign is flipped: the answer is -(" + shown + ").");
            Optional<String> f = factor(ans, x, like);
            if (f.isPresent()) return f;
            if (x instanceof Add add) {
                for (Expr t : add.terms()) {
                    if (same(ans, Exprs.sub(x, t), like)) return Optional.of("A term is missing: " + TextPrinter.print(t) + ".");
                }
            }
            if (ans instanceof Add add) {
                for (Expr t : add.terms()) {
                    if (same(Exprs.sub(ans, t), x, like)) return Optional.of("There is an extra term: " + TextPrinter.print(t) + ".");
                }
            }
            Optional<String> t = transposed(ans, x, like);
            if (t.isPresent()) return t;
        }
        for (LetDef l : problem.lets()) {
            if (l.range().isEmpty() && !l.sym().equals(lhs) && l.body().shape().equals(ans.shape()) && same(ans, l.body(), like)) {
                return Optional.of("That is " + l.sym().name() + " = " + TextPrinter.print(l.body()) + ", a different quantity of the problem.");
            }
        }
        for (SymbolDecl g : problem.givens()) {
            Optional<Expr> e = entryOf(lhs, lhs instanceof derivcheck.expr.Index ix ? ix.base() : lhs, g.sym(), like);
            if (e.isPresent() && same(ans, Exprs.sub(e.get(), e.get()), like) == false && same(ans, e.get(), like)) {
                return Optional.of("That is the given " + g.name() + ", a different quantity of the problem.");
            }
            if (!g.sym().equals(lhs) && g.sym().shape().equals(ans.shape()) && same(ans, g.sym(), like)) {
                return Optional.of("That is the given " + g.name() + ", a different quantity of the problem.");
            }
        }
        for (Claim e : problem.expects()) {
            Relation r = e.relations().get(0);
            if (!r.lhs().equals(lhs) && r.op() == RelOp.EQ && r.rhs().shape().equals(ans.shape()) && same(ans, r.rhs(), like)) {
                return Optional.of("That is the value of " + TextPrinter.print(r.lhs()) + " (" + TextPrinter.print(r.rhs()) + "), a different quantity of the problem.");
            }
        }
        if (like.range().isPresent() && nv.counterexample().flatMap(NumericVerdict.Counterexample::index).isPresent()) {
            var cx = nv.counterexample().get();
            return Optional.of("Wrong at index " + like.range().get().index().name() + " = " + cx.index().get() + " (sizes " + cx.sizes()
                    + "): check the index shifts and the case boundaries there.");
        }
        return Optional.empty();
    }

    /** For an answer about entry j of v (v_j = ...), the j-th entry of a value stated for the whole v. */
    private static Optional<Expr> entryOf(Expr answerLhs, Expr lhs, Expr rhs, Claim like) {
        if (like.range().isEmpty() || !(answerLhs instanceof derivcheck.expr.Index ix) || ix.indices().size() != 1
                || !ix.base().equals(lhs) || !rhs.shape().isVector()) return Optional.empty();
        try {
            return Optional.of(new derivcheck.expr.Index(rhs, ix.indices(), Pos.NONE));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Expr> derivedValue(Expr target) {
        try {
            for (Result r : derivation().results()) {
                if (r.isEquation() && r.range().isEmpty() && r.target().equals(target)) return Optional.of(r.value());
            }
        } catch (RuntimeException ignored) {
            // no derivation: no reference
        }
        return Optional.empty();
    }

    private Optional<String> factor(Expr ans, Expr ref, Claim like) {
        try {
            Claim c = new Claim(List.of(new Relation(RelOp.EQ, ans, ref, Pos.NONE)), like.range(), "", Pos.NONE);
            NumericVerdict v = numeric.check(c);
            if (v.counterexample().isEmpty()) return Optional.empty();
            double[] a = v.counterexample().get().lhs().flatten();
            double[] b = v.counterexample().get().rhs().flatten();
            double ratio = Double.NaN;
            for (int i = 0; i < Math.min(a.length, b.length); i++) {
                if (Math.abs(b[i]) > 1e-9) { ratio = a[i] / b[i]; break; }
            }
            if (!Double.isFinite(ratio) || Math.abs(ratio - 1) < 1e-9) return Optional.empty();
            Optional<Rational> r = nice(ratio);
            if (r.isEmpty()) return Optional.empty();
            Expr scaled = Exprs.mul(new Num(r.get(), Pos.NONE), ref);
            if (same(ans, scaled, like)) {
                return Optional.of("Off by a constant factor: the answer is " + r.get() + " times the right value " + TextPrinter.print(ref) + ".");
            }
        } catch (RuntimeException ignored) {
            // no factor
        }
        return Optional.empty();
    }

    private static Optional<Rational> nice(double x) {
        for (int d = 1; d <= 12; d++) {
            double n = Math.rint(x * d);
            if (Math.abs(n / d - x) < 1e-7 * Math.max(1, Math.abs(x)) && n != 0) return Optional.of(Rational.of((long) n, d));
        }
        return Optional.empty();
    }

    private Optional<String> transposed(Expr ans, Expr ref, Claim like) {
        List<Expr> found = new ArrayList<>();
        Exprs.anyNode(ans, x -> { if (x instanceof derivcheck.expr.Mul m && m.factors().stream().filter(f -> !f.isScalar()).count() >= 2) found.add(x); return false; });
        for (Expr m : found) {
            try {
                derivcheck.expr.Mul mul = (derivcheck.expr.Mul) m;
                List<Expr> rev = new ArrayList<>();
                for (int i = mul.factors().size() - 1; i >= 0; i--) rev.add(new derivcheck.expr.Transpose(mul.factors().get(i), Pos.NONE));
                Expr swapped = new derivcheck.expr.Transpose(new derivcheck.expr.Mul(rev, Pos.NONE), Pos.NONE);
                Expr alt = Exprs.substitute(ans, m, new derivcheck.expr.Mul(rev, Pos.NONE));
                if (alt.shape().equals(ref.shape()) && same(alt, ref, like)) {
                    return Optional.of("A product is transposed: " + TextPrinter.print(m) + " should be " + TextPrinter.print(swapped.children().get(0)) + ".");
                }
            } catch (RuntimeException ignored) {
                // not conformable the other way round
            }
        }
        return Optional.empty();
    }

    /** Values as plain text, for reports. */
    public static String text(Value v) { return NumericVerdict.text(v); }
}
