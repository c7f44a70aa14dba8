package derivcheck.cli;

import derivcheck.expr.Pos;
import derivcheck.limits.InputScan;
import derivcheck.source.Diagnostic;
import derivcheck.source.SourceText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads an input file through the input caps ({@link InputScan#readFile}); a refusal is printed, located. */
final class TextInput {
    private TextInput() {}

    static Optional<SourceText> read(Path file, long maxBytes, Console out) throws IOException {
        InputScan.FileText t = InputScan.readFile(file, maxBytes);
        if (t.ok()) return Optional.of(new SourceText(file.toString(), t.text()));
        InputScan.Finding f = t.problem().get();
        out.errorRaw(new Diagnostic(new Pos(file.toString(), f.line(), f.col()), f.message()).render(new SourceText(file.toString(), "")));
        return Optional.empty();
    }
}
