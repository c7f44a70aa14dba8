package derivcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.limits.Deadline;
import derivcheck.limits.InputLimits;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.render.ProblemJson;
import derivcheck.expr.TextPrinter;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify",
        description = {
            "Check every claim of each spec numerically, independently of any derivation.",
            "",
            "Check every show, expect and mistake of each spec numerically, independently of any derivation:",
            "optimization answers against the original problem re-solved numerically (feasibility, objective",
            "gap), gradients by central finite differences through the definitions (an abstract loss L with",
            "'given g = grad(L, y)' becomes the linear loss <g, y>), E[...] and Var[...] by Monte Carlo",
            "(|z| > 5 fails), conditions by testing both sides of the claimed boundary, identities at random points.",
            "",
            "An expect or show is 'verified' (all samples agree), 'failed' (with a counterexample: the sizes,",
            "every value drawn, both sides) or 'undecided' (why). A mistake must fail: it is then 'caught'.",
            "",
            "Exit codes: 0 nothing failed, 1 an expect or show failed (or a mistake was verified), 2 a spec has an error."},
        footer = {"", "Examples:", "  derivcheck verify problems/", "  derivcheck verify --samples 50 --seed 7 --json problems/EXERCISE.prob",
            "  derivcheck verify --size n=3 problems/EXERCISE.prob"})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "spec files (.prob) or directories holding them")
    List<Path> inputs;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "20", description = "samples per claim (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of every draw (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", paramLabel = "DIM=N", description = "fix the size of a dimension (repeatable), e.g. --size n=3")
    Map<String, Integer> sizes = new LinkedHashMap<>();

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "wall-clock budget of each spec as a whole (default: ${DEFAULT-VALUE}); claims not reached in time are 'undecided (time limit)'")
    double timeLimit;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--samples must be at least 1");
        for (var e : sizes.entrySet()) {
            if (e.getValue() < 1) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--size " + e.getKey() + " must be at least 1");
            if (e.getValue() > InputLimits.MAX_FIXED_DIM) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--size " + e.getKey() + " must be at most " + InputLimits.MAX_FIXED_DIM);
        }
        Duration budget = Budgets.item(timeLimit, this);
        VerifyOptions options = VerifyOptions.defaults().withSamples(samples).withSeed(seed).withSizes(sizes);
        List<String> missing = new ArrayList<>();
        List<Path> files = InputFiles.specs(inputs, missing);
        Console out = new Console();
        for (String m : missing) out.error(m + ": no such file or directory");
        int bad = missing.size();
        int failed = 0, verified = 0, undecided = 0, caught = 0, mistakes = 0;
        ArrayNode problems = ProblemJson.MAPPER.createArrayNode();
        for (Path f : files) {
            ParseResult<Problem> r = SpecReader.read(f);
            if (!r.ok()) {
                bad++;
                out.errorRaw(r.renderDiagnostics());
                continue;
            }
            Problem p = r.get();
            long t0 = System.nanoTime();
            List<NumericVerifier.ClaimReport> reports;
            try (Deadline.Scope scope = Deadline.within(budget).enter()) {
                reports = NumericVerifier.of(p, options).verifyAll(); // each claim past the budget: undecided (time limit)
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            for (NumericVerifier.ClaimReport c : reports) {
                if (c.kind().equals("mistake")) {
                    mistakes++;
                    if (c.verdict().failed()) caught++;
                    if (c.verdict().verified()) failed++;
                } else if (c.verdict().failed()) failed++;
                else if (c.verdict().verified()) verified++;
                else undecided++;
            }
            if (json) problems.add(problemJson(p, reports, ms));
            else out.println(text(p, reports, ms));
        }
        if (json) {
            ObjectNode root = ProblemJson.MAPPER.createObjectNode();
            root.set("problems", problems);
            out.println(ProblemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.println(files.size() + " spec(s): " + verified + " claim(s) verified, " + failed + " failed, " + undecided
                    + " undecided; " + caught + " of " + mistakes + " mistake(s) caught" + (bad > 0 ? "; " + bad + " with errors" : "")
                    + " (samples " + samples + ", seed " + seed + ")");
        }
        if (bad > 0) return ExitCode.BAD_INPUT;
        return failed > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    private static String text(Problem p, List<NumericVerifier.ClaimReport> reports, long ms) {
        StringBuilder b = new StringBuilder();
        b.append(p.name()).append("  (").append(p.file()).append(", ").append(ms).append(" ms)\n");
        if (reports.isEmpty()) b.append("  nothing to check: no show, expect or mistake\n");
        for (NumericVerifier.ClaimReport c : reports) {
            NumericVerdict v = c.verdict();
            String what = c.claim().text().isBlank() ? TextPrinter.print(c.claim().relations()) : c.claim().text();
            b.append(String.format("  %-8s %-11s line %-4d %s%n", c.kind(), c.word(), c.claim().pos().line(), what));
            if (v.verified()) {
                b.append("           ").append(v.verifiedLine()).append('\n');
            } else if (v.failed()) {
                b.append("           ").append(v.check()).append(": ").append(v.reason()).append('\n');
                v.counterexample().ifPresent(cx -> b.append("           counterexample: ").append(cx).append('\n'));
            } else {
                b.append("           ").append(v.reason()).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    private static ObjectNode problemJson(Problem p, List<NumericVerifier.ClaimReport> reports, long ms) {
        ObjectNode o = ProblemJson.MAPPER.createObjectNode();
        o.put("name", p.name());
        o.put("file", p.file());
        o.put("millis", ms);
        ArrayNode claims = o.putArray("claims");
        for (NumericVerifier.ClaimReport c : reports) {
            ObjectNode n = claims.addObject();
            n.put("kind", c.kind());
            n.put("target", TextPrinter.print(c.claim().relations().get(0).lhs()));
            n.put("text", TextPrinter.print(c.claim().relations()));
            n.put("line", c.claim().pos().line());
            n.put("outcome", c.word());
            c.feedback().ifPresent(f -> n.put("feedback", f));
            n.set("numeric", numericJson(c.verdict()));
        }
        return o;
    }

    /** The "numeric" object of a verdict (also for the derive command's expects and results). */
    static ObjectNode numericJson(NumericVerdict v) {
        return ProblemJson.MAPPER.valueToTree(v.toMap());
    }
}
