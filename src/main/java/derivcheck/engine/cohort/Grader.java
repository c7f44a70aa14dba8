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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private final ProblemSet problems;
    private final int jobs;

    public Grader(ProblemSet problems, int jobs) {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1");
        this.problems = problems;
        this.jobs = jobs;
    }

    /** Grades every file; {@code progress} is told the number of files done so far (from the worker threads). */
    public List<FileResult> grade(Path folder, List<Submission> submissions, IntConsumer progress) throws InterruptedException {
        List<Task> tasks = new ArrayList<>();
        for (Submission s : submissions) {
            for (Path f : s.files()) tasks.add(new Task(s.student(), f, folder.relativize(f).toString()));
        }
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        if (jobs == 1) {
            List<FileResult> out = new ArrayList<>();
            for (Task t : tasks) { out.add(gradeFile(t)); progress.accept(done.incrementAndGet()); }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "grade");
            t.setDaemon(true);
            return t;
        });
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
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Task t = tasks.get(i);
                    out.add(new FileResult(t.student, t.shown, List.of(unreadable(new Pos(t.shown, 1, 1), "grading stopped: " + e.getCause()))));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Task(String student, Path file, String shown) {}

    private FileResult gradeFile(Task t) {
        try {
            SubmissionText.Read read = SubmissionText.read(t.file, t.shown);
            if (!read.ok()) return new FileResult(t.student, t.shown, List.of(unreadable(read.errorPos(), read.error())));
            SourceText source = new SourceText(t.shown, read.text());
            if (read.units().isEmpty()) {
                return new FileResult(t.student, t.shown, List.of(unreadable(new Pos(t.shown, 1, 1),
                        "no answer found: write each answer in display math ($$...$$, \\[...\\], equation, align), or one per line in a .txt file")));
            }
            List<Checked> out = new ArrayList<>();
            List<SubmissionText.Unit> units = read.units();
            for (int k = 0; k < units.size(); k++) {
                if (k == InputLimits.MAX_DISPLAYS) {
                    out.add(unreadable(units.get(k).pos(), "more than " + InputLimits.MAX_DISPLAYS + " answers in one file: the rest is not read"));
                    break;
                }
                out.addAll(problems.check(units.get(k).text(), units.get(k).pos(), source));
            }
            return new FileResult(t.student, t.shown, out);
        } catch (RuntimeException | StackOverflowError e) {
            return new FileResult(t.student, t.shown, List.of(unreadable(new Pos(t.shown, 1, 1), "grading stopped: " + e)));
        }
    }

    private static Checked unreadable(Pos pos, String message) {
        return Checked.unreadable(pos, new ParseResult<Void>(Optional.empty(), List.of(new Diagnostic(pos, message)),
                new SourceText(pos.file(), "")).renderDiagnostics());
    }
}
