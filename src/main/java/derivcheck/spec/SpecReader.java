package derivcheck.spec;

import derivcheck.grammar.SpecLexer;
import derivcheck.grammar.SpecParser;
import derivcheck.limits.InputLimits;
import derivcheck.limits.InputScan;
import derivcheck.model.Problem;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/** Reads a spec file into a {@link Problem}, or the diagnostics that say why not. */
public final class SpecReader {
    private SpecReader() {}

    public static ParseResult<Problem> read(Path file) throws IOException {
        InputScan.FileText t = InputScan.readFile(file, InputLimits.MAX_SPEC_BYTES);
        if (!t.ok()) return refused(new SourceText(file.toString(), ""), t.problem().get());
        return read(new SourceText(file.toString(), t.text()));
    }

    /** The input caps' finding as this reader's diagnostic. */
    static <T> ParseResult<T> refused(SourceText source, InputScan.Finding f) {
        return new ParseResult<>(Optional.empty(), List.of(new Diagnostic(new derivcheck.expr.Pos(source.name(), f.line(), f.col()), f.message())), source);
    }

    public static ParseResult<Problem> read(SourceText source) {
        Optional<InputScan.Finding> scan = InputScan.spec(source.text());
        if (scan.isPresent()) return refused(source, scan.get());
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
            ItemwiseSyntax.Split split = ItemwiseSyntax.split(source);
            List<Diagnostic> each = split.errors();
            if (each.isEmpty()) return new ParseResult<>(Optional.empty(), errors.diagnostics(), source);
            // and the semantic errors of the items that parse, as a compiler goes on past a bad statement
            List<Diagnostic> all = new java.util.ArrayList<>(each);
            split.goodPieces().ifPresent(text -> all.addAll(semanticErrors(source.name(), text, split.namesInBadPieces())));
            all.sort(null);
            return new ParseResult<>(Optional.empty(), all, source);
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

    /**
     * The semantic errors of a spec whose bad pieces were blanked out. A message that names
     * something the blanked pieces mention (a name declared there) may be a follow-on of the
     * syntax error, and is left out.
     */
    private static List<Diagnostic> semanticErrors(String name, String text, java.util.Set<String> badNames) {
        SyntaxErrors errors = new SyntaxErrors(name);
        SpecLexer lexer = new SpecLexer(CharStreams.fromString(text, name));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        SpecParser parser = new SpecParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        SpecParser.SpecContext tree = parser.spec();
        if (!errors.diagnostics().isEmpty()) return List.of();
        ProblemBuilder builder = new ProblemBuilder(name);
        try {
            builder.build(tree);
        } catch (RuntimeException e) {
            return List.of();
        }
        List<Diagnostic> out = new java.util.ArrayList<>();
        for (Diagnostic d : builder.diagnostics()) {
            boolean followOn = badNames.stream().anyMatch(n -> d.message().matches("(?s).*(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(n) + "(?![A-Za-z0-9_]).*"));
            if (!followOn) out.add(d);
        }
        return out;
    }
}
