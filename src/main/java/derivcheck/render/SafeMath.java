package derivcheck.render;

import java.util.Set;

/**
 * LaTeX math from a spec's text ({@code $…$} in a title or statement), made safe to paste into a
 * sheet: only known math commands pass (no {@code \input}, {@code \write}, {@code \def}, no
 * catcode tricks), braces are balanced, and characters that would end math mode or start a
 * comment are escaped. An unknown command is set as its name in upright letters.
 */
public final class SafeMath {
    static final Set<String> COMMANDS = Set.copyOf(java.util.List.of(
            // Greek
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "varrho", "sigma", "tau", "upsilon", "phi", "varphi",
            "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi",
            "Omega", "ell",
            // structure and fonts
            "frac", "tfrac", "dfrac", "sqrt", "left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "middle",
            "mathbb", "mathcal", "mathrm", "mathbf", "mathit", "boldsymbol", "bm", "operatorname", "text", "textrm",
            "tilde", "hat", "bar", "widetilde", "widehat", "overline", "vec", "dot", "ddot",
            // operators and relations
            "sum", "prod", "int", "log", "exp", "sin", "cos", "tan", "tanh", "sinh", "cosh", "arctan", "max", "min",
            "arg", "det", "sup", "inf", "lim", "le", "leq", "ge", "geq", "ne", "neq", "approx", "sim", "propto",
            "equiv", "in", "notin", "subset", "subseteq", "to", "mapsto", "mid", "cdot", "cdots", "ldots", "dots",
            "vdots", "ddots", "times", "odot", "otimes", "circ", "pm", "mp", "infty", "partial", "nabla", "top",
            "intercal", "star", "ast", "prime", "langle", "rangle", "lvert", "rvert", "lVert", "rVert", "Vert", "vert",
            "|", "{", "}", ",", ";", "!", " ", "quad", "qquad", "colon", "forall", "exists", "land", "lor", "neg",
            "Rightarrow", "Leftrightarrow", "iff", "implies", "setminus", "cup", "cap", "emptyset", "lfloor",
            "rfloor", "lceil", "rceil", "limits", "displaystyle", "textstyle", "top", "perp", "parallel", "star",
            "mathsf", "underbrace", "overbrace", "binom", "choose", "backslash", "%", "_", "&", "#", "$"));

    private SafeMath() {}

    /** The math, safe to put between {@code $…$}. */
    public static String clean(String math) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < math.length(); i++) {
            char c = math.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                if (j < math.length() && !Character.isLetter(math.charAt(j))) {
                    String sym = String.valueOf(math.charAt(j));
                    b.append(COMMANDS.contains(sym) ? "\\" + sym : "\\backslash ");
                    i = j;
                    continue;
                }
                while (j < math.length() && Character.isLetter(math.charAt(j))) j++;
                String name = math.substring(i + 1, j);
                b.append(COMMANDS.contains(name) ? "\\" + name : name.isEmpty() ? "\\backslash " : "\\mathrm{" + name + "}");
                i = j - 1;
                continue;
            }
            switch (c) {
                case '{' -> { depth++; b.append(c); }
                case '}' -> { if (depth > 0) { depth--; b.append(c); } else b.append("\\}"); }
                case '%' -> b.append("\\%");
                case '#' -> b.append("\\#");
                case '&' -> b.append("\\&");
                case '~' -> b.append("\\sim ");
                case '^' -> {
                    // ^^5c is a backslash to TeX: never two carets in a row
                    if (i + 1 < math.length() && math.charAt(i + 1) == '^') b.append("^{}"); else b.append(c);
                }
                case '\n', '\r', '\t' -> b.append(' ');
                default -> {
                    if (c >= 128) b.append(LatexText.escape(String.valueOf(c)).replace("$", ""));
                    else b.append(c);
                }
            }
        }
        b.append("}".repeat(depth));
        return b.toString();
    }
}
