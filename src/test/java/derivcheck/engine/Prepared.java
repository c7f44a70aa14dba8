package derivcheck.engine;

import derivcheck.cas.Cas;
import derivcheck.derive.Engine;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Prepared problems for tests: specs of problems/, numeric tier only (fast), one shared CAS. */
public final class Prepared {
    private Prepared() {}

    public static final Path PROX = Path.of("problems/prox_weight_decay.prob");
    private static final Cas CAS = new Cas(Duration.ofSeconds(5));

    public static PreparedProblem of(Path spec, boolean symbolic) { return of(spec, EngineOptions.of(8, 1, 10, symbolic)); }

    public static PreparedProblem of(Path spec, EngineOptions o) {
        try {
            ParseResult<PreparedProblem> r = PreparedProblem.read(new SourceText(spec.toString(), Files.readString(spec)), Engine.standard(CAS), o);
            if (!r.ok()) throw new IllegalStateException(r.renderDiagnostics());
            return r.get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static ProblemSet set(Path... specs) {
        return new ProblemSet(java.util.Arrays.stream(specs).map(s -> of(s, false)).toList());
    }

    public static List<PreparedProblem> list(ProblemSet s) { return s.problems(); }
}
