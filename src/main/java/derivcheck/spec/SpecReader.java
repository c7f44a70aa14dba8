package derivcheck.spec;

import derivcheck.grammar.SpecLexer;
import derivcheck.grammar.SpecParser;
import derivcheck.model.Problem;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/** Reads a spec file into a {@link Problem}, or the diagnostics that say why not. */
public final class SpecReader {
    private SpecReader() {}

    public static ParseResult<Problem> read(Path file) throws IOException {
        return read(new SourceText(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
    }

    public static ParseResult<Problem> read(SourceText source) {
        SyntaxErrors errors = new SyntaxErrors(source.name());
        SpecLexer lexer = new SpecLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        SpecParser parser = new SpecParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        SpecParser.SpecContext tree = parser.spec();
        if (!errors.diagnostics().isEmpty()) {
            // every item's error, each at its position, rather than the first and its follow-ons
            List<Diagnostic> each = ItemwiseSyntax.errors(source);
            return new ParseResult<>(Optional.empty(), each.isEmpty() ? errors.diagnostics() : each, source);
        }
        ProblemBuilder builder = new ProblemBuilder(source.name());
        Optional<Problem> problem;
        try {
            problem = builder.build(tree);
        } catch (RuntimeException e) {
            // A bug of ours must still reach the user as a located message, not a stack trace.
            List<Diagnostic> d = new java.util.ArrayList<>(builder.diagnostics());
            d.add(new Diagnostic(new derivcheck.expr.Pos(source.name(), 1, 1),
                    "internal error while reading this spec (" + e + "); please report it"));
            return new ParseResult<>(Optional.empty(), d, source);
        }
        return new ParseResult<>(problem, builder.diagnostics(), source);
    }
}
