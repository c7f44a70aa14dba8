package derivcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.cas.Cas;
import derivcheck.check.AnswerChecker;
import derivcheck.check.AnswerReport;
import derivcheck.derive.Engine;
import derivcheck.expr.Pos;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.latex.Displays;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.render.ProblemJson;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check",
        description = {
            "Check hand-written answers (LaTeX or ASCII) against a problem.",
            "",
            "Check hand-written answers against a problem: one answer with --answer 'TEXT' (LaTeX or the spec's",
            "ASCII expressions, detected), or every display ($$..$$, \\[..\\], equation, align, gather) of a .tex or",
            ".md solution. Each answer is echoed as read, then judged: 'correct' (symbolic proof or agreeing numeric",
            "samples), 'incorrect' (only with a numeric counterexample), 'undecided'. Chains a = b = c and align",
            "rows '&= ...' are checked step by step. Several specs may be given: each answer goes to the spec it reads in.",
            "",
            "Exit codes: 0 nothing incorrect; 1 an answer or a step of one is incorrect (also a correct final answer",
            "reached by an incorrect step); 2 unreadable input. The rules: docs/verdicts.md."},
        footer = {"", "Examples:", "  derivcheck check problems/EXERCISE.prob --answer '\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}'",
            "  derivcheck check problems/EXERCISE.prob solution.md --json"})
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "spec files (.prob), then optionally a solution (.tex or .md)")
    List<Path> inputs;

    @Option(names = "--answer", paramLabel = "TEXT", description = "one answer to check (LaTeX or ASCII)")
    String answer;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "12", description = "numeric samples per check (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the numeric sampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "5", description = "time limit of each computer-algebra call (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--no-symbolic", description = "numeric tier only")
    boolean noSymbolic;

    @Option(names = "--prove", description = "also prove correct answers with the computer-algebra tier (a verdict that rests on a proof, not on samples)")
    boolean prove;

    @Override
    public Integer call() throws Exception {
        Console out = new Console();
        List<Path> specs = new ArrayList<>();
        List<Path> docs = new ArrayList<>();
        for (Path p : inputs) (p.toString().endsWith(".prob") ? specs : docs).add(p);
        if (specs.isEmpty()) { out.error("derivcheck check: give at least one spec (.prob)"); return ExitCode.BAD_INPUT; }
        if (answer == null && docs.isEmpty()) { out.error("derivcheck check: give --answer 'TEXT' or a solution file (.tex, .md)"); return ExitCode.BAD_INPUT; }
        List<AnswerReader> readers = new ArrayList<>();
        for (Path f : specs) {
            if (!Files.isRegularFile(f)) { out.error(f + ": no such file"); return ExitCode.BAD_INPUT; }
            SourceText st = new SourceText(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
            ParseResult<Problem> r = SpecReader.read(st);
            if (!r.ok()) { out.errorRaw(r.renderDiagnostics()); return ExitCode.BAD_INPUT; }
            readers.add(new AnswerReader(r.get(), st));
        }
        List<Input> items = new ArrayList<>();
        if (answer != null) items.add(new Input(answer, new Pos("<answer>", 1, 1), new SourceText("<answer>", answer)));
        for (Path d : docs) {
            if (!Files.isRegularFile(d)) { out.error(d + ": no such file"); return ExitCode.BAD_INPUT; }
            String text = Files.readString(d, StandardCharsets.UTF_8);
            SourceText st = new SourceText(d.toString(), text);
            for (Displays.Display x : Displays.of(d.toString(), text)) items.add(new Input(x.text(), x.pos(), st));
        }
        int bad = 0, incorrect = 0;
        List<AnswerReport> reports = new ArrayList<>();
        VerifyOptions options = VerifyOptions.defaults().withSamples(samples).withSeed(seed);
        try (Cas cas = new Cas(Duration.ofMillis((long) (timeLimit * 1000)))) {
            Engine engine = Engine.standard(cas);
            List<AnswerChecker> checkers = new ArrayList<>();
            for (AnswerReader r : readers) checkers.add(new AnswerChecker(engine, r.problem(), options, !noSymbolic, prove));
            for (Input in : items) {
                ParseResult<List<Answer>> read = null;
                int which = -1;
                for (int k = 0; k < readers.size() && which < 0; k++) {
                    ParseResult<List<Answer>> r = readers.get(k).read(in.text, in.pos, in.source);
                    if (r.ok()) { read = r; which = k; }
                    else if (read == null) read = r;
                }
                if (which < 0) {
                    // an answer that reads but whose shapes do not fit is a wrong answer, not unreadable input
                    java.util.Optional<AnswerReport> shape = derivcheck.check.ShapeErrors.asIncorrect(in.text, in.pos, read);
                    if (shape.isPresent()) {
                        reports.add(shape.get());
                        incorrect++;
                        if (!json) out.println(text(shape.get()));
                        continue;
                    }
                    bad++;
                    out.errorRaw(read.renderDiagnostics());
                    continue;
                }
                for (Answer a : read.get()) {
                    AnswerReport rep = checkers.get(which).check(a);
                    reports.add(rep);
                    if (rep.hasError()) incorrect++;
                    if (!json) out.println(text(rep));
                }
            }
        }
        if (json) out.println(ProblemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(reports)));
        else {
            long withBadStep = reports.stream().filter(r -> r.verdict() != AnswerReport.Word.INCORRECT && r.firstFalseStep().isPresent()).count();
            out.println(reports.size() + " answer(s): " + count(reports, AnswerReport.Word.CORRECT) + " correct, "
                    + count(reports, AnswerReport.Word.INCORRECT) + " incorrect, " + count(reports, AnswerReport.Word.UNDECIDED) + " undecided"
                    + (withBadStep > 0 ? "; " + withBadStep + " of the others with an incorrect step" : "")
                    + (bad > 0 ? "; " + bad + " display(s) could not be read" : ""));
        }
        if (bad > 0) return ExitCode.BAD_INPUT;
        return incorrect > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    private record Input(String text, Pos pos, SourceText source) {}

    private static long count(List<AnswerReport> rs, AnswerReport.Word w) { return rs.stream().filter(r -> r.verdict() == w).count(); }

    static String text(AnswerReport r) {
        StringBuilder b = new StringBuilder();
        Answer a = r.answer();
        b.append(a.pos().file()).append(':').append(a.pos().line()).append(": ").append(a.input().replace("\n", " ")).append('\n');
        b.append("  read as:   ").append(a.readAs()).append('\n');
        b.append("  verdict:   ").append(r.verdict().word()).append(r.steps().isEmpty() ? "" : " (" + r.summary() + ")").append('\n');
        if (!r.evidence().isEmpty()) b.append("  evidence:  ").append(r.evidence()).append('\n');
        b.append("  symbolic:  ").append(r.symbolic()).append('\n');
        r.numeric().ifPresent(v -> b.append("  numeric:   ").append(numeric(v)).append('\n'));
        r.diagnosis().ifPresent(d -> b.append("  diagnosis: ").append(d).append('\n'));
        if (r.verdict() == AnswerReport.Word.INCORRECT) {
            r.numeric().flatMap(NumericVerdict::counterexample).ifPresent(c -> b.append("  counterexample: ").append(c).append('\n'));
        }
        for (AnswerReport.Step s : r.steps()) {
            b.append("  step line ").append(s.line()).append(": ").append(s.from()).append(" = ").append(s.to()).append("  ")
                    .append(s.verdict().word()).append('\n');
        }
        r.firstFalseStep().ifPresent(s -> b.append("  first false step: line ").append(s.line()).append('\n'));
        return b.toString().stripTrailing();
    }

    private static String numeric(NumericVerdict v) {
        if (v.verified()) return "verified (" + v.check() + ", " + v.samples() + " sample(s), max rel error "
                + NumericVerdict.text(new derivcheck.numeric.Value.Real(v.maxRelError())) + ")";
        if (v.failed()) return "failed (" + v.check() + "): " + v.reason();
        return "undecided: " + v.reason();
    }

    static ObjectNode json(List<AnswerReport> reports) {
        ObjectNode root = ProblemJson.MAPPER.createObjectNode();
        ArrayNode answers = root.putArray("answers");
        ArrayNode steps = root.putArray("steps");
        for (AnswerReport r : reports) {
            ObjectNode n = answers.addObject();
            n.put("target", r.target());
            n.put("line", r.answer().pos().line());
            n.put("input", r.answer().input());
            n.put("read_as", r.answer().readAs());
            n.put("verdict", r.verdict().word());
            n.put("summary", r.summary());
            n.put("evidence", r.evidence());
            ArrayNode badSteps = n.putArray("incorrect_step_lines");
            for (AnswerReport.Step s : r.incorrectSteps()) badSteps.add(s.line());
            n.put("symbolic", r.symbolic());
            if (r.numeric().isPresent()) n.set("numeric", VerifyCommand.numericJson(r.numeric().get()));
            else n.putNull("numeric");
            if (r.diagnosis().isPresent()) n.put("diagnosis", r.diagnosis().get());
            else n.putNull("diagnosis");
            var cx = r.verdict() == AnswerReport.Word.INCORRECT ? r.numeric().flatMap(NumericVerdict::counterexample) : java.util.Optional.<NumericVerdict.Counterexample>empty();
            if (cx.isPresent()) n.set("counterexample", ProblemJson.MAPPER.valueToTree(cx.get().toMap()));
            else n.putNull("counterexample");
            for (AnswerReport.Step s : r.steps()) {
                ObjectNode st = steps.addObject();
                st.put("answer_line", r.answer().pos().line());
                st.put("line", s.line());
                st.put("from", s.from());
                st.put("to", s.to());
                st.put("verdict", s.verdict().word());
                var scx = s.verdict() == AnswerReport.Word.INCORRECT ? s.numeric().flatMap(NumericVerdict::counterexample) : java.util.Optional.<NumericVerdict.Counterexample>empty();
                if (scx.isPresent()) st.set("counterexample", ProblemJson.MAPPER.valueToTree(scx.get().toMap()));
                else st.putNull("counterexample");
            }
        }
        return root;
    }
}
