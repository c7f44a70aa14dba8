package derivcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.cas.Cas;
import derivcheck.check.AnswerReport;
import derivcheck.derive.Engine;
import derivcheck.expr.Pos;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.limits.InputLimits;
import derivcheck.engine.Checked;
import derivcheck.engine.EngineOptions;
import derivcheck.engine.PreparedProblem;
import derivcheck.engine.ProblemSet;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.render.ProblemJson;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Check hand-written answers (LaTeX or ASCII) against a problem.",
            "",
            "Check hand-written answers against a problem: one answer with --answer 'TEXT' (LaTeX or the spec's",
            "ASCII expressions, detected), or every display ($$..$$, \\[..\\], equation, align, gather) of a .tex or",
            ".md solution (a display starting with '=' continues the chain before it), and inline $..$ that states a target.",
            "Each answer is echoed as read, then judged: 'correct' (symbolic proof or agreeing numeric",
            "samples), 'incorrect' (only with a numeric counterexample), 'undecided'. Chains a = b = c and align",
            "rows '&= ...' are checked step by step; a chain of inequalities is one condition. Several specs may be given: each answer goes to the spec it reads in.",
            "",
            "Exit codes: 0 nothing incorrect; 1 an answer or a step of one is incorrect (also a correct final answer",
            "reached by an incorrect step); 2 unreadable input (also a file in which nothing states an answer).",
            "The rules: docs/verdicts.md."},
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

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "20",
            description = "wall-clock budget of each answer as a whole (reading and every tier together), and again of each problem's derivation (default: ${DEFAULT-VALUE}); "
                    + "an answer that hits it is 'timeout'")
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
        EngineOptions options = EngineOptions.of(samples, seed, timeLimit, !noSymbolic).withProve(prove);
        int bad = 0, incorrect = 0, empties = 0;
        List<AnswerReport> reports = new ArrayList<>();
        List<Checked> timeouts = new ArrayList<>();
        List<derivcheck.source.Diagnostic> noAnswer = new ArrayList<>();
        List<String[]> readErrors = new ArrayList<>();
        try (Cas cas = new Cas(options.timeLimit())) {
            Engine engine = Engine.standard(cas);
            List<PreparedProblem> prepared = new ArrayList<>();
            for (Path f : specs) {
                if (!Files.isRegularFile(f)) { out.error(f + ": no such file"); return ExitCode.BAD_INPUT; }
                Optional<SourceText> spec = TextInput.read(f, InputLimits.MAX_SPEC_BYTES, out);
                if (spec.isEmpty()) return ExitCode.BAD_INPUT;
                SourceText st = spec.get();
                ParseResult<PreparedProblem> r = PreparedProblem.read(st, engine, options);
                if (!r.ok()) { out.errorRaw(r.renderDiagnostics()); return ExitCode.BAD_INPUT; }
                prepared.add(r.get());
            }
            ProblemSet problems = new ProblemSet(prepared);
            List<PreparedProblem.Worker> readers = prepared.stream().map(PreparedProblem::worker).toList();
            List<Input> items = new ArrayList<>();
            if (answer != null && answer.isBlank()) {
                out.error("<answer>:1:1: the answer is empty: nothing to check");
                return ExitCode.BAD_INPUT;
            }
            if (answer != null) items.add(new Input(answer, new Pos("<answer>", 1, 1), new SourceText("<answer>", answer)));
            for (Path d : docs) {
                if (!Files.isRegularFile(d)) { out.error(d + ": no such file"); return ExitCode.BAD_INPUT; }
                Optional<SourceText> doc = TextInput.read(d, InputLimits.MAX_FILE_BYTES, out);
                if (doc.isEmpty()) { bad++; continue; }
                SourceText st = doc.get();
                String text = st.text();
                // displays (a display starting with `=` continues the chain before it) and inline $...$ that states a target
                List<derivcheck.latex.Solutions.Item> found = derivcheck.latex.Solutions.items(d.toString(), text,
                        t -> readers.stream().anyMatch(r -> r.statesTarget(t)));
                // an empty display holds no answer: it is skipped, and said so (it is not an error)
                List<Pos> emptyHere = derivcheck.latex.Displays.empties(d.toString(), text);
                empties += emptyHere.size();
                if (!json) for (Pos p : emptyHere) out.error(p.file() + ":" + p.line() + ":" + p.col() + ": note: empty display, skipped");
                if (found.isEmpty()) {
                    String why = text.isBlank() ? "no answer found: the file is empty"
                            : emptyHere.isEmpty() ? AnswerReader.NO_ANSWER
                            : "no answer found: its " + emptyHere.size() + " display(s) are empty, and no inline formula $...$ states a quantity of the spec";
                    noAnswer.add(new derivcheck.source.Diagnostic(new Pos(d.toString(), 1, 1), why));
                }
                if (found.size() > InputLimits.MAX_DISPLAYS) {
                    Pos p = found.get(InputLimits.MAX_DISPLAYS).pos();
                    out.error(p.file() + ":" + p.line() + ":" + p.col() + ": more than " + InputLimits.MAX_DISPLAYS
                            + " displays in one file; only the first " + InputLimits.MAX_DISPLAYS + " are checked");
                    bad++;
                    found = found.subList(0, InputLimits.MAX_DISPLAYS);
                }
                for (derivcheck.latex.Solutions.Item x : found) items.add(new Input(x.text(), x.pos(), st));
            }
            for (Input in : items) {
                for (Checked c : problems.check(in.text, in.pos, in.source)) {
                    if (c.status() == Checked.Status.UNREADABLE) {
                        bad++;
                        readErrors.add(located(c.pos(), c.message()));
                        if (!json) out.errorRaw(c.message());
                    } else if (c.report().isEmpty()) {
                        // out of time: no verdict, which is not bad input (the answer read, or the reading was cut off)
                        timeouts.add(c);
                        if (!json) out.println(c.pos().file() + ":" + c.pos().line() + ": " + c.answer().map(Answer::input).orElse(in.text.replace("\n", " "))
                                + "\n  verdict:   timeout (" + c.message() + ")");
                    } else {
                        AnswerReport rep = c.report().get();
                        reports.add(rep);
                        if (rep.hasError()) incorrect++;
                        if (!json) out.println(text(rep));
                    }
                }
            }
        }
        // a file in which nothing at all states an answer is unreadable input, not "0 answers"
        for (var d : noAnswer) {
            bad++;
            readErrors.add(new String[] {d.pos().file(), "" + d.pos().line(), "" + d.pos().col(), d.message()});
            if (!json) out.error(d.pos().file() + ":" + d.pos().line() + ":" + d.pos().col() + ": " + d.message());
        }
        if (json) {
            ObjectNode root = json(reports);
            root.put("empty_displays", empties);
            ArrayNode errors = root.putArray("errors");
            for (String[] d : readErrors) {
                ObjectNode e = errors.addObject();
                e.put("file", d[0]);
                e.put("line", Integer.parseInt(d[1]));
                e.put("col", Integer.parseInt(d[2]));
                e.put("message", d[3]);
            }
            for (Checked c : timeouts) {
                ObjectNode n = ((ArrayNode) root.get("answers")).addObject();
                n.put("target", c.target());
                n.put("line", c.pos().line());
                n.put("input", c.answer().map(Answer::input).orElse(""));
                n.put("read_as", c.answer().map(Answer::readAs).orElse(""));
                n.put("verdict", "timeout");
                n.put("symbolic", "not finished");
                n.putNull("numeric");
                n.put("diagnosis", c.message());
                n.putNull("counterexample");
            }
            out.println(ProblemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        }
        else {
            long withBadStep = reports.stream().filter(r -> r.verdict() != AnswerReport.Word.INCORRECT && r.firstFalseStep().isPresent()).count();
            out.println((reports.size() + timeouts.size()) + " answer(s): " + count(reports, AnswerReport.Word.CORRECT) + " correct, "
                    + count(reports, AnswerReport.Word.INCORRECT) + " incorrect, " + count(reports, AnswerReport.Word.UNDECIDED) + " undecided"
                    + (timeouts.isEmpty() ? "" : ", " + timeouts.size() + " out of time")
                    + (withBadStep > 0 ? "; " + withBadStep + " answer(s) not incorrect but reached through an incorrect step" : "")
                    + (bad > 0 ? "; " + bad + " display(s) could not be read" : "")
                    + (empties > 0 ? "; " + empties + " empty display(s) skipped" : ""));
        }
        if (bad > 0) return ExitCode.BAD_INPUT;
        return incorrect > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    private record Input(String text, Pos pos, SourceText source) {}

    private static final java.util.regex.Pattern LOCATED = java.util.regex.Pattern.compile("^(.*?):(\\d+):(\\d+): (.*)$");

    /** file, line, col, message of a rendered diagnostic (its first line), for the JSON `errors`. */
    private static String[] located(Pos at, String rendered) {
        String first = rendered.strip().split("\n", 2)[0];
        java.util.regex.Matcher m = LOCATED.matcher(first);
        if (m.matches()) return new String[] {m.group(1), m.group(2), m.group(3), m.group(4)};
        return new String[] {at.file(), "" + at.line(), "" + at.col(), first};
    }

    private static long count(List<AnswerReport> rs, AnswerReport.Word w) { return rs.stream().filter(r -> r.verdict() == w).count(); }

    static String text(AnswerReport r) {
        StringBuilder b = new StringBuilder();
        Answer a = r.answer();
        b.append(a.pos().file()).append(':').append(a.pos().line()).append(": ").append(a.input().replace("\n", " ")).append('\n');
        b.append("  read as:   ").append(a.readAs()).append('\n');
        for (String note : a.notes()) b.append("  note:      ").append(note).append('\n');
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
        if (v.verified()) return "verified (" + v.check() + ", " + v.samples() + " sample(s), largest scaled error "
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
            ArrayNode notes = n.putArray("notes");
            r.answer().notes().forEach(notes::add);
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
