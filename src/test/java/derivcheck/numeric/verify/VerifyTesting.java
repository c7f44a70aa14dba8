package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.fail;

import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Helpers for the verification tests. */
final class VerifyTesting {
    private VerifyTesting() {}

    /** Small sample counts keep the suite fast; seeds are fixed. */
    static final VerifyOptions FAST = VerifyOptions.defaults().withSamples(6).withSeed(11);

    static Problem spec(String text) {
        ParseResult<Problem> r = SpecReader.read(new SourceText("test.prob", text));
        if (!r.ok()) fail("expected no errors, got:\n" + r.renderDiagnostics());
        return r.get();
    }

    static Problem file(Path p) {
        try {
            ParseResult<Problem> r = SpecReader.read(p);
            if (!r.ok()) fail(p + " has errors:\n" + r.renderDiagnostics());
            return r.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> problems() {
        Path dir = Path.of("problems");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
