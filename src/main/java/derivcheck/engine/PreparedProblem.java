package derivcheck.engine;

import derivcheck.check.AnswerChecker;
import derivcheck.check.AnswerReport;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.expr.Expr;
import derivcheck.expr.Index;
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
            this.checker = new AnswerChecker(p.engine, p.problem, p.options.verify(), p.options.symbolic(), p::derivation);
        }

        public PreparedProblem problem() { return prepared; }

        /** Reads one display (or --answer text) against this spec, each answer in a fresh scope. */
        public ParseResult<List<Answer>> read(String text, derivcheck.expr.Pos origin, SourceText source) {
            return reader.read(text, origin, source);
        }

        /**
         * Checks one answer under a deadline of its own. An answer identical (as read) to one checked
         * before against this spec gets that verdict again, with its own position and lines.
         */
        public Checked check(Answer a) {
            String key = a.readAs();
            CompletableFuture<AnswerReport> mine = new CompletableFuture<>();
            CompletableFuture<AnswerReport> known = prepared.verdicts.putIfAbsent(key, mine);
            if (known != null) {
                AnswerReport r = known.join();
                if (r != null) return Checked.of(relocated(r, a), prepared, true);
                // the earlier check of this answer ran out of time: try again, on this answer's own budget
            }
            Deadline d = Deadline.within(prepared.options.timeLimit());
            AnswerReport r;
            try (Deadline.Scope s = d.enter()) {
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

    /** A verdict of an identical answer, given this answer's text, position and step lines. */
    private static AnswerReport relocated(AnswerReport r, Answer a) {
        List<AnswerReport.Step> steps = new ArrayList<>();
        for (int k = 0; k < r.steps().size(); k++) {
            AnswerReport.Step s = r.steps().get(k);
            int line = k + 1 < a.sideLines().size() ? a.sideLines().get(k + 1) : a.pos().line();
            steps.add(new AnswerReport.Step(line, s.from(), s.to(), s.verdict(), s.numeric()));
        }
        return new AnswerReport(a, r.target(), r.verdict(), r.symbolic(), r.numeric(), r.diagnosis(), steps);
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
}
