package derivcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.cas.Cas;
import derivcheck.check.AnswerChecker;
import derivcheck.check.AnswerReport;
import derivcheck.derive.Engine;
import derivcheck.latex.Answer;
import derivcheck.model.Claim;
import derivcheck.model.Mistake;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.expr.TextPrinter;
import derivcheck.render.ProblemJson;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test",
        description = {
            "Run every spec's own answer tests: expects must be correct, mistakes caught.",
            "",
            "Run every spec's own answer tests, as a student's answers are checked: each 'expect' must be",
            "judged correct (not incorrect), and each 'mistake' must be judged incorrect with its own feedback",
            "as the diagnosis.",
            "",
            "Exit codes: 0 all pass, 1 a test failed, 2 a spec has an error."},
        footer = {"", "Example:", "  derivcheck test problems/"})
final class TestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "spec files (.prob) or directories holding them")
    List<Path> inputs;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "8", description = "numeric samples per check (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--symbolic", description = "also run the symbolic tier on the expects (slower)")
    boolean symbolic;

    @Option(names = "--json", description = "print JSON (see docs/json.md) instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<String> missing = new ArrayList<>();
        List<Path> files = InputFiles.specs(inputs, missing);
        Console out = new Console();
        for (String m : missing) out.error(m + ": no such file or directory");
        int bad = missing.size(), failed = 0, passed = 0;
        ObjectNode root = ProblemJson.MAPPER.createObjectNode();
        ArrayNode specs = root.putArray("specs");
        ArrayNode errors = root.putArray("errors");
        try (Cas cas = new Cas(Duration.ofSeconds(5))) {
            Engine engine = Engine.standard(cas);
            for (Path f : files) {
                ParseResult<Problem> r = SpecReader.read(f);
                if (!r.ok()) {
                    bad++;
                    out.errorRaw(r.renderDiagnostics());
                    errors.addAll(ProblemJson.diagnostics(r.diagnostics()));
                    continue;
                }
                Problem p = r.get();
                ArrayNode tests = specs.addObject().put("name", p.name()).put("file", p.file()).putArray("tests");
                AnswerChecker checker = new AnswerChecker(engine, p, VerifyOptions.defaults().withSamples(samples), symbolic);
                StringBuilder b = new StringBuilder(p.name()).append('\n');
                for (Claim e : p.expects()) {
                    AnswerReport rep = checker.check(answer(e));
                    boolean ok = rep.verdict() != AnswerReport.Word.INCORRECT;
                    if (ok) passed++; else failed++;
                    tests.addObject().put("kind", "expect").put("line", e.pos().line()).put("ok", ok)
                            .put("verdict", rep.verdict().word()).put("text", TextPrinter.print(e.relations()));
                    b.append(String.format("  %-4s expect  line %-4d %-10s %s%n", ok ? "ok" : "FAIL", e.pos().line(), rep.verdict().word(), TextPrinter.print(e.relations())));
                }
                for (Mistake m : p.mistakes()) {
                    AnswerReport rep = checker.check(answer(m.claim()));
                    boolean caught = rep.verdict() == AnswerReport.Word.INCORRECT;
                    // the diagnosis is the feedback, possibly followed by the evidence (e.g. the sides in high precision)
                    boolean feedback = rep.diagnosis().map(d -> d.equals(m.feedback()) || d.startsWith(m.feedback() + " ")).orElse(false);
                    boolean ok = caught && feedback;
                    if (ok) passed++; else failed++;
                    ObjectNode t = tests.addObject().put("kind", "mistake").put("line", m.claim().pos().line()).put("ok", ok)
                            .put("verdict", rep.verdict().word()).put("text", TextPrinter.print(m.claim().relations()))
                            .put("caught", caught).put("feedback_shown", feedback);
                    t.put("diagnosis", rep.diagnosis().orElse(null));
                    String why = !caught ? "not caught (" + rep.verdict().word() + ")" : feedback ? "caught, feedback shown"
                            : "caught, but the diagnosis is: " + rep.diagnosis().orElse("(none)");
                    b.append(String.format("  %-4s mistake line %-4d %s: %s%n", ok ? "ok" : "FAIL", m.claim().pos().line(), why, TextPrinter.print(m.claim().relations())));
                }
                if (!json) out.println(b.toString().stripTrailing());
            }
        }
        if (json) {
            root.put("passed", passed).put("failed", failed);
            out.println(ProblemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else out.println(files.size() + " spec(s): " + passed + " test(s) passed, " + failed + " failed" + (bad > 0 ? ", " + bad + " spec(s) with errors" : ""));
        if (bad > 0) return ExitCode.BAD_INPUT;
        return failed > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    private static Answer answer(Claim c) {
        return new Answer(c.text(), c.pos(), c, List.of(), TextPrinter.print(c.relations()), false);
    }
}
