package derivcheck.source;

import derivcheck.expr.Pos;

/**
 * An error in some input, for a person: where (file, 1-based line and column), what, and how
 * many characters to underline. Rendered as {@code file:line:col: message}, the line, a caret.
 */
public record Diagnostic(Pos pos, String message, int length) implements Comparable<Diagnostic> {
    public Diagnostic {
        length = Math.max(1, length);
    }

    public Diagnostic(Pos pos, String message) { this(pos, message, 1); }

    public String render(SourceText source) {
        StringBuilder b = new StringBuilder();
        b.append(pos.file()).append(':').append(pos.line()).append(':').append(pos.col()).append(": ")
                .append(message).append('\n');
        String line = source.line(pos.line());
        if (!line.isEmpty()) {
            String shown = line.replace('\t', ' ');
            b.append("    ").append(shown).append('\n');
            int col = Math.max(1, pos.col());
            int len = Math.min(length, Math.max(1, shown.length() - col + 1));
            b.append("    ").append(" ".repeat(col - 1)).append('^').append("~".repeat(len - 1)).append('\n');
        }
        return b.toString();
    }

    @Override public int compareTo(Diagnostic o) {
        int c = Integer.compare(pos.line(), o.pos.line());
        return c != 0 ? c : Integer.compare(pos.col(), o.pos.col());
    }
}
