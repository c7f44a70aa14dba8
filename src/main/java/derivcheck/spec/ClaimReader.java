package derivcheck.spec;

import derivcheck.expr.Pos;
import derivcheck.grammar.SpecLexer;
import derivcheck.grammar.SpecParser;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Reads claims (`expect` lines, such as a checked answer) against one spec: the spec is read
 * once, and each claim is resolved and shape-checked with the spec's names, so a grader
 * checking many answers does not pay for reading the spec each time.
 */
public final class ClaimReader {
    private final ProblemBuilder builder;
    private final Problem problem;
    private final String file;

    private ClaimReader(ProblemBuilder builder, Problem problem, String file) {
        this.builder = builder;
        this.problem = problem;
        this.file = file;
    }

    /** A reader for the spec, or the spec's own diagnostics. */
    public static ParseResult<ClaimReader> of(SourceText spec) {
        SyntaxErrors errors = new SyntaxErrors(spec.name());
        SpecParser parser = parser(spec, errors);
        SpecParser.SpecContext tree = parser.spec();
        if (!errors.diagnostics().isEmpty()) return new ParseResult<>(Optional.empty(), errors.diagnostics(), spec);
        ProblemBuilder builder = new ProblemBuilder(spec.name());
        Optional<Problem> p;
        try {
            p = builder.build(tree);
        } catch (RuntimeException e) {
            return new ParseResult<>(Optional.empty(), List.of(new Diagnostic(new Pos(spec.name(), 1, 1),
                    "internal error while reading this spec (" + e + "); please report it")), spec);
        }
        Optional<ClaimReader> r = p.map(problem -> new ClaimReader(builder, problem, spec.name()));
        return new ParseResult<>(r, builder.diagnostics(), spec);
    }

    public Problem problem() { return problem; }

    /**
     * One `expect …` item (the text must start with `expect`), resolved against the spec. The
     * diagnostics are positioned in {@code text} (line 1 is its first line).
     */
    public synchronized ParseResult<Claim> read(String text) {
        SourceText source = new SourceText(file, text);
        SyntaxErrors errors = new SyntaxErrors(file);
        SpecParser parser = parser(source, errors);
        SpecParser.ItemContext item = parser.item();
        Token next = parser.getTokenStream().LT(1);
        if (errors.diagnostics().isEmpty() && next.getType() != Token.EOF) {
            errors.diagnostics().add(new Diagnostic(new Pos(file, next.getLine(), next.getCharPositionInLine() + 1),
                    "unexpected '" + next.getText() + "' after the claim", Math.max(1, next.getText().length())));
        }
        if (!errors.diagnostics().isEmpty()) return new ParseResult<>(Optional.empty(), errors.diagnostics(), source);
        if (!(item instanceof SpecParser.ExpectItemContext e)) {
            return new ParseResult<>(Optional.empty(), List.of(new Diagnostic(new Pos(file, 1, 1), "expected 'expect …'")), source);
        }
        List<Diagnostic> out = new ArrayList<>();
        Optional<Claim> c;
        try {
            c = builder.extraExpect(e, out);
        } catch (RuntimeException ex) {
            return new ParseResult<>(Optional.empty(), List.of(new Diagnostic(new Pos(file, 1, 1),
                    "internal error while reading this claim (" + ex + "); please report it")), source);
        }
        if (c.isEmpty() && out.isEmpty()) out.add(new Diagnostic(new Pos(file, 1, 1), "the claim could not be read"));
        return new ParseResult<>(c, out, source);
    }

    private static SpecParser parser(SourceText source, SyntaxErrors errors) {
        SpecLexer lexer = new SpecLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        SpecParser parser = new SpecParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        return parser;
    }
}
