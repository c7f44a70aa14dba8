package derivcheck.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import derivcheck.cas.Cas;
import derivcheck.derive.Engine;
import derivcheck.engine.EngineOptions;
import derivcheck.engine.PreparedProblem;
import derivcheck.engine.ProblemSet;
import derivcheck.engine.cohort.CohortReport;
import derivcheck.engine.cohort.FileResult;
import derivcheck.engine.cohort.Grader;
import derivcheck.engine.cohort.ReportFiles;
import derivcheck.engine.cohort.Submission;
import derivcheck.io.OutputFiles;
import derivcheck.render.ProblemJson;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {
            "Grade a folder of submissions against one or more problems.",
            "",
            "SUBMISSIONS is a folder with one file or one sub-folder per student (.tex, .md or .txt files); the student id is",
            "the file name without its extension, or the sub-folder's name. Every display ($$..$$, \\[..\\], equation, align,",
            "gather) of a .tex or .md file is an answer (a .txt file without displays: one answer per line), read against the",
            "first spec it reads in and judged as 'derivcheck check' judges it: correct, incorrect (only with a numeric",
            "counterexample), undecided; text that cannot be read is 'unreadable' with its position, an answer that runs out",
            "of --time-limit is 'timeout'. A broken file (too large, not UTF-8, binary, hostile) never stops the batch.",
            "",
            "Each answer is read on its own (nothing one student writes changes how another's is read); identical answers are",
            "checked once. The summary (per problem: counts and the most common mistakes with the spec's feedback) goes to",
            "stdout; --csv, --json and --gradescope write files, atomically, never inside SUBMISSIONS and never over an existing",
            "report without --force. Scores come from the spec's 'points N' clauses on its finds (1 point per find without them);",
            "a student's last answer to a target counts. The reports are identical for any --jobs.",
            "",
            "Exit codes: 0 graded (whatever the verdicts), 2 bad arguments or a spec that does not read."},
        footer = {"", "Examples:",
            "  derivcheck grade problems/EXERCISE.prob submissions/",
            "  derivcheck grade problems/EXERCISE.prob submissions/ --csv grades.csv --json grades.json --gradescope gradescope/",
            "  derivcheck grade sheet/*.prob submissions/ --jobs 2 --time-limit 2 --force --csv grades.csv",
            "",
            "CSV columns: " + "student, file, line, problem, target, verdict, first_false_step, diagnosis, feedback, score",
            "See docs/grade.md for the JSON fields and the Gradescope layout (DIR/<student>/results.json)."})
final class GradeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC.prob... SUBMISSIONS", arity = "2..*", description = "one or more specs (.prob), then the submissions folder")
    List<Path> inputs;

    @Option(names = "--csv", paramLabel = "FILE", description = "write one CSV row per student x answer")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "write every verdict and the summary as JSON")
    Path json;

    @Option(names = "--gradescope", paramLabel = "DIR", description = "write DIR/<student>/results.json (Gradescope's format)")
    Path gradescope;

    @Option(names = "--force", description = "overwrite existing reports")
    boolean force;

    @Option(names = "--jobs", paramLabel = "N", description = "threads checking answers (default: all cores)",
            defaultValue = "0")
    int jobs;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "12", description = "numeric samples per check (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the numeric sampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "5", description = "wall-clock limit of each answer (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--no-symbolic", description = "numeric tier only")
    boolean noSymbolic;

    @Option(names = "--no-progress", description = "no progress bar (there is none anyway when the output is not a terminal)")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        Console out = new Console();
        List<Path> specs = new ArrayList<>(inputs.subList(0, inputs.size() - 1));
        Path folder = inputs.get(inputs.size() - 1);
        if (!Files.isDirectory(folder)) { out.error("derivcheck grade: " + folder + ": not a folder (the last argument is the submissions folder)"); return ExitCode.BAD_INPUT; }
        for (Path s : specs) {
            if (!s.toString().endsWith(".prob")) { out.error("derivcheck grade: " + s + ": not a spec (.prob); give the specs, then the submissions folder"); return ExitCode.BAD_INPUT; }
            if (!Files.isRegularFile(s)) { out.error(s + ": no such file"); return ExitCode.BAD_INPUT; }
        }
        if (timeLimit <= 0 || samples < 1) { out.error("derivcheck grade: --time-limit and --samples must be positive"); return ExitCode.BAD_INPUT; }
        int n = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        List<Path> read = new ArrayList<>(inputs);
        for (Path target : new Path[] {csv, json}) {
            if (target == null) continue;
            if (Outputs.refused(out, "grade", target, read)) return ExitCode.BAD_INPUT;
            Optional<String> no = ReportFiles.refusal(target, folder, force);
            if (no.isPresent()) { out.error("derivcheck grade: " + no.get()); return ExitCode.BAD_INPUT; }
        }
        if (csv != null && json != null && csv.toAbsolutePath().normalize().equals(json.toAbsolutePath().normalize())) {
            out.error("derivcheck grade: error: cannot write " + json + ": it is also the --csv report");
            return ExitCode.BAD_INPUT;
        }
        if (gradescope != null) {
            if (Outputs.folderRefused(out, "grade", gradescope, read)) return ExitCode.BAD_INPUT;
            if (ReportFiles.inside(gradescope, folder)) { out.error("derivcheck grade: " + gradescope + ": inside the submissions folder, which grade never writes to"); return ExitCode.BAD_INPUT; }
            if (Files.exists(gradescope) && !force && (!Files.isDirectory(gradescope) || notEmpty(gradescope))) {
                out.error("derivcheck grade: " + gradescope + ": exists and is not empty; give --force to overwrite its results");
                return ExitCode.BAD_INPUT;
            }
        }
        EngineOptions options = EngineOptions.of(samples, seed, timeLimit, !noSymbolic);
        long t0 = System.nanoTime();
        CohortReport report;
        int answers, students;
        try (Cas cas = new Cas(options.timeLimit())) {
            Engine engine = Engine.standard(cas);
            List<PreparedProblem> prepared = new ArrayList<>();
            for (Path f : specs) {
                ParseResult<PreparedProblem> r = PreparedProblem.read(new SourceText(f.toString(), Files.readString(f, StandardCharsets.UTF_8)), engine, options);
                if (!r.ok()) { out.errorRaw(r.renderDiagnostics()); return ExitCode.BAD_INPUT; }
                prepared.add(r.get());
            }
            // the symbolic tier needs each derivation (and the CAS started): begin them while the folder is listed
            if (!noSymbolic) {
                Thread t = new Thread(() -> prepared.forEach(PreparedProblem::derivation), "derive");
                t.setDaemon(true);
                t.start();
            }
            List<Submission> submissions = Submission.scan(folder);
            int files = submissions.stream().mapToInt(s -> s.files().size()).sum();
            Grader grader = new Grader(new ProblemSet(prepared), n);
            List<FileResult> results;
            try (Progress p = Progress.of(!noProgress, files)) {
                results = grader.grade(folder, submissions, p);
            }
            report = new CohortReport(prepared, submissions, results);
            students = submissions.size();
            answers = report.rows().size();
            int distinct = prepared.stream().mapToInt(PreparedProblem::distinctAnswers).sum();
            double secs = (System.nanoTime() - t0) / 1e9;
            out.println(report.summary());
            out.error(String.format(java.util.Locale.ROOT, "graded %d answer(s) of %d student(s) in %.2f s (%.0f answers/s, %d job(s)); %d distinct answer(s) checked",
                    answers, students, secs, answers / Math.max(secs, 1e-9), n, distinct));
        }
        ObjectWriter pretty = ProblemJson.MAPPER.writerWithDefaultPrettyPrinter();
        if (csv != null) OutputFiles.write(csv, report::writeCsv);
        if (json != null) OutputFiles.write(json, w -> pretty.writeValue(w, report.json(ProblemJson.MAPPER)));
        if (gradescope != null) {
            for (String student : report.students()) {
                Path f = gradescope.resolve(safeName(student)).resolve("results.json");
                OutputFiles.write(f, w -> pretty.writeValue(w, report.gradescope(ProblemJson.MAPPER, student)));
            }
        }
        return ExitCode.OK;
    }

    private static boolean notEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    /** A student id as one folder name: no separators, no dot-only names. */
    static String safeName(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._@+-]", "_");
        return t.isEmpty() || t.chars().allMatch(c -> c == '.') ? "_" + t : t;
    }

    /** The progress bar: on a terminal only (nothing of it otherwise). */
    private static final class Progress implements IntConsumer, AutoCloseable {
        private final ProgressBar bar;

        private Progress(ProgressBar bar) { this.bar = bar; }

        static Progress of(boolean wanted, int max) {
            if (!wanted || System.console() == null) return new Progress(null);
            return new Progress(new ProgressBarBuilder().setTaskName("grading").setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).build());
        }

        @Override public synchronized void accept(int done) {
            if (bar != null && done > bar.getCurrent()) bar.stepTo(done);
        }

        @Override public void close() {
            if (bar != null) bar.close();
        }
    }
}
