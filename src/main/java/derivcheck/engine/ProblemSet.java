package derivcheck.engine;

import derivcheck.expr.Pos;
import derivcheck.latex.Answer;
import derivcheck.limits.Deadline;
import derivcheck.limits.InputLimits;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The prepared problems of one run (one or more specs): a text is read against each in turn and
 * goes to the first it reads in; then every answer it holds is checked there. Thread-safe: each
 * thread gets its own workers.
 */
public final class ProblemSet {
    private final List<PreparedProblem> problems;
    private final ThreadLocal<List<PreparedProblem.Worker>> workers;

    public ProblemSet(List<PreparedProblem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("no problem");
        this.problems = List.copyOf(problems);
        this.workers = ThreadLocal.withInitial(() -> this.problems.stream().map(PreparedProblem::worker).toList());
    }

    public List<PreparedProblem> problems() { return problems; }

    /**
     * Reads one display (or answer text) and checks every answer in it. Never throws: text that
     * does not read is one {@code unreadable} outcome with its located message; reading and each
     * answer's check run under the time limit.
     */
    public List<Checked> check(String text, Pos origin, SourceText source) {
        Optional<Diagnostic> refused = refuse(text, origin);
        if (refused.isPresent()) {
            ParseResult<Void> r = new ParseResult<>(Optional.empty(), List.of(refused.get()), source);
            return List.of(Checked.unreadable(origin, r.renderDiagnostics()));
        }
        List<PreparedProblem.Worker> mine = workers.get();
        ParseResult<List<Answer>> read = null;
        PreparedProblem.Worker which = null;
        Deadline d = Deadline.within(problems.get(0).options().timeLimit());
        try (Deadline.Scope s = d.enter()) {
            // a text goes to the first spec it reads in; specs it is known not to read in are skipped,
            // and when it reads in none, the diagnostics are always the first spec's (whatever was cached)
            for (PreparedProblem.Worker w : mine) {
                if (w.knownUnreadable(text)) continue;
                ParseResult<List<Answer>> r = w.read(text, origin, source);
                if (r.ok()) { read = r; which = w; break; }
            }
            if (which == null) read = mine.get(0).read(text, origin, source);
            d.check();
        } catch (Deadline.Expired e) {
            return List.of(Checked.timeout(origin, Optional.empty(), Optional.empty(), "reading: " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(Checked.unreadable(origin, origin.file() + ":" + origin.line() + ":" + origin.col()
                    + ": the answer could not be read (" + e.getClass().getSimpleName() + ")\n"));
        }
        if (which == null) {
            // an answer that reads but whose shapes do not fit is a wrong answer, not unreadable input
            Optional<derivcheck.check.AnswerReport> shape = derivcheck.check.ShapeErrors.asIncorrect(text, origin, read);
            if (shape.isPresent()) return List.of(Checked.of(shape.get(), problems.get(0), false));
            return List.of(Checked.unreadable(origin, read.renderDiagnostics()));
        }
        List<Checked> out = new ArrayList<>();
        for (Answer a : read.get()) out.add(which.check(a));
        if (mine.size() == 1 || out.stream().noneMatch(c -> c.status() == Checked.Status.INCORRECT)) return out;
        // An incorrect verdict against the first spec the text reads in may be a right answer to another
        // spec of the set (two specs with an unknown of one name): never a false alarm, so a text that is
        // incorrect here is judged against every other spec it reads in, and a reading under which it is
        // not incorrect wins.
        for (PreparedProblem.Worker w : mine) {
            if (w == which || w.knownUnreadable(text)) continue;
            ParseResult<List<Answer>> r;
            try (Deadline.Scope s = d.enter()) {
                r = w.read(text, origin, source);
            } catch (RuntimeException | StackOverflowError e) {
                continue;
            }
            if (!r.ok()) continue;
            List<Checked> other = new ArrayList<>();
            for (Answer a : r.get()) other.add(w.check(a));
            if (other.stream().noneMatch(c -> c.status() == Checked.Status.INCORRECT)) return other;
        }
        return out;
    }

    /** Caps checked before any parser sees the text: length and bracket nesting (docs/limits.md). */
    static Optional<Diagnostic> refuse(String text, Pos origin) {
        // the one scan that every reader runs first (limits/InputScan), located in the answer's document
        return derivcheck.limits.InputScan.answer(text).map(f -> new Diagnostic(new Pos(origin.file(), origin.line() + f.line() - 1,
                f.line() == 1 ? origin.col() + f.col() - 1 : f.col()), f.message()));
    }
}
