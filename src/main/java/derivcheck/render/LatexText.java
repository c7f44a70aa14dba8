package derivcheck.render;

import java.util.Map;

/** Plain text for LaTeX text mode: the special characters escaped, common non-ASCII letters mapped. */
public final class LatexText {
    private static final Map<Character, String> SPECIAL = Map.ofEntries(
            Map.entry('\\', "\\textbackslash{}"), Map.entry('{', "\\{"), Map.entry('}', "\\}"),
            Map.entry('$', "\\$"), Map.entry('&', "\\&"), Map.entry('#', "\\#"), Map.entry('%', "\\%"),
            Map.entry('_', "\\_"), Map.entry('^', "\\textasciicircum{}"), Map.entry('~', "\\textasciitilde{}"),
            Map.entry('<', "\\textless{}"), Map.entry('>', "\\textgreater{}"), Map.entry('|', "\\textbar{}"),
            Map.entry('"', "''"));
    private static final String GREEK = "αβγδεζηθικλμνξπρστυφχψωΓΔΘΛΞΠΣΥΦΨΩ";
    private static final String[] GREEK_NAMES = {"alpha", "beta", "gamma", "delta", "varepsilon", "zeta", "eta",
        "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "varphi", "chi",
        "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"};
    private static final Map<Character, String> OTHER = Map.ofEntries(
            Map.entry('—', "---"), Map.entry('\u2212', "$-$"), Map.entry('–', "--"), Map.entry('‘', "`"), Map.entry('’', "'"),
            Map.entry('“', "``"), Map.entry('”', "''"), Map.entry('…', "\\dots{}"), Map.entry('·', "$\\cdot$"),
            Map.entry('≤', "$\\le$"), Map.entry('≥', "$\\ge$"), Map.entry('≠', "$\\neq$"), Map.entry('∈', "$\\in$"),
            Map.entry('→', "$\\to$"), Map.entry('∞', "$\\infty$"), Map.entry('×', "$\\times$"),
            Map.entry('‖', "$\\|$"), Map.entry('∇', "$\\nabla$"), Map.entry('√', "$\\surd$"),
            Map.entry('⊙', "$\\odot$"), Map.entry('ℝ', "$\\mathbb{R}$"), Map.entry('é', "\\'e"),
            Map.entry('ä', "\\\"a"), Map.entry('ö', "\\\"o"), Map.entry('ü', "\\\"u"), Map.entry('ß', "\\ss{}"));

    private LatexText() {}

    public static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = SPECIAL.get(c);
            if (r != null) { b.append(r); continue; }
            if (c < 128) {
                b.append(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
                continue;
            }
            int g = GREEK.indexOf(c);
            if (g >= 0) { b.append("$\\").append(GREEK_NAMES[g]).append('$'); continue; }
            String o = OTHER.get(c);
            if (o != null) { b.append(o); continue; }
            if (Character.isHighSurrogate(c)) i++;
            b.append('?');
        }
        return b.toString();
    }
}
