package derivcheck.cli;

import derivcheck.cas.Cas;
import derivcheck.check.ProblemChecker;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Loads the classes a typical command needs (parser, CAS, calculus, numeric check) on a tiny
 * built-in problem and prints nothing. The launcher runs it once after a build to record the
 * class-data-sharing archive, so that the archive is never written by a user's own run.
 */
@Command(name = "warmup", hidden = true, description = "load the classes a command needs (used by the launcher)")
final class WarmupCommand implements Callable<Integer> {
    private static final String SPEC = """
            problem warmup
              dim n
              given g, theta_t : vector[n]
              given lambda, eps : real where lambda > 0, eps > 0
              find theta : vector[n]
              minimize <g, theta - theta_t> + lambda/2*||theta||^2 + 1/(2*eps)*||theta - theta_t||^2
              expect theta = (theta_t - eps*g)/(1 + eps*lambda)
            """;

    @Override
    public Integer call() {
        ParseResult<Problem> r = SpecReader.read(new SourceText("warmup.prob", SPEC));
        if (!r.ok()) return ExitCode.BAD_INPUT;
        try (Cas cas = new Cas()) {
            new ProblemChecker(derivcheck.derive.Engine.standard(cas), Optional.of(VerifyOptions.defaults().withSamples(2)))
                    .check(r.get());
        }
        return ExitCode.OK;
    }
}
