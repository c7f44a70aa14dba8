package derivcheck.latex;

import derivcheck.expr.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The display math of a .tex or .md document: $$…$$, \[…\], equation, align, gather (starred or not). */
public final class Displays {
    private Displays() {}

    /** One display: its content and where the content starts. */
    public record Display(String text, Pos pos) {}

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
            if (g == 4 && m.group(3).startsWith("gather")) content = content; // rows are independent chains
            if (content.isBlank()) continue;
            int line = 1, col = 1;
            for (int i = 0; i < start; i++) {
                if (text.charAt(i) == '\n') { line++; col = 1; } else col++;
            }
            out.add(new Display(content, new Pos(file, line, col)));
        }
        return out;
    }
}
