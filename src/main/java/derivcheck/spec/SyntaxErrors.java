package derivcheck.spec;

import derivcheck.expr.Pos;
import derivcheck.source.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Collects ANTLR's syntax errors as diagnostics worded for people. */
public final class SyntaxErrors extends BaseErrorListener {
    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public SyntaxErrors(String file) { this.file = file; }

    public List<Diagnostic> diagnostics() { return diagnostics; }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                            RecognitionException e) {
        Pos pos = new Pos(file, line, col + 1);
        if (offending instanceof Token eof && eof.getType() == Token.EOF && recognizer instanceof Parser p
                && p.getInputStream().index() > 0) {
            // point just after the last token, on a line that can be quoted, not past the last line
            Token last = p.getInputStream().LT(-1);
            if (last != null && last.getType() != Token.EOF) {
                pos = new Pos(file, last.getLine(), last.getCharPositionInLine() + last.getText().length() + 1);
            }
        }
        if (!(offending instanceof Token t)) {
            diagnostics.add(new Diagnostic(pos, msg));
            return;
        }
        String message;
        if (t.getType() == Token.EOF) {
            message = "unexpected end of file";
        } else if (t.getText().startsWith("\"") && !t.getText().endsWith("\"") || t.getText().equals("\"")) {
            message = "unterminated string";
        } else if (recognizer.getVocabulary().getSymbolicName(t.getType()) != null
                && recognizer.getVocabulary().getSymbolicName(t.getType()).equals("ERRCHAR")) {
            message = "unexpected character '" + t.getText() + "'";
        } else {
            message = "unexpected '" + t.getText() + "'";
        }
        if (recognizer instanceof Parser p) {
            // a form new authors write that the language does not have: say the form it has instead
            java.util.Optional<String> hint = t.getType() == Token.EOF ? java.util.Optional.empty()
                    : MistakenForms.hint(p.getInputStream(), t);
            String expected = hint.isPresent() ? "" : expected(p, e);
            if (hint.isPresent()) message += "; " + hint.get();
            else if (!expected.isEmpty()) message += "; expected " + expected;
        }
        int length = t.getType() == Token.EOF ? 1 : Math.max(1, t.getText().length());
        diagnostics.add(new Diagnostic(pos, message, length));
    }

    private static String expected(Parser p, RecognitionException e) {
        IntervalSet set;
        try {
            set = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : p.getExpectedTokens();
        } catch (RuntimeException ignored) {
            return "";
        }
        TreeSet<String> names = new TreeSet<>();
        for (int type : set.toList()) {
            String literal = p.getVocabulary().getLiteralName(type);
            if (literal != null) names.add(literal);
            else if (type == Token.EOF) names.add("end of file");
            else {
                String symbolic = p.getVocabulary().getSymbolicName(type);
                if (symbolic != null) names.add(symbolic.equals("ID") ? "a name" : symbolic.equals("NUMBER") ? "a number"
                        : symbolic.equals("STRING") ? "a \"string\"" : symbolic.toLowerCase());
            }
        }
        if (names.isEmpty() || names.size() > 8) return names.isEmpty() ? "" : "an expression or another item";
        return String.join(", ", names);
    }
}
