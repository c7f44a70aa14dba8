package derivcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.ExpectCheck;
import derivcheck.model.Problem;
import derivcheck.render.DerivationJson;
import derivcheck.render.DerivationText;
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

@Command(name = "derive",
        description = {
            "Derive the answer of each spec step by step (objective or Lagrangian, conditions, each step,",
            "the closed form) and compare every 'expect' with the derived result symbolically.",
            "",
            "A problem is 'derived' by the first strategy that applies, 'declined' when none applies",
            "(the report says why each one declined), or 'undecided' when one applied but could not finish.",
            "An expect is 'verified' when its difference from the derived result simplifies to 0.",
            "",
            "Exit codes: 0 done (declined problems included), 1 an expect failed, 2 a spec has an error."},
        footer = {"", "Examples:", "  derivcheck derive problems/", "  derivcheck derive --json problems/ridge_closed_form.prob"})
final class DeriveCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "spec files (.prob) or directories holding them")
    List<Path> inputs;

    @Option(names = "--json", description = "print JSON (see docs/json.md) instead of text")
    boolean json;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "10",
            description = "time limit of each computer-algebra call (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Override
    public Integer call() throws Exception {
        if (timeLimit <= 0) throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "--time-limit must be positive");
        List<String> missing = new ArrayList<>();
        List<Path> files = InputFiles.specs(inputs, missing);
        Console out = new Console();
        for (String m : missing) out.error(m + ": no such file or directory");
        int bad = missing.size();
        int failed = 0;
        int derived = 0;
        ArrayNode problems = ProblemJson.MAPPER.createArrayNode();
        try (Cas cas = new Cas(Duration.ofMillis((long) (timeLimit * 1000)))) {
            Engine engine = Engine.standard(cas);
            for (Path f : files) {
                ParseResult<Problem> r = SpecReader.read(f);
                if (!r.ok()) {
                    bad++;
                    out.errorRaw(r.renderDiagnostics());
                    continue;
                }
                Problem p = r.get();
                Derivation d = engine.derive(p);
                List<ExpectCheck.Outcome> expects = ExpectCheck.check(p, d, engine.context(p));
                if (d.status() == Derivation.Status.DERIVED) derived++;
                failed += (int) expects.stream().filter(e -> e.symbolic() == ExpectCheck.Verdict.FAILED).count();
                if (json) problems.add(DerivationJson.problem(p, d, expects, rs -> null));
                else out.println(DerivationText.print(p, d, expects));
            }
        }
        if (json) {
            ObjectNode root = ProblemJson.MAPPER.createObjectNode();
            root.set("problems", problems);
            out.println(ProblemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.println(derived + " of " + files.size() + " problem(s) derived" + (bad > 0 ? ", " + bad + " with errors" : "")
                    + (failed > 0 ? ", " + failed + " expect(s) failed" : ""));
        }
        if (bad > 0) return ExitCode.BAD_INPUT;
        return failed > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    
}
