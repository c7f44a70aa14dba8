package derivcheck.render;

import java.util.Map;

/**
 * A rough estimate of how wide a piece of LaTeX math is when typeset in display style, in em.
 * Good enough to decide where to break a long equation; the PDF log has the final word.
 */
public final class LatexWidth {
    private static final Map<String, Double> COMMANDS = Map.ofEntries(
            Map.entry("quad", 1.0), Map.entry("qquad", 2.0), Map.entry(",", 0.17), Map.entry(";", 0.28),
            Map.entry(" ", 0.33), Map.entry("!", -0.17), Map.entry("left", 0.0), Map.entry("right", 0.0),
            Map.entry("cdot", 0.8), Map.entry("le", 1.3), Map.entry("ge", 1.3), Map.entry("neq", 1.3),
            Map.entry("top", 0.7), Map.entry("star", 0.5), Map.entry("|", 0.3), Map.entry("{", 0.5),
            Map.entry("}", 0.5), Map.entry("langle", 0.4), Map.entry("rangle", 0.4), Map.entry("sum", 1.4),
            Map.entry("parallel", 0.5), Map.entry("mid", 0.8), Map.entry("infty", 1.0), Map.entry("partial", 0.6),
            Map.entry("nabla", 0.85), Map.entry("displaystyle", 0.0), Map.entry("textstyle", 0.0));
    private static final double GLYPH = 0.55;

    private LatexWidth() {}

    /** The estimated width of {@code latex} (math mode, display style), in em. */
    public static double of(String latex) { return CALIBRATION * new Scan(latex).run(1.0, -1); }

    /** Measured against pdflatex's overfull-box reports on the problem sheets. */
    private static final double CALIBRATION = 1.4;

    private static final class Scan {
        private final String s;
        private int i;

        Scan(String s) { this.s = s; }

        /** Width until the end or the closing brace of depth {@code stopAt}, at this scale. */
        double run(double scale, int stopAt) {
            double w = 0;
            int depth = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '}') {
                    i++;
                    if (depth == 0 && stopAt >= 0) return w;
                    depth--;
                    continue;
                }
                if (c == '{') { i++; depth++; continue; }
                if (c == '\\') { w += command(scale); continue; }
                if (c == '^' || c == '_') { i++; w += group(scale * 0.7); continue; }
                i++;
                if (c == ' ' || c == '&') continue;
                if (c == '+' || c == '-' || c == '=' || c == '<' || c == '>') w += 1.3 * scale;
                else if (c == ',' || c == ';' || c == '.') w += 0.45 * scale;
                else if (c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '\'') w += 0.35 * scale;
                else w += GLYPH * scale;
            }
            return w;
        }

        /** One argument: a braced group or a single token. */
        double group(double scale) {
            while (i < s.length() && s.charAt(i) == ' ') i++;
            if (i >= s.length()) return 0;
            char c = s.charAt(i);
            if (c == '{') { i++; return run(scale, 0); }
            if (c == '\\') return command(scale);
            i++;
            return GLYPH * scale;
        }

        double command(double scale) {
            int start = ++i;
            if (i < s.length() && !Character.isLetter(s.charAt(i))) {
                i++;
                return COMMANDS.getOrDefault(s.substring(start, i), 0.5) * scale;
            }
            while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
            String name = s.substring(start, i);
            switch (name) {
                case "frac", "dfrac", "tfrac": {
                    double a = group(scale), b = group(scale);
                    return Math.max(a, b) + 0.3 * scale;
                }
                case "sqrt": return group(scale) + 0.9 * scale;
                case "operatorname", "mathrm", "text", "mathit", "textsf", "mathbf", "mathcal", "mathbb", "textbf",
                        "boldsymbol", "bm", "mathsf", "emph":
                    return group(scale) + (name.equals("operatorname") ? 0.3 * scale : 0);
                case "tilde", "hat", "bar", "vec", "dot", "widetilde", "widehat", "overline": return group(scale);
                case "begin", "end": { group(scale); return 0; }
                case "log", "exp", "max", "min", "tan", "sin", "cos", "tanh", "cosh", "sinh", "arctan":
                    return (name.length() * 0.5 + 0.2) * scale;
                default: return COMMANDS.getOrDefault(name, GLYPH) * scale;
            }
        }
    }
}
