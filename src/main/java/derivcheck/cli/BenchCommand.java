package derivcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.cas.Cas;
import derivcheck.derive.Engine;
import derivcheck.engine.Checked;
import derivcheck.engine.EngineOptions;
import derivcheck.engine.PreparedProblem;
import derivcheck.engine.ProblemSet;
import derivcheck.engine.cohort.CohortGenerator;
import derivcheck.engine.cohort.CohortKey;
import derivcheck.engine.cohort.CohortReport;
import derivcheck.engine.cohort.Grader;
import derivcheck.engine.cohort.Submission;
import derivcheck.engine.cohort.SubmissionText;
import derivcheck.latex.Answer;
import derivcheck.io.OutputFiles;
import derivcheck.render.ProblemJson;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Measure how fast answers are checked and cohorts graded, on this machine.",
            "",
            "Three figures, against the targets of docs/grade.md: a warm check of a typical answer (the spec prepared, the",
            "answer read and judged, its verdict not reused: median and p99, and the same with the verdict reused as in a",
            "cohort); the throughput of grading a generated cohort (rewrites and slips of the spec's own expected answers,",
            "--students of them, on --jobs threads), checked against the generator's key; and the cold one-shot time of",
            "'LAUNCHER check SPEC --answer TEXT' as a new process. The output names the machine (CPU, cores, JDK) and prints",
            "the figures of the last run committed in the repository (--last) beside the new ones; --save writes the new ones.",
            "Nothing here is a unit test: timings are only measured by this command."},
        footer = {"", "Examples:",
            "  derivcheck bench problems/EXERCISE.prob",
            "  derivcheck bench problems/EXERCISE.prob --students 10000 --save docs/bench-last.json --force"})
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC.prob", arity = "1", description = "the spec whose answers are measured") Path spec;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "2000", description = "warm checks measured (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--students", paramLabel = "N", defaultValue = "10000", description = "size of the generated cohort (default: ${DEFAULT-VALUE})")
    int students;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "0", description = "grading threads (default: all cores)")
    int jobs;

    @Option(names = "--cold-runs", paramLabel = "N", defaultValue = "5", description = "one-shot processes timed (default: ${DEFAULT-VALUE}; 0 skips)")
    int coldRuns;

    @Option(names = "--launcher", paramLabel = "PATH", defaultValue = "./derivcheck", description = "the launcher run cold (default: ${DEFAULT-VALUE})")
    Path launcher;

    @Option(names = "--last", paramLabel = "FILE", defaultValue = "docs/bench-last.json", description = "figures of the last committed run (default: ${DEFAULT-VALUE})")
    Path last;

    @Option(names = "--save", paramLabel = "FILE", description = "write this run's figures (JSON) to FILE")
    Path save;

    @Option(names = "--force", description = "overwrite the --save file")
    boolean force;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "12", description = "numeric samples per check (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--no-symbolic", description = "numeric tier only")
    boolean noSymbolic;

    // targets (docs/grade.md)
    private static final double WARM_MEDIAN_MS = 0.1, WARM_P99_MS = 2, ANSWERS_PER_S = 10_000, COLD_S = 0.5;

    @Override public Integer call() throws Exception {
        Console out = new Console();
        if (!Files.isRegularFile(spec)) { out.error(spec + ": no such file"); return ExitCode.BAD_INPUT; }
        if (Outputs.refused(out, "bench", save, List.of(spec, launcher))) return ExitCode.BAD_INPUT;
        if (save != null && Files.exists(save) && !force) { out.error(save + ": exists; give --force to overwrite it"); return ExitCode.BAD_INPUT; }
        SourceText text = new SourceText(spec.toString(), Files.readString(spec, StandardCharsets.UTF_8));
        int n = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        EngineOptions options = EngineOptions.of(samples, 1, 5, !noSymbolic);
        ObjectNode now = ProblemJson.MAPPER.createObjectNode();
        now.set("machine", machine());
        now.put("date", Instant.now().toString().substring(0, 10));
        now.put("spec", spec.getFileName().toString());
        now.put("symbolic", !noSymbolic);

        // ---- answers to measure: one cohort file per variant, read as a grader reads it
        Path tmp = Files.createTempDirectory("derivcheck-bench");
        try (Cas cas = new Cas(options.timeLimit())) {
            Engine engine = Engine.standard(cas);
            ParseResult<PreparedProblem> pr = PreparedProblem.read(text, engine, options);
            if (!pr.ok()) { out.errorRaw(pr.renderDiagnostics()); return ExitCode.BAD_INPUT; }
            CohortGenerator gen = new CohortGenerator(List.of(pr.get().problem()), List.of(text));
            if (!gen.possible()) { out.error("derivcheck bench: " + spec + " has no expect of the form target = value to vary"); return ExitCode.BAD_INPUT; }
            Path sample = tmp.resolve("sample");
            gen.write(sample, 200, 2, false);
            List<SubmissionText.Unit> units = new ArrayList<>();
            List<SourceText> sources = new ArrayList<>();
            for (Submission s : Submission.scan(sample)) {
                for (Path f : s.files()) {
                    SubmissionText.Read r = SubmissionText.read(f, f.getFileName().toString());
                    for (SubmissionText.Unit u : r.units()) { units.add(u); sources.add(new SourceText(f.toString(), r.text())); }
                }
            }
            now.set("warm", warm(pr.get(), units, sources));

            // ---- grading throughput: a fresh preparation, an empty verdict table
            Path cohort = tmp.resolve("cohort");
            List<CohortGenerator.KeyRow> key = gen.write(cohort, students, 1, false);
            ParseResult<PreparedProblem> fresh = PreparedProblem.read(text, engine, options);
            List<Submission> subs = Submission.scan(cohort);
            long t0 = System.nanoTime();
            var results = new Grader(new ProblemSet(List.of(fresh.get())), n).grade(cohort, subs, k -> { });
            double secs = (System.nanoTime() - t0) / 1e9;
            CohortReport report = new CohortReport(List.of(fresh.get()), subs, results);
            CohortKey.Comparison cmp = CohortKey.compare(key, CohortKey.rows(report));
            ObjectNode g = now.putObject("grade");
            g.put("students", subs.size());
            g.put("answers", report.rows().size());
            g.put("distinct_answers", fresh.get().distinctAnswers());
            g.put("jobs", n);
            g.put("seconds", round(secs));
            g.put("answers_per_s", Math.round(report.rows().size() / secs));
            g.put("agree_with_key", cmp.agree());
            g.put("contradict_key", cmp.wrong());
            g.put("undecided", cmp.missed());
        } finally {
            deleteTree(tmp);
        }

        // ---- cold one-shot
        if (coldRuns > 0 && Files.isExecutable(launcher)) {
            now.set("cold", cold(text));
        }

        JsonNode before = Files.isRegularFile(last) ? ProblemJson.MAPPER.readTree(last.toFile()) : null;
        out.println(table(now, before));
        if (save != null) OutputFiles.write(save, w -> ProblemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, now));
        return ExitCode.OK;
    }

    private ObjectNode warm(PreparedProblem p, List<SubmissionText.Unit> units, List<SourceText> sources) {
        PreparedProblem.Worker w = p.worker();
        // warm-up: the JIT, the derivation (if the symbolic tier asks for it), the sample points
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (int k = 0; System.nanoTime() < until || k < 200; k++) once(w, units.get(k % units.size()), sources.get(k % units.size()), false);
        double[] fresh = new double[iterations], reused = new double[iterations];
        for (int k = 0; k < iterations; k++) {
            int i = k % units.size();
            long a = System.nanoTime();
            once(w, units.get(i), sources.get(i), false);
            fresh[k] = (System.nanoTime() - a) / 1e6;
        }
        for (int k = 0; k < iterations; k++) {
            int i = k % units.size();
            long a = System.nanoTime();
            once(w, units.get(i), sources.get(i), true);
            reused[k] = (System.nanoTime() - a) / 1e6;
        }
        ObjectNode n = ProblemJson.MAPPER.createObjectNode();
        n.put("answers", units.size());
        n.put("iterations", iterations);
        n.put("median_ms", round(pct(fresh, 50)));
        n.put("p99_ms", round(pct(fresh, 99)));
        n.put("reused_median_ms", round(pct(reused, 50)));
        n.put("reused_p99_ms", round(pct(reused, 99)));
        return n;
    }

    private static void once(PreparedProblem.Worker w, SubmissionText.Unit u, SourceText s, boolean reuse) {
        ParseResult<List<Answer>> r = reuse ? w.read(u.text(), u.pos(), s) : w.readWithoutReuse(u.text(), u.pos(), s);
        if (!r.ok()) return;
        for (Answer a : r.get()) {
            Checked c = reuse ? w.check(a) : w.checkWithoutReuse(a);
            if (c.status() == null) throw new IllegalStateException();
        }
    }

    private ObjectNode cold(SourceText text) throws IOException, InterruptedException {
        String answer = "x = 1";
        // a right answer of the spec, as the generator writes it (ASCII, so any shell takes it)
        for (String line : Files.readAllLines(Path.of(text.name()))) {
            String t = line.strip();
            if (t.startsWith("expect ") && t.contains("=") && !t.contains(" for ")) { answer = t.substring(7); break; }
        }
        List<String> cmd = List.of(launcher.toString(), "check", text.name(), "--answer", answer);
        run(cmd); // builds the jar and the start-up archive if needed
        double[] s = new double[coldRuns];
        for (int k = 0; k < coldRuns; k++) {
            long a = System.nanoTime();
            run(cmd);
            s[k] = (System.nanoTime() - a) / 1e9;
        }
        ObjectNode n = ProblemJson.MAPPER.createObjectNode();
        n.put("runs", coldRuns);
        n.put("median_s", round(pct(s, 50)));
        n.put("best_s", round(Arrays.stream(s).min().orElse(0)));
        n.put("command", String.join(" ", cmd));
        return n;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) { p.destroyForcibly(); throw new IOException("the cold run took more than 120 s"); }
    }

    static ObjectNode machine() {
        ObjectNode m = ProblemJson.MAPPER.createObjectNode();
        String cpu = "unknown";
        try (Stream<String> l = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = l.filter(s -> s.startsWith("model name")).map(s -> s.substring(s.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the JVM's architecture only
            cpu = System.getProperty("os.arch");
        }
        m.put("cpu", cpu);
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try {
            // the machine may be shared: the load while measuring says how much of it the run had
            m.put("load_average", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            m.put("load_average", "unknown");
        }
        return m;
    }

    private static String table(JsonNode now, JsonNode before) {
        StringBuilder b = new StringBuilder();
        JsonNode m = now.get("machine");
        b.append("machine: ").append(m.get("cpu").asText()).append(", ").append(m.get("cores").asInt()).append(" core(s), ")
                .append(m.get("jdk").asText()).append(", load average ").append(m.path("load_average").asText()).append('\n');
        if (before != null && before.has("machine")) {
            JsonNode bm = before.get("machine");
            b.append("last committed run: ").append(before.path("date").asText("?")).append(" on ").append(bm.path("cpu").asText())
                    .append(", ").append(bm.path("cores").asInt()).append(" core(s), ").append(bm.path("jdk").asText()).append('\n');
        }
        JsonNode g = now.path("grade");
        b.append("spec: ").append(now.get("spec").asText()).append("; cohort: ").append(g.path("answers").asInt()).append(" answers of ")
                .append(g.path("students").asInt()).append(" students, ").append(g.path("distinct_answers").asInt()).append(" distinct; ")
                .append(g.path("agree_with_key").asInt()).append(" graded as the key says, ").append(g.path("contradict_key").asInt())
                .append(" contradicting it, ").append(g.path("undecided").asInt()).append(" undecided\n\n");
        String fmt = "%-52s %10s %10s %10s  %s%n";
        b.append(String.format(Locale.ROOT, fmt, "figure", "target", "last", "now", ""));
        row(b, fmt, "warm check, median (ms)", "<= " + WARM_MEDIAN_MS, now, before, "warm", "median_ms", WARM_MEDIAN_MS, true);
        row(b, fmt, "warm check, p99 (ms)", "<= " + WARM_P99_MS, now, before, "warm", "p99_ms", WARM_P99_MS, true);
        row(b, fmt, "warm check, reading and verdict reused, median (ms)", "", now, before, "warm", "reused_median_ms", Double.NaN, true);
        row(b, fmt, "warm check, reading and verdict reused, p99 (ms)", "", now, before, "warm", "reused_p99_ms", Double.NaN, true);
        row(b, fmt, "grade (answers/s, " + g.path("jobs").asInt() + " job(s))", ">= " + (long) ANSWERS_PER_S, now, before, "grade", "answers_per_s", ANSWERS_PER_S, false);
        row(b, fmt, "cold one-shot check, median (s)", "<= " + COLD_S, now, before, "cold", "median_s", COLD_S, true);
        return b.toString().stripTrailing();
    }

    private static void row(StringBuilder b, String fmt, String name, String target, JsonNode now, JsonNode before, String group, String field,
                            double goal, boolean lowerIsBetter) {
        JsonNode v = now.path(group).path(field);
        JsonNode w = before == null ? null : before.path(group).path(field);
        String verdict = "";
        if (v.isNumber() && !Double.isNaN(goal)) {
            double x = v.asDouble();
            boolean met = lowerIsBetter ? x <= goal : x >= goal;
            verdict = met ? "met" : String.format(Locale.ROOT, "MISSED (%.1fx the target)", lowerIsBetter ? x / goal : goal / Math.max(x, 1e-9));
        }
        b.append(String.format(Locale.ROOT, fmt, name, target, w != null && w.isNumber() ? w.asText() : "-", v.isNumber() ? v.asText() : "not run", verdict));
    }

    private static double pct(double[] xs, double p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        if (s.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    private static double round(double x) { return Math.round(x * 1e4) / 1e4; }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }

}
