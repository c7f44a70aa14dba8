package derivcheck.serve;

import derivcheck.cas.Cas;
import derivcheck.check.AnswerChecker;
import derivcheck.check.AnswerReport;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.expr.Expr;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.model.Claim;
import derivcheck.model.Mistake;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.render.MathmlPrinter;
import derivcheck.render.MathmlStatement;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where the server meets the checking engine (latex/AnswerReader and
 * check/AnswerChecker), so that switching to a shared prepared-problem engine later touches this
 * file only. Everything it returns is the server's own records below; nothing else in serve/
 * imports check/ or latex/.
 *
 * <p>Reading is thread-safe: every request gets a fresh reader, so one student's answer never
 * changes how another's is read. Judging runs on one worker thread per instance: the instance
 * owns its computer-algebra engine and one checker per exercise (the derivation done once, on
 * first use or in the warm-up).
 */
final class Checking implements AutoCloseable {
    /** The file name diagnostics carry: the student's editor, never a path of the server. */
    static final String EDITOR = "answer";

    private final Cas cas;
    private final Engine engine;
    private final VerifyOptions options;
    private final boolean symbolic;
    private final Map<String, AnswerChecker> checkers = new HashMap<>();

    Checking(VerifyOptions options, boolean symbolic, Duration casLimit) {
        this.cas = new Cas(casLimit);
        this.engine = Engine.standard(cas);
        this.options = options;
        this.symbolic = symbolic;
    }

    // ---------------------------------------------------------------- preparation (at start)

    /** Reads a spec and prepares its exercise, or returns the spec's diagnostics. */
    static ParseResult<Exercise> prepare(SourceText spec, Optional<Checking> forSecrets) {
        ParseResult<Problem> r = SpecReader.read(spec);
        if (!r.ok()) return new ParseResult<>(Optional.empty(), r.diagnostics(), spec);
        Problem p = r.get();
        MathmlPrinter printer = MathmlPrinter.of(p);
        List<String> targets = p.targets().stream().map(t -> MathmlPrinter.math(printer.print(t), false)).toList();
        List<String> solutions = new ArrayList<>();
        List<Expr> secrets = new ArrayList<>();
        for (Claim e : p.expects()) {
            solutions.add(MathmlPrinter.math(printer.print(e.relations()), true));
            for (Relation rel : e.relations()) secrets.add(rel.rhs());
        }
        // a target without an expect: its derived value is the secret (derived once, here)
        boolean uncovered = p.targets().stream().anyMatch(t -> p.expects().stream()
                .noneMatch(e -> e.relations().get(0).lhs().equals(t)));
        if (uncovered && forSecrets.isPresent()) {
            try {
                Derivation d = forSecrets.get().engine.derive(p);
                for (Result res : d.results()) secrets.add(res.value());
            } catch (RuntimeException ignored) {
                // nothing derived: nothing of it can be quoted either
            }
        }
        Exercise ex = new Exercise(p.name(), p.title(), p.source(), p, spec, new MathmlStatement(p).write(), targets, solutions, secrets);
        return new ParseResult<>(Optional.of(ex), List.of(), spec);
    }

    /** Derives the exercise now (the checker keeps the derivation), by judging its own expected answer. */
    void warm(Exercise ex) {
        Problem p = ex.problem();
        if (p.expects().isEmpty()) return;
        Claim c = p.expects().get(0);
        checker(ex).check(new Answer(c.text(), c.pos(), c, List.of(c.pos().line()), "", false));
    }

    private AnswerChecker checker(Exercise ex) {
        return checkers.computeIfAbsent(ex.name(), n -> new AnswerChecker(engine, ex.problem(), options, symbolic));
    }

    // ---------------------------------------------------------------- reading (any thread)

    /** An error in the student's text, at an editor line and column. */
    record ReadError(int line, int col, int length, String message) {}

    /** One answer as read: where it is, the text as typed, its reading as spec text and as MathML. */
    record Reading(int line, List<Integer> lines, String input, String readAs, String mathml, Map<Integer, String> lineMathml) {}

    /** One chain of the editor, read: its answers, or the errors that kept it from being read. */
    record ChainRead(EditorText.Chain chain, List<Reading> readings, List<ReadError> errors, List<Answer> answers) {}

    /** The key of a chain in the caches: where it starts and what it says (its line gaps included). */
    static String key(EditorText.Chain c) { return c.firstLine() + "\u0000" + c.display(); }

    /**
     * Reads every chain of the editor text. A chain read before (same text at the same line) comes
     * from {@code cache}: as a student types, only the line that changed is read again.
     */
    static List<ChainRead> read(Exercise ex, String text, Lru<String, ChainRead> cache) {
        List<ChainRead> out = new ArrayList<>();
        AnswerReader[] reader = {null};
        for (EditorText.Chain c : EditorText.chains(text)) {
            out.add(cache.computeIfAbsent(key(c), k -> {
                if (reader[0] == null) reader[0] = Readers.of(ex).take();
                return readChain(ex, c, reader[0]);
            }));
        }
        return out;
    }

    /**
     * Fresh readers made ahead of time, one per request and never used twice, so that a request
     * neither shares a reader's scope with another student's answers nor waits for the spec to be
     * read again (about 10 ms). A background thread keeps a few ready per exercise.
     */
    static final class Readers {
        private static final int READY = 3;
        private static final Map<String, Readers> BY_EXERCISE = new java.util.concurrent.ConcurrentHashMap<>();
        private static final java.util.concurrent.ExecutorService MAKER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "derivcheck-serve-readers");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });

        private final Exercise ex;
        private final java.util.concurrent.ConcurrentLinkedQueue<AnswerReader> ready = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

        private Readers(Exercise ex) { this.ex = ex; }

        static Readers of(Exercise ex) { return BY_EXERCISE.computeIfAbsent(ex.name() + "\u0000" + ex.spec().name(), k -> new Readers(ex)); }

        /** Starts filling the pool (at server start). */
        void fill() {
            while (ready.size() + pending.get() < READY) {
                pending.incrementAndGet();
                MAKER.submit(() -> {
                    try {
                        ready.add(primed());
                    } catch (RuntimeException ignored) {
                        // the request path makes its own
                    } finally {
                        pending.decrementAndGet();
                    }
                });
            }
        }

        AnswerReader take() {
            AnswerReader r = ready.poll();
            fill();
            return r != null ? r : new AnswerReader(ex.problem(), ex.spec());
        }

        /** A reader that has read the spec: one trivial claim about a declared name, which declares nothing. */
        private AnswerReader primed() {
            AnswerReader r = new AnswerReader(ex.problem(), ex.spec());
            ex.problem().symbols().findFirst().ifPresent(s -> {
                String t = s.name() + " = " + s.name();
                r.read(t, new Pos(EDITOR, 1, 1), new SourceText(EDITOR, t));
            });
            return r;
        }
    }

    private static ChainRead readChain(Exercise ex, EditorText.Chain c, AnswerReader reader) {
        MathmlPrinter printer = MathmlPrinter.of(ex.problem());
        {
            String display = c.display();
            Pos origin = new Pos(EDITOR, c.firstLine(), 1);
            ParseResult<List<Answer>> r;
            try {
                r = reader.read(display, origin, new SourceText(EDITOR, display));
            } catch (RuntimeException | StackOverflowError e) {
                // the reader's own failure on odd input: this chain is unreadable, the rest goes on
                return new ChainRead(c, List.of(), List.of(new ReadError(c.firstLine(), 1, 1, "this line cannot be read")), List.of());
            }
            if (!r.ok()) {
                List<ReadError> errors = new ArrayList<>();
                for (Diagnostic d : r.diagnostics()) errors.add(located(c, d));
                return new ChainRead(c, List.of(), errors, List.of());
            }
            List<Reading> readings = new ArrayList<>();
            for (Answer a : r.get()) {
                List<Integer> lines = sideLines(c, a);
                readings.add(new Reading(a.pos().line(), lines, a.input(), a.readAs(),
                        MathmlPrinter.math(printer.print(a.claim().relations()), false), perLine(printer, a.claim().relations(), lines)));
            }
            return new ChainRead(c, readings, List.of(), r.get());
        }
    }

    /**
     * What each editor line of a chain says, typeset: the first line {@code a = b}, a continuation
     * {@code = c}; relations written on one line stay together.
     */
    private static Map<Integer, String> perLine(MathmlPrinter printer, List<Relation> rels, List<Integer> lines) {
        Map<Integer, StringBuilder> out = new java.util.TreeMap<>();
        for (int k = 0; k < rels.size(); k++) {
            Relation r = rels.get(k);
            int at = k + 1 < lines.size() ? lines.get(k + 1) : lines.get(lines.size() - 1);
            StringBuilder b = out.get(at);
            if (b == null) {
                b = new StringBuilder();
                out.put(at, b);
                if (k == 0) b.append(printer.print(r.lhs()));
            }
            b.append(MathmlPrinter.op(r.op())).append(printer.print(r.rhs()));
        }
        Map<Integer, String> m = new java.util.LinkedHashMap<>();
        out.forEach((line, b) -> m.put(line, MathmlPrinter.math("<mrow>" + b + "</mrow>", false)));
        return m;
    }

    private static ReadError located(EditorText.Chain c, Diagnostic d) {
        if (!c.latex() && c.lines().size() > 1 && d.pos().line() == c.firstLine()) {
            int[] at = c.asciiPosition(d.pos().col());
            return new ReadError(at[0], at[1], d.length(), d.message());
        }
        return new ReadError(d.pos().line(), d.pos().col(), d.length(), d.message());
    }

    /**
     * The editor line of each side of a chain. The reader knows them for LaTeX; an ASCII chain is
     * read as one line, so there side k is on the chain's k-th line when each line adds one side.
     */
    private static List<Integer> sideLines(EditorText.Chain c, Answer a) {
        List<Integer> lines = a.sideLines();
        int sides = a.claim().relations().size() + 1;
        if (!a.latex() && c.lines().size() > 1 && sides == c.lines().size() + 1) {
            List<Integer> out = new ArrayList<>();
            out.add(c.firstLine());
            for (EditorText.Line l : c.lines()) out.add(l.number());
            return out;
        }
        return lines;
    }

    // ---------------------------------------------------------------- judging (this instance's thread)

    /** The verdict on one step of a chain, at the line where its right side is written. */
    record StepJudged(int line, String from, String to, String verdict, Map<String, Object> counterexample, String explanation,
                      String explanationHtml) {}

    /** The verdict on one answer, with the fields of {@code check --json} and the step verdicts. */
    record Judged(Reading reading, String target, String verdict, String symbolic, Map<String, Object> numeric,
                  String diagnosis, String feedback, Map<String, Object> counterexample, List<StepJudged> steps,
                  Integer firstFalseStep) {}

    List<Judged> judge(Exercise ex, ChainRead chain) {
        List<Judged> out = new ArrayList<>();
        MathmlPrinter printer = MathmlPrinter.of(ex.problem());
        for (int k = 0; k < chain.answers().size(); k++) {
            Answer a = chain.answers().get(k);
            Reading reading = chain.readings().get(k);
            AnswerReport rep = checker(ex).check(a);
            List<StepJudged> steps = new ArrayList<>();
            List<Relation> rels = a.claim().relations();
            for (int s = 0; s < rep.steps().size(); s++) {
                AnswerReport.Step st = rep.steps().get(s);
                int line = s + 1 < reading.lines().size() ? reading.lines().get(s + 1) : st.line();
                Optional<NumericVerdict.Counterexample> cx = st.verdict() == AnswerReport.Word.INCORRECT
                        ? st.numeric().flatMap(NumericVerdict::counterexample) : Optional.empty();
                RelOp op = s < rels.size() ? rels.get(s).op() : RelOp.EQ;
                String why = cx.map(x -> Explain.step(op, x)).orElse(null);
                String whyHtml = cx.map(x -> Explain.stepHtml(printer, op, x)).orElse(null);
                steps.add(new StepJudged(line, st.from(), st.to(), st.verdict().word(), cx.map(NumericVerdict.Counterexample::toMap).orElse(null),
                        why, whyHtml));
            }
            Optional<NumericVerdict.Counterexample> cx = rep.verdict() == AnswerReport.Word.INCORRECT
                    ? rep.numeric().flatMap(NumericVerdict::counterexample) : Optional.empty();
            String diagnosis = rep.diagnosis().orElse(null);
            String feedback = diagnosis == null ? null : ex.problem().mistakes().stream().map(Mistake::feedback)
                    .filter(diagnosis::equals).findFirst().orElse(null);
            Integer first = steps.stream().filter(s -> s.verdict().equals("incorrect")).map(StepJudged::line).findFirst().orElse(null);
            out.add(new Judged(reading, rep.target(), rep.verdict().word(), rep.symbolic(), rep.numeric().map(NumericVerdict::toMap).orElse(null),
                    diagnosis, feedback, cx.map(NumericVerdict.Counterexample::toMap).orElse(null), steps, first));
        }
        return out;
    }

    @Override public void close() { cas.close(); }
}
