package derivcheck.serve;

import derivcheck.latex.AnswerReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The student's editor text cut into chains: a line that starts with a relation ({@code = …},
 * {@code &= …}, {@code \le …}) continues the chain of the line before, any other line starts a new
 * answer. Blank lines, display delimiters ({@code $$}, {@code \[}, {@code \]}) and
 * {@code \begin{…}}/{@code \end{…}} lines are skipped; a trailing {@code \\} is dropped. Each chain
 * keeps the editor lines it came from, so verdicts and errors land on the line the student typed.
 */
final class EditorText {
    private static final Pattern CONTINUES = Pattern.compile(
            "^\\s*&?\\s*(=|<|>|\\\\le\\b|\\\\leq\\b|\\\\ge\\b|\\\\geq\\b|\\\\ne\\b|\\\\neq\\b|<=|>=|!=)");
    private static final Pattern SKIPPED = Pattern.compile(
            "^\\s*(\\$\\$|\\\\\\[|\\\\]|\\\\begin\\{[a-z*]+}|\\\\end\\{[a-z*]+})?\\s*$");

    private EditorText() {}

    /** One line of a chain: its 1-based editor line and its text as typed (trailing {@code \\} removed). */
    record Line(int number, String text) {}

    /**
     * One chain. {@link #display()} is what the answer reader gets: the lines joined as rows of one
     * display ({@code \\} and a newline between them, so line k of the display is line k of the
     * chain) in LaTeX, or with a space in between when every line is ASCII.
     */
    record Chain(List<Line> lines) {
        Chain { lines = List.copyOf(lines); }

        int firstLine() { return lines.get(0).number(); }

        boolean latex() { return lines.stream().anyMatch(l -> AnswerReader.isLatex(l.text())); }

        String display() {
            StringBuilder b = new StringBuilder();
            boolean latex = latex();
            for (int k = 0; k < lines.size(); k++) {
                if (k > 0) {
                    int gap = lines.get(k).number() - lines.get(k - 1).number();
                    b.append(latex ? " \\\\" + "\n".repeat(gap) : " ");
                }
                b.append(lines.get(k).text());
            }
            return b.toString();
        }

        /** For an ASCII chain joined on one line: the editor line and column of a column in {@link #display()}. */
        int[] asciiPosition(int col) {
            int start = 1;
            for (int k = 0; k < lines.size(); k++) {
                int end = start + lines.get(k).text().length();
                if (col <= end || k == lines.size() - 1) return new int[] {lines.get(k).number(), Math.max(1, col - start + 1)};
                start = end + 1;
            }
            return new int[] {firstLine(), col};
        }
    }

    static List<Chain> chains(String text) {
        List<Chain> out = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        String[] rows = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String t = rows[i];
            if (SKIPPED.matcher(t).matches()) continue;
            t = t.stripTrailing();
            if (t.endsWith("\\\\")) t = t.substring(0, t.length() - 2).stripTrailing();
            if (t.isBlank()) continue;
            if (!CONTINUES.matcher(t).find() || current.isEmpty()) {
                if (!current.isEmpty()) out.add(new Chain(current));
                current = new ArrayList<>();
            }
            current.add(new Line(i + 1, t));
        }
        if (!current.isEmpty()) out.add(new Chain(current));
        return out;
    }
}
