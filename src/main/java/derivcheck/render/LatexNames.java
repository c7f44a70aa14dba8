package derivcheck.render;

import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Problem;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a name prints in LaTeX math: the spec's {@code latex "…"} name where it gives one, else a
 * default made from the spelling ({@code theta_t} → {@code \theta_t}, {@code x0} → {@code x_0},
 * {@code x_tilde} → {@code \tilde{x}}, {@code eps} → {@code \varepsilon}, {@code l} → {@code \ell},
 * other words of several letters upright).
 */
public final class LatexNames {
    private static final Set<String> GREEK = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
            "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
            "varepsilon", "vartheta", "varphi", "varrho", "varsigma");
    private static final Map<String, String> SHORT = Map.of(
            "eps", "\\varepsilon", "lam", "\\lambda", "l", "\\ell", "inf", "\\infty");
    private static final Map<String, String> ACCENTS = Map.of(
            "tilde", "\\tilde", "hat", "\\hat", "bar", "\\bar", "dot", "\\dot", "vec", "\\vec");
    private static final Pattern TRAILING_DIGITS = Pattern.compile("([A-Za-z]+?)([0-9]+)");

    private final Function<String, Optional<String>> given;

    private LatexNames(Function<String, Optional<String>> given) { this.given = given; }

    /** Names from the spec's {@code latex} clauses, defaults for the rest. */
    public static LatexNames of(Problem p) { return new LatexNames(p::latexName); }

    /** Only default names. */
    public static LatexNames defaults() { return new LatexNames(n -> Optional.empty()); }

    /** The LaTeX for a symbol. The optimal value {@code min}/{@code max} prints as f^\star. */
    public String symbol(Sym s) {
        if (s.kind() == SymKind.OPTIMUM) return "f^{\\star}";
        return name(s.name());
    }

    /** The LaTeX for a name (of a symbol or a declared function). */
    public String name(String name) {
        Optional<String> l = given.apply(name).map(String::strip).filter(LatexNames::balanced);
        if (l.isPresent()) return l.get();
        // an entry named after a symbol with a LaTeX name (x0_i for x0 = x^0): that name, indexed
        int cut = name.lastIndexOf('_');
        if (cut > 0 && cut < name.length() - 1) {
            String base = name.substring(0, cut), index = name.substring(cut + 1);
            Optional<String> b = given.apply(base).map(String::strip).filter(LatexNames::balanced);
            if (b.isPresent() && !ACCENTS.containsKey(index) && !index.equals("star")) {
                String head = isAtom(b.get()) && !hasTopLevel(b.get(), '_') ? b.get() : "(" + b.get() + ")";
                return head + "_" + brace(word(index));
            }
        }
        return standard(name);
    }

    /** Does the spec give this name a LaTeX form that can be used? */
    public boolean hasGiven(String name) { return given.apply(name).filter(LatexNames::balanced).isPresent(); }

    /** The default LaTeX for a spelling. */
    public static String standard(String name) {
        String[] parts = name.split("_", -1);
        for (String part : parts) if (part.isEmpty()) return "\\mathit{" + name.replace("_", "\\_") + "}";
        String base = word(parts[0]);
        StringBuilder subs = new StringBuilder();
        boolean star = false;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (ACCENTS.containsKey(part)) base = ACCENTS.get(part) + "{" + base + "}";
            else if (part.equals("star")) star = true;
            else {
                if (subs.length() > 0) subs.append(',');
                subs.append(word(part));
            }
        }
        Matcher m = TRAILING_DIGITS.matcher(parts[0]);
        if (m.matches() && !GREEK.contains(parts[0]) && !SHORT.containsKey(parts[0])) {
            base = word(m.group(1));
            subs.insert(0, m.group(2));
        }
        if (parts[0].length() > 1 && parts[0].endsWith("star") && parts.length == 1) {
            base = word(parts[0].substring(0, parts[0].length() - 4));
            star = true;
        }
        String out = base;
        if (subs.length() > 0) out += "_" + brace(subs.toString());
        if (star) out += "^{*}";
        return out;
    }

    private static String word(String w) {
        if (SHORT.containsKey(w)) return SHORT.get(w);
        if (GREEK.contains(w)) return "\\" + w;
        if (w.length() <= 1 || w.chars().allMatch(Character::isDigit)) return w;
        return "\\mathrm{" + w + "}";
    }

    private static String brace(String s) { return s.length() == 1 ? s : "{" + s + "}"; }

    /** Are the braces of a LaTeX fragment balanced (so that it cannot break the document)? */
    static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '{') depth++;
            if (c == '}' && --depth < 0) return false;
            if (c == '$' || c == '%' || c == '#' || c == '&') return false;
        }
        return depth == 0 && !s.isEmpty() && !s.endsWith("\\");
    }

    /** Does a LaTeX fragment carry a superscript ({@code ^}) outside braces? */
    static boolean hasTopLevel(String latex, char script) {
        int depth = 0;
        for (int i = 0; i < latex.length(); i++) {
            char c = latex.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == script && depth == 0) return true;
        }
        return false;
    }

    private static final Set<String> ONE_ARGUMENT = Set.of(
            "tilde", "hat", "bar", "dot", "ddot", "vec", "widetilde", "widehat", "overline", "mathbf", "mathrm",
            "mathit", "mathcal", "mathbb", "mathsf", "boldsymbol", "bm", "operatorname", "text");

    /**
     * Is the fragment one symbol that a script can attach to without parentheses: a letter or a
     * command, with its argument for accents and fonts ({@code \tilde g}, {@code \mathbf{w}}), primes,
     * and at most one subscript and one superscript? {@code \nabla_x f(x)} and {@code L(\theta)} are not.
     */
    static boolean isAtom(String latex) {
        String s = latex.strip();
        int[] at = {0};
        if (!atom(s, at)) return false;
        while (at[0] < s.length() && s.charAt(at[0]) == '\'') at[0]++;
        boolean sub = false, sup = false;
        while (at[0] < s.length()) {
            char c = s.charAt(at[0]);
            if (c == '_' && !sub) sub = true;
            else if (c == '^' && !sup) sup = true;
            else return false;
            at[0]++;
            skipSpace(s, at);
            if (!script(s, at)) return false;
        }
        return true;
    }

    private static boolean atom(String s, int[] at) {
        skipSpace(s, at);
        if (at[0] >= s.length()) return false;
        char c = s.charAt(at[0]);
        if (Character.isLetterOrDigit(c)) { at[0]++; return true; }
        if (c == '{') return group(s, at);
        if (c != '\\') return false;
        int i = at[0] + 1;
        while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
        if (i == at[0] + 1) return false;
        String cmd = s.substring(at[0] + 1, i);
        at[0] = i;
        if (ONE_ARGUMENT.contains(cmd)) return atom(s, at);
        return true;
    }

    private static boolean script(String s, int[] at) {
        if (at[0] >= s.length()) return false;
        char c = s.charAt(at[0]);
        if (c == '{') return group(s, at);
        if (Character.isLetterOrDigit(c) || c == '*') { at[0]++; return true; }
        return atom(s, at);
    }

    private static boolean group(String s, int[] at) {
        int depth = 0;
        for (int i = at[0]; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '{') depth++;
            if (c == '}' && --depth == 0) { at[0] = i + 1; return true; }
        }
        return false;
    }

    private static void skipSpace(String s, int[] at) {
        while (at[0] < s.length() && s.charAt(at[0]) == ' ') at[0]++;
    }
}
