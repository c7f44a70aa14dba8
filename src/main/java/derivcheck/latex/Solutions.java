package derivcheck.latex;

import derivcheck.expr.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers a solution document states, in the order written:
 * <ul>
 *   <li>every display; a display whose first written character is {@code =} continues the chain
 *       of the display before it (sheets break long chains over several displays), so the two
 *       are read as one chain whose later rows keep their own lines;</li>
 *   <li>inline math {@code $…$} outside displays when it states a target of the spec (the
 *       predicate decides, e.g. {@code $\tilde x_i^* = …$}); other inline math is prose
 *       ({@code $x_i$}, {@code $\sigma^2$}) and is skipped.</li>
 * </ul>
 */
public final class Solutions {
    private Solutions() {}

    /** One text to read as an answer, where it starts in the document, and whether it was inline. */
    public record Item(String text, Pos pos, boolean inline) {}

    /** Inline math: one dollar (not two), content without a dollar, on one paragraph. */
    private static final Pattern INLINE = Pattern.compile("(?<![\\\\$])\\$(?!\\$)([^$]+?)(?<!\\\\)\\$(?!\\$)");

    public static List<Item> items(String file, String text, Predicate<String> statesTarget) {
        List<Displays.Display> displays = Displays.of(file, text);
        List<Item> out = new ArrayList<>();
        // displays, with continuation groups merged
        List<int[]> spans = new ArrayList<>();
        Item open = null;
        int openContentStart = -1;
        for (Displays.Display d : displays) {
            spans.add(new int[] {d.start(), d.end()});
            int contentStart = offset(text, d.pos());
            // (an environment cannot take one more row after its \end: such a display stays alone)
            if (open != null && d.text().startsWith("=") && !open.inline() && !open.text().contains("\\end")) {
                // the text between the two contents becomes blank (newlines kept, so lines stay
                // right) with a row break in it: the second display is one more row of the chain
                String gap = text.substring(openContentStart + open.text().length(), contentStart);
                StringBuilder g = new StringBuilder();
                for (char c : gap.toCharArray()) g.append(c == '\n' ? '\n' : ' ');
                int at = g.indexOf(" ");
                int at2 = at < 0 ? -1 : g.indexOf(" ", at + 1);
                if (at >= 0 && at2 == at + 1) {
                    g.replace(at, at + 2, "\\\\");
                    open = new Item(open.text() + g + d.text(), open.pos(), false);
                    out.set(out.size() - 1, open);
                    continue;
                }
            }
            open = new Item(d.text(), d.pos(), false);
            openContentStart = contentStart;
            out.add(open);
        }
        // inline math outside the displays
        Matcher m = INLINE.matcher(text);
        List<Item> inline = new ArrayList<>();
        while (m.find()) {
            int s = m.start();
            if (inside(spans, s) || inside(spans, m.end() - 1)) continue;
            String body = m.group(1);
            int lead = 0;
            while (lead < body.length() && Character.isWhitespace(body.charAt(lead))) lead++;
            String content = body.substring(lead).stripTrailing();
            if (content.isEmpty() || !statesTarget.test(content)) continue;
            inline.add(new Item(content, Displays.at(file, text, m.start(1) + lead), true));
        }
        // in document order
        List<Item> all = new ArrayList<>(out);
        all.addAll(inline);
        all.sort((a, b) -> a.pos().line() != b.pos().line() ? Integer.compare(a.pos().line(), b.pos().line())
                : Integer.compare(a.pos().col(), b.pos().col()));
        return all;
    }

    private static boolean inside(List<int[]> spans, int i) {
        for (int[] s : spans) if (i >= s[0] && i < s[1]) return true;
        return false;
    }

    private static int offset(String text, Pos p) {
        int line = 1, i = 0;
        while (line < p.line() && i < text.length()) { if (text.charAt(i++) == '\n') line++; }
        return i + p.col() - 1;
    }
}
