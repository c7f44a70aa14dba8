package derivcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.cas.Cas;
import derivcheck.check.ProblemChecker;
import derivcheck.check.ProblemReport;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.limits.Deadline;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.render.DerivationJson;
import derivcheck.render.DerivationText;
import derivcheck.render.ProblemJson;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "derive",
        description = {
            "Derive each problem step by step and check every claim symbolically and numerically.",
            "",
            "Derive the answer of each spec step by step (objective or Lagrangian, conditions, each step,",
            "the closed form) and compare every 'expect' with the derived result symbolically.",
            "",
            "A problem is 'derived' by the first strategy that applies, 'declined' when none applies",
            "(the report says why each one declined), or 'undecided' when one applied but could not finish.",
            "Every expect, show and derived result is then checked numerically against the original statement",
            "(re-solved, re-differentiated or re-sampled; independent of the derivation). A claim is 'verified'",
            "by a symbolic proof or agreeing samples, 'failed' only with a numeric counterexample.",
            "",
            "Wall-clock budgets: the derivation of a problem has --time-limit, and the checks after it (numeric verification,",
            "symbolic comparison of the expects) have their own --time-limit, so a problem takes at most twice --time-limit in",
            "all; each computer-algebra call inside gets at most 10 s of that. A derivation that hits its limit is",
            "'undecided (time limit)' and its expects are still verified numerically; when the checks run out, the claims",
            "and results checked before are kept and each unfinished one is 'undecided (time limit)'; the next problem runs.",
            "",
            "Exit codes: 0 done (declined and time-limited problems included), 1 a check failed, 2 a spec has an error."},
        footer = {"", "Examples:", "  derivcheck derive problems/", "  derivcheck derive --json problems/EXERCISE.prob"})
final class DeriveCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "spec files (.prob) or directories holding them")
    List<Path> inputs;

    @Option(names = "--json", description = "print JSON (see docs/json.md) instead of text")
    boolean json;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "wall-clock budget of a problem's derivation, and again of its checks (numeric and symbolic); the "
                    + "problem's total is twice this (default: ${DEFAULT-VALUE}); a part that hits it is 'undecided (time limit)' "
                    + "and the others go on")
    double timeLimit;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "20",
            description = "numeric samples per claim and result (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the numeric sampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-numeric", description = "skip the numeric verification (symbolic only)")
    boolean noNumeric;

    @Override
    public Integer call() throws Exception {
        Duration budget = Budgets.item(timeLimit, this);
        if (samples < 1) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--samples must be at least 1");
        List<String> missing = new ArrayList<>();
        List<Path> files = InputFiles.specs(inputs, missing);
        Console out = new Console();
        for (String m : missing) out.error(m + ": no such file or directory");
        int bad = missing.size();
        int failed = 0;
        int derived = 0;
        int timeLimited = 0;
        ArrayNode problems = ProblemJson.MAPPER.createArrayNode();
        Optional<VerifyOptions> numeric = noNumeric ? Optional.empty()
                : Optional.of(VerifyOptions.defaults().withSamples(samples).withSeed(seed));
        try (Cas cas = new Cas(Budgets.perCall(budget))) {
            cas.warmUp();
            ProblemChecker checker = new ProblemChecker(Engine.standard(cas), numeric).withPhaseBudget(budget);
            for (Path f : files) {
                ParseResult<Problem> r = SpecReader.read(f);
                if (!r.ok()) {
                    bad++;
                    out.errorRaw(r.renderDiagnostics());
                    continue;
                }
                ProblemReport report;
                // the problem's total: its derivation's budget, then its checks' (ProblemChecker.withPhaseBudget)
                try (Deadline.Scope scope = Deadline.within(budget.multipliedBy(2)).enter()) {
                    report = checker.check(r.get());
                } catch (Deadline.Expired e) {
                    timeLimited++;
                    if (json) problems.addObject().put("name", r.get().name()).put("file", f.toString())
                            .putObject("derivation").put("status", "undecided").put("reason", e.getMessage());
                    else out.println(r.get().name() + " — " + Budgets.timeLimitHit(e) + "\n  " + f);
                    continue;
                }
                if (report.derivation().status() == Derivation.Status.DERIVED) derived++;
                if (report.anyFailed()) failed++;
                if (json) problems.add(DerivationJson.problem(report));
                else out.println(DerivationText.print(report));
            }
        }
        if (json) {
            ObjectNode root = ProblemJson.MAPPER.createObjectNode();
            root.set("problems", problems);
            out.println(ProblemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.println(derived + " of " + files.size() + " problem(s) derived" + (bad > 0 ? ", " + bad + " with errors" : "")
                    + (timeLimited > 0 ? ", " + timeLimited + " stopped by the time limit" : "")
                    + (failed > 0 ? ", " + failed + " with a failed check" : ", no check failed"));
        }
        if (bad > 0) return ExitCode.BAD_INPUT;
        return failed > 0 ? ExitCode.FAILED : ExitCode.OK;
    }
}
