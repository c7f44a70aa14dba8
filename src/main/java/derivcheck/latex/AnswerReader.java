package derivcheck.latex;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Inverse;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Relation;
import derivcheck.grammar.LatexParser;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.expr.TextPrinter;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import derivcheck.spec.SyntaxErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;

/**
 * Reads answers (LaTeX or the spec's ASCII expressions, detected) against one problem: LaTeX
 * goes through grammar/Latex.g4 into spec text, and every answer is then resolved and
 * shape-checked by the spec reader itself, as an `expect` appended to the problem's own spec.
 * Nothing is handed to Symja. Errors are located in the answer's own source.
 */
public final class AnswerReader {
    private final Problem problem;
    private final SourceText spec;
    private final SymbolNames names;

    public AnswerReader(Problem problem, SourceText spec) {
        this.problem = problem;
        this.spec = spec;
        this.names = new SymbolNames(problem, spec.text());
    }

    public Problem problem() { return problem; }

    /** Is this text LaTeX (rather than the spec's ASCII expressions)? */
    public static boolean isLatex(String text) {
        return text.contains("\\") || text.contains("{") || text.contains("&");
    }

    /**
     * Reads one display or one --answer text. {@code origin} is where the text starts in its
     * document ({@code source}, for quoting lines in diagnostics).
     */
    public ParseResult<List<Answer>> read(String text, Pos origin, SourceText source) {
        List<Diagnostic> errors = new ArrayList<>();
        derivcheck.limits.InputScan.answer(text).ifPresent(f -> errors.add(new Diagnostic(at(origin, f.line(), f.col()), f.message())));
        if (!errors.isEmpty()) return new ParseResult<>(Optional.empty(), errors, source);
        List<Answer> out = new ArrayList<>();
        if (!isLatex(text)) {
            Optional<Answer> a = resolve(List.of(new Side(text.strip(), 1, 1)), List.of(), "", text, origin, false, errors);
            a.ifPresent(out::add);
            return new ParseResult<>(errors.isEmpty() ? Optional.of(out) : Optional.empty(), errors, source);
        }
        try {
            for (Chain c : chains(text)) {
                Optional<Answer> a = resolve(c.sides, c.ops, c.range, c.written, origin, true, errors);
                a.ifPresent(out::add);
            }
        } catch (LatexTokens.Error e) {
            errors.add(new Diagnostic(at(origin, e.line, e.col), e.getMessage(), e.length));
        }
        return new ParseResult<>(errors.isEmpty() ? Optional.of(out) : Optional.empty(), errors, source);
    }

    private record Side(String ascii, int line, int col) {}

    private record Chain(List<Side> sides, List<String> ops, String range, String written) {}

    private static Pos at(Pos origin, int line, int col) {
        return new Pos(origin.file(), origin.line() + line - 1, line == 1 ? origin.col() + col - 1 : col);
    }

    private List<Chain> chains(String text) {
        List<Token> tokens = names.replace(LatexTokens.rewrite(text));
        Set<String> free = subscriptLetters(tokens);
        LatexParser parser = new LatexParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        SyntaxErrors syntax = new SyntaxErrors("");
        parser.addErrorListener(syntax);
        LatexParser.AnswerContext tree = parser.answer();
        if (!syntax.diagnostics().isEmpty()) {
            Diagnostic d = syntax.diagnostics().get(0);
            String m = d.message().replace("unexpected end of file", "unexpected end of the answer (a dangling operator or an unclosed brace?)");
            throw new LatexTokens.Error(fake(d.pos().line(), d.pos().col() - 1, d.length()), m);
        }
        List<LatexParser.RowContext> rows = new ArrayList<>();
        collectRows(tree.rows(), rows);
        List<Chain> out = new ArrayList<>();
        List<Side> sides = null;
        List<String> ops = null;
        AsciiWriter w = null;
        StringBuilder written = null;
        int previousStop = -1;
        for (LatexParser.RowContext r : rows) {
            if (r.lead == null || sides == null) {
                if (sides != null) out.add(finish(sides, ops, w, written.toString()));
                sides = new ArrayList<>();
                ops = new ArrayList<>();
                written = new StringBuilder();
                w = new AsciiWriter(problem, spec.text(), free);
            } else {
                ops.add(AsciiWriter.relOp(r.lead));
            }
            written.append(written.length() > 0 ? " " : "").append(textOf(text, r, previousStop));
            if (r.getStop() != null) previousStop = r.getStop().getStopIndex();
            List<LatexParser.ExprContext> es = r.expr();
            for (int k = 0; k < es.size(); k++) {
                if (k > 0) ops.add(AsciiWriter.relOp(r.relOp(k - 1 + (r.lead == null ? 0 : 1))));
                Token s = es.get(k).getStart();
                sides.add(new Side(w.visit(es.get(k)).text(), s.getLine(), s.getCharPositionInLine() + 1));
            }
        }
        if (sides != null) out.add(finish(sides, ops, w, written.toString()));
        return out;
    }

    /**
     * The row as written. It starts right after the previous row (or at the start of the display),
     * not at its first token: the token filter drops wrappers such as \mathbf{ before the first token.
     */
    private static String textOf(String text, LatexParser.RowContext r, int previousStop) {
        int a = Math.min(r.getStart().getStartIndex(), previousStop + 1);
        while (a < text.length() && a < r.getStart().getStartIndex()
                && (Character.isWhitespace(text.charAt(a)) || text.charAt(a) == '\\' && a + 1 < text.length() && text.charAt(a + 1) == '\\'
                    || text.charAt(a) == '&')) {
            a += text.charAt(a) == '\\' ? 2 : 1;
        }
        int b = r.getStop() == null ? a : r.getStop().getStopIndex();
        if (a < 0 || b < a || b >= text.length()) return r.getText();
        return text.substring(a, b + 1).replaceAll("\\s+", " ").strip();
    }

    private Chain finish(List<Side> sides, List<String> ops, AsciiWriter w, String written) {
        Set<String> free = new LinkedHashSet<>(w.usedFree);
        String range = "";
        if (free.size() > 1) {
            throw new LatexTokens.Error(fake(sides.get(0).line, sides.get(0).col - 1, 1),
                    "more than one free index (" + String.join(", ", free) + "): an answer holds for every value of one index");
        }
        if (free.size() == 1) {
            String j = free.iterator().next();
            String dim = w.indexDims.get(j);
            if (dim == null) {
                throw new LatexTokens.Error(fake(sides.get(0).line, sides.get(0).col - 1, 1), "cannot tell the range of the free index " + j);
            }
            range = " for " + j + " in 1.." + dim;
        }
        return new Chain(sides, ops, range, written);
    }

    private static Token fake(int line, int charPos, int len) {
        org.antlr.v4.runtime.CommonToken t = new org.antlr.v4.runtime.CommonToken(0, "x".repeat(Math.max(1, len)));
        t.setLine(line);
        t.setCharPositionInLine(Math.max(0, charPos));
        return t;
    }

    private static void collectRows(LatexParser.RowsContext r, List<LatexParser.RowContext> out) {
        if (r instanceof LatexParser.EnvironmentContext e) collectRows(e.rows(), out);
        else out.addAll(((LatexParser.RowListContext) r).row());
    }

    /** Letters written as subscripts (x_i, x_{i+2}): they may be indices. */
    private static Set<String> subscriptLetters(List<Token> ts) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 1 < ts.size(); i++) {
            if (!ts.get(i).getText().equals("_")) continue;
            int end = SymbolNames.scriptEnd(ts, i + 1);
            for (int k = i + 1; k <= end; k++) {
                Token t = ts.get(k);
                if (t.getType() == LatexParser.LETTER && t.getText().length() == 1 && !t.getText().equals("T")) out.add(t.getText());
            }
        }
        return out;
    }

    private derivcheck.spec.ClaimReader claimReader;

    /** The spec read once; each answer is then read as one more `expect` against its names. */
    private derivcheck.spec.ClaimReader claims() {
        if (claimReader == null) {
            ParseResult<derivcheck.spec.ClaimReader> r = derivcheck.spec.ClaimReader.of(spec);
            if (!r.ok()) throw new IllegalStateException("the spec " + spec.name() + " does not read: " + r.renderDiagnostics());
            claimReader = r.get();
        }
        return claimReader;
    }

    /** Resolves a chain against the spec's names, as one more `expect` line. */
    private Optional<Answer> resolve(List<Side> sides, List<String> ops, String range, String written, Pos origin, boolean latex,
                                     List<Diagnostic> errors) {
        StringBuilder line = new StringBuilder(sides.get(0).ascii);
        for (int k = 1; k < sides.size(); k++) line.append(' ').append(ops.get(k - 1)).append(' ').append(sides.get(k).ascii);
        if (sides.size() == 1 && !line.toString().contains("=") && !line.toString().contains("<") && !line.toString().contains(">")) {
            errors.add(new Diagnostic(origin, "an answer states what it is: write 'target = value' (e.g. \\theta^{t+1} = ...)",
                    Math.max(1, written.length())));
            return Optional.empty();
        }
        String prefix = "expect ";
        ParseResult<Claim> r = claims().read(prefix + line + range);
        if (!r.ok()) {
            for (Diagnostic d : r.diagnostics()) {
                int col = latex ? 0 : d.pos().col() - prefix.length();
                String msg = d.message();
                if (!latex && col >= 1) errors.add(new Diagnostic(at(origin, 1, col), msg, d.length()));
                else errors.add(new Diagnostic(at(origin, sides.get(0).line, sides.get(0).col), msg + " (in: " + line + range + ")",
                        Math.max(1, written.length())));
            }
            if (errors.isEmpty()) errors.add(new Diagnostic(origin, "this answer cannot be read together with the spec " + spec.name()));
            return Optional.empty();
        }
        Claim c = r.get();
        List<Relation> rels = new ArrayList<>();
        for (Relation rel : c.relations()) {
            rels.add(new Relation(rel.op(), inverses(rel.lhs()), inverses(rel.rhs()), origin));
        }
        Claim claim = new Claim(rels, c.range(), latex ? written : line.toString(), origin);
        List<Integer> lines = new ArrayList<>();
        for (Side s : sides) lines.add(origin.line() + s.line - 1);
        String readAs = TextPrinter.print(rels) + c.range().map(x -> " for " + x.index().name() + " in "
                + TextPrinter.print(x.lo()) + ".." + TextPrinter.print(x.hi())).orElse("");
        return Optional.of(new Answer(latex ? written : line.toString(), origin, claim, lines, readAs, latex));
    }

    /** A^{-1} of a square matrix is its inverse. */
    static Expr inverses(Expr e) {
        return Exprs.transform(e, x -> x instanceof Pow p && p.base().shape().isMatrix() && p.exponent() instanceof Num n
                && n.value().equals(Num.MINUS_ONE.value()) ? new Inverse(inverses(p.base()), p.pos()) : null);
    }
}
