package derivcheck.latex;

import derivcheck.expr.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The display math of a .tex or .md document: $$…$$, \[…\], equation, align, gather (starred or not). */
public final class Displays {
    private Displays() {}

    /**
     * One display: its content, where the content starts, and the span of the whole display
     * (delimiters included) as character offsets into the document.
     */
    public record Display(String text, Pos pos, int start, int end) {
        public Display(String text, Pos pos) { this(text, pos, -1, -1); }
    }

    private static final Pattern DISPLAY = Pattern.compile(
            "\\$\\$(.*?)\\$\\$|\\\\\\[(.*?)\\\\\\]|\\\\begin\\{(equation\\*?|align\\*?|gather\\*?|multline\\*?)\\}(.*?)\\\\end\\{\\3\\}",
            Pattern.DOTALL);

    public static List<Display> of(String file, String text) {
        List<Display> out = new ArrayList<>();
        Matcher m = DISPLAY.matcher(text);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 4;
            String body = m.group(g);
            int start = m.start(g);
            // skip leading blank space so the position is the first written character
            int lead = 0;
            while (lead < body.length() && Character.isWhitespace(body.charAt(lead))) lead++;
            start += lead;
            body = body.substring(lead);
            String content = body.replaceAll("\\\\(tag|label)\\{[^}]*\\}", "").stripTrailing();
            if (content.isBlank()) continue;
            out.add(new Display(content, at(file, text, start), m.start(), m.end()));
        }
        return out;
    }

    /** Where the empty displays ($$ $$, \\[ \\], an equation with only a \\label) open: they hold no answer, and are said so. */
    public static List<Pos> empties(String file, String text) {
        List<Pos> out = new ArrayList<>();
        Matcher m = DISPLAY.matcher(text);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 4;
            if (m.group(g).replaceAll("\\\\(tag|label)\\{[^}]*\\}", "").isBlank()) out.add(at(file, text, m.start()));
        }
        return out;
    }

    /** The position (1-based line and column) of a character offset. */
    static Pos at(String file, String text, int offset) {
        int line = 1, col = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') { line++; col = 1; } else col++;
        }
        return new Pos(file, line, col);
    }
}
