package derivcheck.engine.cohort;

import derivcheck.engine.Checked;
import derivcheck.engine.ProblemSet;
import derivcheck.expr.Pos;
import derivcheck.limits.InputLimits;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Grades a cohort: every file of every submission, read and checked against the problem set, on
 * {@code jobs} threads. The results come back in submission order whatever the number of jobs;
 * each answer is checked on its own (a fresh reading scope, its own deadline), identical answers
 * share one check. A file that cannot be read (too large, not UTF-8, binary, no answers) is one
 * {@code unreadable} outcome with its located message; the batch always goes on.
 */
public final class Grader {
    private final Checker problems;
    private final java.time.Duration timeLimit;
    private final int jobs;

    /** What checks one text (a display) of a file: {@link ProblemSet#check} outside tests. */
    public interface Checker {
        List<Checked> check(String text, Pos origin, SourceText source);
    }

    public Grader(ProblemSet problems, int jobs) {
        this(problems::check, problems.problems().get(0).options().timeLimit(), jobs);
    }

    public Grader(Checker checker, java.time.Duration timeLimit, int jobs) {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1");
        this.problems = checker;
        this.timeLimit = timeLimit;
        this.jobs = jobs;
    }

    /**
     * Grades every file; {@code progress} is told the number of files done so far (from the worker
     * threads). A file whose grading makes no progress for three time limits and two seconds (a stage
     * that ignores the deadline) is given up: its answers become one {@code timeout} row, its thread
     * is interrupted and left behind, and a new thread takes its place, so the batch goes on.
     */
    public List<FileResult> grade(Path folder, List<Submission> submissions, IntConsumer progress) throws InterruptedException {
        List<Task> tasks = new ArrayList<>();
        for (Submission s : submissions) {
            for (Path f : s.files()) tasks.add(new Task(s.student(), f, folder.relativize(f).toString()));
        }
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(jobs, jobs, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "grade");
            t.setDaemon(true);
            return t;
        });
        long stall = timeLimit.multipliedBy(3).plusSeconds(2).toNanos();
        int abandoned = 0;
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (Task t : tasks) {
                futures.add(pool.submit(() -> {
                    FileResult r = gradeFile(t);
                    progress.accept(done.incrementAndGet());
                    return r;
                }));
            }
            List<FileResult> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Task t = tasks.get(i);
                while (true) {
                    try {
                        out.add(futures.get(i).get(200, TimeUnit.MILLISECONDS));
                        break;
                    } catch (TimeoutException e) {
                        long p = t.progress;
                        if (p != 0 && System.nanoTime() - p > stall) {
                            futures.get(i).cancel(true);
                            abandoned++;
                            pool.setMaximumPoolSize(jobs + abandoned);
                            pool.setCorePoolSize(jobs + abandoned);
                            out.add(new FileResult(t.student, t.shown, List.of(Checked.timeout(new Pos(t.shown, t.line, 1), java.util.Optional.empty(),
                                    java.util.Optional.empty(), "no progress for " + derivcheck.limits.Deadline.seconds(java.time.Duration.ofNanos(stall))
                                    + " (three time limits and 2 s): grading of this file was given up"))));
                            progress.accept(done.incrementAndGet());
                            break;
                        }
                    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                        out.add(new FileResult(t.student, t.shown, List.of(unreadable(new Pos(t.shown, 1, 1), "grading stopped: " + e.getCause()))));
                        break;
                    }
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One file to grade; {@code progress} is when its current answer began (0: not started), {@code line} where it is. */
    private static final class Task {
        final String student;
        final Path file;
        final String shown;
        volatile long progress;
        volatile int line = 1;

        Task(String student, Path file, String shown) {
            this.student = student;
            this.file = file;
            this.shown = shown;
        }
    }

    private FileResult gradeFile(Task t) {
        t.progress = System.nanoTime();
        try {
            SubmissionText.Read read = SubmissionText.read(t.file, t.shown);
            if (!read.ok()) return new FileResult(t.student, t.shown, List.of(unreadable(read.errorPos(), read.error())));
            SourceText source = new SourceText(t.shown, read.text());
            List<Pos> empties = derivcheck.latex.Displays.empties(t.shown, read.text());
            if (read.units().isEmpty()) {
                int empty = empties.size();
                String why = read.text().isBlank() ? "no answer found: the file is empty"
                        : empty > 0 ? "no answer found: its " + empty + " display(s) are empty"
                        : "no answer found: write each answer in display math ($$...$$, \\[...\\], equation, align), or one per line in a .txt file";
                return new FileResult(t.student, t.shown, List.of(unreadable(new Pos(t.shown, 1, 1), why)));
            }
            List<Checked> out = new ArrayList<>();
            List<SubmissionText.Unit> units = read.units();
            for (int k = 0; k < units.size(); k++) {
                t.progress = System.nanoTime();
                t.line = units.get(k).pos().line();
                if (k == InputLimits.MAX_DISPLAYS) {
                    out.add(unreadable(units.get(k).pos(), "more than " + InputLimits.MAX_DISPLAYS + " answers in one file: the rest is not read"));
                    break;
                }
                out.addAll(problems.check(units.get(k).text(), units.get(k).pos(), source));
            }
            return new FileResult(t.student, t.shown, out, empties);
        } catch (RuntimeException | StackOverflowError e) {
            return new FileResult(t.student, t.shown, List.of(unreadable(new Pos(t.shown, 1, 1), "grading stopped: " + e)));
        }
    }

    private static Checked unreadable(Pos pos, String message) {
        return Checked.unreadable(pos, new ParseResult<Void>(Optional.empty(), List.of(new Diagnostic(pos, message)),
                new SourceText(pos.file(), "")).renderDiagnostics());
    }
}
