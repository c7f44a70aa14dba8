package derivcheck.spec;

import derivcheck.grammar.SpecLexer;
import derivcheck.grammar.SpecParser;
import derivcheck.source.Diagnostic;
import derivcheck.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Every syntax error of a spec in one run, as a compiler reports every bad statement: the tokens
 * are cut at the keywords that start an item or a header (they start nothing else), and each
 * piece is parsed on its own, so an error in one item neither hides the errors of the next ones
 * nor causes follow-on errors. Used only when the whole file has a syntax error; a file without
 * one is parsed in one piece.
 */
final class ItemwiseSyntax {
    /** The keywords an item or a header starts with. */
    static final Set<String> STARTS = Set.of("'dim'", "'given'", "'random'", "'find'", "'assume'", "'let'", "'minimize'",
            "'maximize'", "'subject'", "'solve'", "'show'", "'expect'", "'mistake'", "'title'", "'source'", "'statement'");
    private static final Set<String> HEADERS = Set.of("'title'", "'source'", "'statement'");

    private ItemwiseSyntax() {}

    /** The syntax errors of each piece, in the order of the file (lexer errors included). */
    static List<Diagnostic> errors(SourceText source) { return split(source).errors(); }

    /**
     * The syntax errors, and the source with every piece that has one blanked out (spaces, line
     * breaks kept, so positions stay), with the names those pieces mention: the rest of the file
     * can then be checked for its semantic errors in the same run.
     */
    record Split(List<Diagnostic> errors, java.util.Optional<String> goodPieces, Set<String> namesInBadPieces) {}

    static Split split(SourceText source) {
        SyntaxErrors errors = new SyntaxErrors(source.name());
        SpecLexer lexer = new SpecLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream all = new CommonTokenStream(lexer);
        all.fill();
        List<Token> tokens = new ArrayList<>();
        for (Token t : all.getTokens()) if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) tokens.add(t);
        List<List<Token>> pieces = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        for (Token t : tokens) {
            if (isStart(t) && !cur.isEmpty()) { pieces.add(cur); cur = new ArrayList<>(); }
            cur.add(t);
        }
        if (!cur.isEmpty()) pieces.add(cur);
        char[] good = source.text().toCharArray();
        Set<String> badNames = new java.util.HashSet<>();
        boolean headBad = false;
        for (int k = 0; k < pieces.size(); k++) {
            int before = errors.diagnostics().size();
            parse(pieces.get(k), k + 1 < pieces.size() ? pieces.get(k + 1).get(0) : null, errors, source.name());
            if (errors.diagnostics().size() == before) continue;
            List<Token> piece = pieces.get(k);
            headBad |= k == 0;
            for (Token t : piece) if (t.getType() == SpecParser.ID) badNames.add(t.getText());
            int from = piece.get(0).getStartIndex(), to = piece.get(piece.size() - 1).getStopIndex();
            for (int i = Math.max(0, from); i <= to && i < good.length; i++) if (good[i] != '\n' && good[i] != '\r') good[i] = ' ';
        }
        // a piece's first error may reach the listener twice (reported, then rethrown by the bail strategy)
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : errors.diagnostics()) if (!out.contains(d)) out.add(d);
        boolean lexical = out.size() > 0 && pieces.isEmpty();
        return new Split(out, headBad || lexical ? java.util.Optional.empty() : java.util.Optional.of(new String(good)), badNames);
    }

    /** Whether t is the first token on its line within the piece. */
    private static boolean startsLine(List<Token> piece, Token t) {
        for (Token u : piece) if (u != t && u.getLine() == t.getLine() && u.getCharPositionInLine() < t.getCharPositionInLine()) return false;
        return true;
    }

    private static boolean isStart(Token t) {
        String literal = SpecLexer.VOCABULARY.getLiteralName(t.getType());
        return literal != null && STARTS.contains(literal);
    }

    /** Parses one piece; {@code next} (the start of the next piece) is appended so an unfinished item is reported at it. */
    private static void parse(List<Token> piece, Token next, SyntaxErrors errors, String file) {
        List<Token> withEof = new ArrayList<>(piece);
        if (next != null) withEof.add(next);
        Token last = withEof.get(withEof.size() - 1);
        CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
        eof.setLine(last.getLine());
        eof.setCharPositionInLine(last.getCharPositionInLine() + last.getText().length());
        withEof.add(eof);
        SpecParser parser = new SpecParser(new CommonTokenStream(new ListTokenSource(withEof)));
        parser.removeErrorListeners();
        // the first error of a piece is reported, the rest of the piece is skipped
        parser.setErrorHandler(new BailErrorStrategy() {
            @Override public void reportError(org.antlr.v4.runtime.Parser recognizer, org.antlr.v4.runtime.RecognitionException e) {
                errors.syntaxError(recognizer, e.getOffendingToken(), e.getOffendingToken().getLine(),
                        e.getOffendingToken().getCharPositionInLine(), e.getMessage(), e);
            }
        });
        String literal = SpecLexer.VOCABULARY.getLiteralName(piece.get(0).getType());
        try {
            if ("'problem'".equals(literal)) {
                // 'problem' NAME and nothing else before the first header or item
                Token bad = piece.size() < 2 ? eof : piece.get(1).getType() != SpecParser.ID ? piece.get(1)
                        : piece.size() > 2 ? piece.get(2) : null;
                if (bad != null) errors.syntaxError(parser, bad, bad.getLine(), bad.getCharPositionInLine(), "", null);
                return;
            } else if (literal != null && HEADERS.contains(literal)) {
                parser.header();
            } else {
                parser.item();
            }
            Token left = parser.getCurrentToken();
            if (left.getType() != Token.EOF && left != next) {
                if (left.getType() == SpecParser.ID && startsLine(piece, left)) {
                    errors.diagnostics().add(new Diagnostic(new derivcheck.expr.Pos(file, left.getLine(), left.getCharPositionInLine() + 1),
                            "'" + left.getText() + "' does not start an item; an item starts with dim, given, random, find, assume, let, "
                            + "minimize, maximize, subject to, solve, show, expect or mistake (a definition is 'let "
                            + left.getText() + " = …', an upstream gradient 'given " + left.getText() + " = grad(L, y)')",
                            left.getText().length()));
                } else {
                    errors.syntaxError(parser, left, left.getLine(), left.getCharPositionInLine(), "", null);
                }
            }
        } catch (ParseCancellationException | org.antlr.v4.runtime.RecognitionException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            if (c instanceof org.antlr.v4.runtime.RecognitionException re && re.getOffendingToken() != null) {
                Token t = re.getOffendingToken();
                errors.syntaxError(parser, t, t.getLine(), t.getCharPositionInLine(), "", re);
            }
        }
    }
}
