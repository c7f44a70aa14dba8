package derivcheck.engine;

import derivcheck.check.AnswerChecker;
import derivcheck.check.AnswerReport;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.expr.Expr;
import derivcheck.expr.Index;
import derivcheck.expr.Pos;
import derivcheck.expr.Relation;
import derivcheck.model.Claim;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.limits.Deadline;
import derivcheck.model.Points;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One spec prepared for checking many answers: read once, derived once (on first need, shared by
 * every worker), and a table of the verdicts of the answers checked so far, keyed by the answer
 * as read and normalised ({@link Answer#readAs()}, the claim printed by TextPrinter), so an answer
 * a cohort repeats is checked once. Thread-safe; the per-thread parts (the answer reader, the
 * checker with its compiled claims and its sample points, drawn once from the seed) live in a
 * {@link Worker}, one per thread.
 */
public final class PreparedProblem {
    /** The budget of the one derivation of the spec (it is shared, so it does not count against one answer). */
    private static final Duration DERIVATION_BUDGET = Duration.ofSeconds(60);

    private final SourceText spec;
    private final Problem problem;
    private final Engine engine;
    private final EngineOptions options;
    private final Map<String, CompletableFuture<AnswerReport>> verdicts = new ConcurrentHashMap<>();
    /** Texts read before: the answers they hold (empty when the text does not read against this spec), and where that text was. */
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    /** Bound of the table of readings (texts longer than this are not kept). */
    private static final int MAX_READINGS = 200_000, MAX_KEPT_TEXT = 4_000;

    private record Reading(Optional<List<Answer>> answers, Pos origin) {}
    private Derivation derivation;

    private PreparedProblem(SourceText spec, Problem problem, Engine engine, EngineOptions options) {
        this.spec = spec;
        this.problem = problem;
        this.engine = engine;
        this.options = options;
    }

    /** Reads a spec; its diagnostics when it does not read. The engine (and its CAS) may be shared by several problems. */
    public static ParseResult<PreparedProblem> read(SourceText spec, Engine engine, EngineOptions options) {
        ParseResult<Problem> r = SpecReader.read(spec);
        return new ParseResult<>(r.value().map(p -> new PreparedProblem(spec, p, engine, options)), r.diagnostics(), spec);
    }

    public Problem problem() { return problem; }

    public SourceText spec() { return spec; }

    public EngineOptions options() { return options; }

    /** The derivation of the spec, done once (under its own budget) by whichever worker first needs it. */
    public synchronized Derivation derivation() {
        if (derivation == null) {
            try (Deadline.Scope s = Deadline.within(DERIVATION_BUDGET).enter()) {
                derivation = engine.derive(problem);
            } catch (RuntimeException e) {
                derivation = new Derivation(Derivation.Status.UNDECIDED, "none", List.of(), List.of(), List.of("derivation stopped: " + e.getMessage()));
            }
        }
        return derivation;
    }

    /** A new worker: not thread-safe, use one per thread. */
    public Worker worker() { return new Worker(this); }

    /** How many distinct answers have a verdict in the table. */
    public int distinctAnswers() { return verdicts.size(); }

    /** One thread's reader and checker of this problem. */
    public static final class Worker {
        private final PreparedProblem prepared;
        private final AnswerReader reader;
        private final AnswerChecker checker;

        private Worker(PreparedProblem p) {
            this.prepared = p;
            this.reader = new AnswerReader(p.problem, p.spec);
            this.checker = new AnswerChecker(p.engine, p.problem, p.options.verify(), p.options.symbolic(), p.options.prove(), p::derivation);
        }

        public PreparedProblem problem() { return prepared; }

        /**
         * Reads one display (or --answer text) against this spec, each answer in a fresh scope. Reading
         * depends only on the spec and the text, so a text read before is not parsed again: its answers
         * are moved to this origin. A text that does not read is read again, for its located diagnostics.
         */
        public ParseResult<List<Answer>> read(String text, Pos origin, SourceText source) {
            Reading known = prepared.readings.get(text);
            if (known != null && known.answers.isPresent()) {
                List<Answer> moved = new ArrayList<>();
                for (Answer a : known.answers.get()) moved.add(moved(a, known.origin, origin));
                return new ParseResult<>(Optional.of(moved), List.of(), source);
            }
            ParseResult<List<Answer>> r = reader.read(text, origin, source);
            if (text.length() <= MAX_KEPT_TEXT && prepared.readings.size() < MAX_READINGS) {
                prepared.readings.putIfAbsent(text, new Reading(r.value(), origin));
            }
            return r;
        }

        /** Reads without looking up or recording the text (for measuring the reading itself). */
        public ParseResult<List<Answer>> readWithoutReuse(String text, Pos origin, SourceText source) {
            return reader.read(text, origin, source);
        }

        /** Does this inline formula state a target of this spec (see {@link AnswerReader#statesTarget})? */
        public boolean statesTarget(String text) { return reader.statesTarget(text); }

        /** Would this text fail to read against this spec (as far as is known without reading it)? */
        public boolean knownUnreadable(String text) {
            Reading known = prepared.readings.get(text);
            return known != null && known.answers.isEmpty();
        }

        /**
         * Checks one answer under a deadline of its own. An answer identical (as read) to one checked
         * before against this spec gets that verdict again, with its own position and lines.
         */
        public Checked check(Answer a) { return check(a, true); }

        /** Checks one answer without looking up or recording its verdict (for measuring the check itself). */
        public Checked checkWithoutReuse(Answer a) { return check(a, false); }

        private Checked check(Answer a, boolean reuse) {
            if (!reuse) return fresh(a, null, new CompletableFuture<>(), "");
            String key = a.readAs();
            // a unit vector prints as e_k, like the entry k of a vector a spec may name e: such answers are keyed
            // by their structure too, so the two never share a verdict
            if (a.claim().relations().stream().anyMatch(r -> derivcheck.expr.Exprs.anyNode(r.lhs(), PreparedProblem::unitVector)
                    || derivcheck.expr.Exprs.anyNode(r.rhs(), PreparedProblem::unitVector))) {
                key = key + "\u0000" + a.claim().relations();
            }
            CompletableFuture<AnswerReport> mine = new CompletableFuture<>();
            CompletableFuture<AnswerReport> known = prepared.verdicts.putIfAbsent(key, mine);
            if (known != null) {
                AnswerReport r = prepared.waitFor(known);
                if (r != null) return Checked.of(relocated(r, a), prepared, true);
                // the earlier check of this answer ran out of time: try again, on this answer's own budget
            }
            return fresh(a, known, mine, key);
        }

        private Checked fresh(Answer a, CompletableFuture<AnswerReport> known, CompletableFuture<AnswerReport> mine, String key) {
            Deadline d = Deadline.within(prepared.options.timeLimit());
            AnswerReport r;
            try (Deadline.Scope s = d.enter()) {
                d.check();
                r = checker.check(a);
            } catch (Deadline.Expired e) {
                r = null;
            } catch (RuntimeException | StackOverflowError e) {
                if (known == null) { mine.complete(null); prepared.verdicts.remove(key, mine); }
                return Checked.timeout(a.pos(), Optional.of(prepared), Optional.of(a), "the check stopped: " + e);
            }
            boolean timedOut = r == null || d.expired() && r.verdict() == AnswerReport.Word.UNDECIDED;
            if (known == null) {
                if (timedOut) {
                    prepared.verdicts.remove(key, mine);
                    mine.complete(null);
                } else {
                    mine.complete(r);
                }
            }
            if (timedOut) {
                return Checked.timeout(a.pos(), Optional.of(prepared), Optional.of(a),
                        "time limit of " + Deadline.seconds(prepared.options.timeLimit()) + " hit");
            }
            return Checked.of(r, prepared, false);
        }
    }

    /**
     * The verdict another worker is computing, or null when it ran out of time, failed, or takes
     * longer than one time limit (then this worker checks the answer itself: reading, waiting and
     * checking stay within the three time limits after which the grader gives a file up).
     */
    private AnswerReport waitFor(CompletableFuture<AnswerReport> f) {
        try {
            return f.get(options.timeLimit().toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** An answer read at {@code from}, as if read at {@code to} (same text): its position and lines moved. */
    private static Answer moved(Answer a, Pos from, Pos to) {
        // Pos.equals ignores places (so that expressions compare structurally): compare them here
        if (from.line() == to.line() && from.col() == to.col() && from.file().equals(to.file())) return a;
        int shift = to.line() - from.line();
        List<Integer> lines = new ArrayList<>();
        for (int l : a.sideLines()) lines.add(l + shift);
        List<Relation> rels = new ArrayList<>();
        for (Relation r : a.claim().relations()) rels.add(new Relation(r.op(), r.lhs(), r.rhs(), to));
        Claim c = new Claim(rels, a.claim().range(), a.claim().text(), to);
        return new Answer(a.input(), to, c, lines, a.readAs(), a.latex(), a.instance(), a.instanced(), a.upToFactor(), a.notes(), a.objective());
    }

    /** A verdict of an identical answer, given this answer's text, position and step lines. */
    private static AnswerReport relocated(AnswerReport r, Answer a) {
        List<AnswerReport.Step> steps = new ArrayList<>();
        for (int k = 0; k < r.steps().size(); k++) {
            AnswerReport.Step s = r.steps().get(k);
            int line = k + 1 < a.sideLines().size() ? a.sideLines().get(k + 1) : a.pos().line();
            steps.add(new AnswerReport.Step(line, s.from(), s.to(), s.verdict(), s.numeric()));
        }
        return new AnswerReport(a, r.target(), r.verdict(), r.symbolic(), r.numeric(), r.diagnosis(), steps, r.evidence());
    }

    // ---- grading points ---------------------------------------------------------------------

    /**
     * What is graded, with its points: the targets of the spec's {@code points} clauses, or when it
     * has none, every find (unknowns first, then computed targets) at one point each.
     */
    public Map<Expr, Double> gradedTargets() {
        Map<Expr, Double> out = new LinkedHashMap<>();
        if (!problem.points().isEmpty()) {
            for (Points p : problem.points()) out.merge(p.target(), p.value(), (a, b) -> b);
            return out;
        }
        for (SymbolDecl u : problem.unknowns()) out.put(u.sym(), 1.0);
        for (Expr t : problem.targets()) out.put(t, 1.0);
        return out;
    }

    /** The graded target an answer is about: its left side, or the vector whose entry it states. */
    public Optional<Expr> gradedTarget(Answer a) {
        Expr lhs = a.claim().relations().get(0).lhs();
        Map<Expr, Double> targets = gradedTargets();
        if (targets.containsKey(lhs)) return Optional.of(lhs);
        if (lhs instanceof Index ix && targets.containsKey(ix.base())) return Optional.of(ix.base());
        return Optional.empty();
    }

    private static boolean unitVector(derivcheck.expr.Expr x) {
        return x instanceof derivcheck.expr.Index i && i.base() instanceof derivcheck.expr.Identity && i.indices().size() == 1;
    }
}
