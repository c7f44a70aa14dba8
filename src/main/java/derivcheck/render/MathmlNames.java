package derivcheck.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MathML of a name. Names are LaTeX fragments (the spec's {@code latex "…"} clauses, or the
 * defaults of {@link LatexNames}), so this reads the small part of LaTeX that names use: letters,
 * digits, Greek letters and symbols by command, fonts ({@code \mathbf}, {@code \mathbb}, {@code \mathcal},
 * {@code \mathrm}, {@code \text}, {@code \operatorname}), accents ({@code \tilde}, {@code \hat}, {@code \bar}, …),
 * sub- and superscripts, primes, braces and delimiters. Anything else is shown as its own text,
 * escaped: a name never breaks the page and never carries markup of its own.
 */
public final class MathmlNames {
    private static final Map<String, String> SYMBOLS = new HashMap<>();
    private static final Map<String, String> OPERATORS = new HashMap<>();
    private static final Map<String, String> ACCENTS = Map.of(
            "tilde", "~", "widetilde", "~", "hat", "^", "widehat", "^", "bar", "\u00af", "overline", "\u00af",
            "vec", "\u2192", "dot", "\u02d9", "ddot", "\u00a8", "check", "\u02c7");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    static {
        String[][] greek = {
            {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"}, {"varepsilon", "ε"},
            {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"}, {"kappa", "κ"},
            {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"varpi", "ϖ"}, {"rho", "ρ"},
            {"varrho", "ϱ"}, {"sigma", "σ"}, {"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "ϕ"},
            {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"},
            {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"}, {"Sigma", "Σ"}, {"Upsilon", "Υ"},
            {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"},
            {"ell", "ℓ"}, {"infty", "∞"}, {"partial", "∂"}, {"nabla", "∇"}, {"star", "⋆"}, {"ast", "∗"},
            {"top", "⊤"}, {"prime", "′"}, {"emptyset", "∅"}, {"hbar", "ℏ"}};
        for (String[] g : greek) SYMBOLS.put(g[0], g[1]);
        String[][] ops = {
            {"mid", "∣"}, {"parallel", "∥"}, {"|", "‖"}, {"cdot", "⋅"}, {"times", "×"}, {"dots", "…"},
            {"ldots", "…"}, {"cdots", "⋯"}, {"colon", ":"}, {"to", "→"}, {"in", "∈"}, {"le", "≤"}, {"leq", "≤"},
            {"ge", "≥"}, {"geq", "≥"}, {"ne", "≠"}, {"neq", "≠"}, {"langle", "⟨"}, {"rangle", "⟩"}, {"sum", "∑"},
            {"prod", "∏"}, {"odot", "⊙"}, {"otimes", "⊗"}, {"circ", "∘"}, {"{", "{"}, {"}", "}"}, {"pm", "±"},
            {"sim", "∼"}, {"approx", "≈"}, {"lbrack", "["}, {"rbrack", "]"}, {"vert", "|"}, {"Vert", "‖"}};
        for (String[] o : ops) OPERATORS.put(o[0], o[1]);
    }

    private MathmlNames() {}

    /** The MathML (one element) of a LaTeX name. */
    public static String of(String latex) {
        return CACHE.computeIfAbsent(latex, l -> {
            List<String> items = new Reader(l).sequence(false);
            return row(items);
        });
    }

    static String row(List<String> items) {
        if (items.size() == 1) return items.get(0);
        return "<mrow>" + String.join("", items) + "</mrow>";
    }

    /** Text escaped for an XML element or attribute. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') b.append(' ');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    static String mi(String s) { return "<mi>" + escape(s) + "</mi>"; }

    static String upright(String s) {
        return s.codePointCount(0, s.length()) == 1 ? "<mi mathvariant=\"normal\">" + escape(s) + "</mi>" : mi(s);
    }

    static String mo(String s) { return "<mo>" + escape(s) + "</mo>"; }

    static String mn(String s) { return "<mn>" + escape(s) + "</mn>"; }

    /** A letter in a mathematical alphabet (bold, double-struck, script) by its Unicode code point. */
    static String styled(String font, char c) {
        if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) return String.valueOf(c);
        boolean upper = c <= 'Z' && c >= 'A';
        switch (font) {
            case "bold" -> {
                if (c >= '0' && c <= '9') return new String(Character.toChars(0x1D7CE + (c - '0')));
                return new String(Character.toChars((upper ? 0x1D400 : 0x1D41A) + (upper ? c - 'A' : c - 'a')));
            }
            case "double" -> {
                String holes = switch (c) {
                    case 'C' -> "ℂ"; case 'H' -> "ℍ"; case 'N' -> "ℕ"; case 'P' -> "ℙ"; case 'Q' -> "ℚ";
                    case 'R' -> "ℝ"; case 'Z' -> "ℤ"; default -> null;
                };
                if (holes != null) return holes;
                if (c >= '0' && c <= '9') return new String(Character.toChars(0x1D7D8 + (c - '0')));
                return new String(Character.toChars((upper ? 0x1D538 : 0x1D552) + (upper ? c - 'A' : c - 'a')));
            }
            case "script" -> {
                String holes = switch (c) {
                    case 'B' -> "ℬ"; case 'E' -> "ℰ"; case 'F' -> "ℱ"; case 'H' -> "ℋ"; case 'I' -> "ℐ";
                    case 'L' -> "ℒ"; case 'M' -> "ℳ"; case 'R' -> "ℛ"; case 'e' -> "ℯ"; case 'g' -> "ℊ";
                    case 'o' -> "ℴ"; default -> null;
                };
                if (holes != null) return holes;
                if (c >= '0' && c <= '9') return String.valueOf(c);
                return new String(Character.toChars((upper ? 0x1D49C : 0x1D4B6) + (upper ? c - 'A' : c - 'a')));
            }
            default -> { return String.valueOf(c); }
        }
    }

    /** A recursive reader over one fragment; it never throws (bad input is shown as text). */
    private static final class Reader {
        private final String s;
        private int at;
        private int depth;

        Reader(String s) { this.s = s; }

        /** Items up to the end, or to the closing brace when {@code braced}. */
        List<String> sequence(boolean braced) {
            List<String> out = new ArrayList<>();
            while (at < s.length()) {
                char c = s.charAt(at);
                if (c == '}' && braced) { at++; return out; }
                if (c == '}') { at++; out.add(mo("}")); continue; }
                if (c == '_' || c == '^' || c == '\'') {
                    // a script with nothing before it: attach to an empty base
                    String base = out.isEmpty() ? "<mrow></mrow>" : out.remove(out.size() - 1);
                    out.add(scripts(base));
                    continue;
                }
                String a = atom();
                if (a == null) continue;
                out.add(scripts(a));
            }
            return out;
        }

        private String scripts(String base) {
            String sub = null, sup = null;
            int primes = 0;
            while (at < s.length()) {
                skipSpace();
                if (at >= s.length()) break;
                char c = s.charAt(at);
                if (c == '\'') { primes++; at++; }
                else if (c == '_' && sub == null) { at++; sub = argument(); }
                else if (c == '^' && sup == null) { at++; sup = argument(); }
                else break;
            }
            if (primes > 0 && sup == null && sub == null) {
                // the prime glyph sits high already: beside the base, not as a superscript
                return "<mrow>" + base + "<mo lspace=\"0\" rspace=\"0\">" + "′".repeat(primes) + "</mo></mrow>";
            }
            if (primes > 0) {
                String p = mo("′".repeat(primes));
                sup = sup == null ? p : "<mrow>" + p + sup + "</mrow>";
            }
            if (sub != null && sup != null) return "<msubsup>" + base + sub + sup + "</msubsup>";
            if (sub != null) return "<msub>" + base + sub + "</msub>";
            if (sup != null) return "<msup>" + base + sup + "</msup>";
            return base;
        }

        /** One script argument: a braced group or one token. */
        private String argument() {
            skipSpace();
            if (at >= s.length()) return "<mrow></mrow>";
            char c = s.charAt(at);
            if (c == '{') { at++; return group(); }
            if (Character.isDigit(c)) { at++; return mn(String.valueOf(c)); }
            if (c == '*') { at++; return mo("∗"); }
            String a = atom();
            return a == null ? "<mrow></mrow>" : a;
        }

        private String group() {
            if (++depth > 50) { at = s.length(); return mi("…"); }
            String r = row(sequence(true));
            depth--;
            return r;
        }

        private void skipSpace() {
            while (at < s.length() && s.charAt(at) == ' ') at++;
        }

        private String atom() {
            char c = s.charAt(at);
            if (c == ' ' || c == '~') { at++; return null; }
            if (c == '{') { at++; return group(); }
            if (Character.isDigit(c)) {
                int b = at;
                while (at < s.length() && (Character.isDigit(s.charAt(at)) || s.charAt(at) == '.')) at++;
                return mn(s.substring(b, at));
            }
            if (Character.isLetter(c)) { at++; return mi(String.valueOf(c)); }
            if (c == '\\') return command();
            at++;
            return switch (c) {
                case '-' -> mo("−");
                case '*' -> mo("∗");
                default -> mo(String.valueOf(c));
            };
        }

        private String command() {
            at++;
            if (at >= s.length()) return mo("\\");
            int b = at;
            while (at < s.length() && Character.isLetter(s.charAt(at))) at++;
            if (at == b) {
                char c = s.charAt(at++);
                if (c == ',' || c == ';' || c == ':' || c == ' ') return "<mspace width=\"0.2em\"></mspace>";
                if (c == '!') return null;
                String o = OPERATORS.get(String.valueOf(c));
                return mo(o != null ? o : String.valueOf(c));
            }
            String cmd = s.substring(b, at);
            if (SYMBOLS.containsKey(cmd)) return mi(SYMBOLS.get(cmd));
            if (OPERATORS.containsKey(cmd)) return mo(OPERATORS.get(cmd));
            if (ACCENTS.containsKey(cmd)) {
                String body = argument();
                return "<mover accent=\"true\">" + body + mo(ACCENTS.get(cmd)) + "</mover>";
            }
            switch (cmd) {
                case "mathbf", "boldsymbol", "bm", "mathbb", "mathcal", "mathscr" -> {
                    String font = cmd.equals("mathbb") ? "double" : cmd.startsWith("math") && !cmd.equals("mathbf") ? "script" : "bold";
                    String text = plain();
                    if (text == null) return argument();
                    StringBuilder out = new StringBuilder();
                    for (char ch : text.toCharArray()) out.append(styled(font, ch));
                    return text.length() == 1 && !Character.isLetterOrDigit(text.charAt(0)) ? mi(text) : upright(out.toString());
                }
                case "mathrm", "operatorname", "mathit", "mathsf", "textrm" -> {
                    String text = plain();
                    if (text == null) return argument();
                    return cmd.equals("mathit") ? mi(text) : upright(text);
                }
                case "text", "textit", "mbox" -> {
                    String text = plain();
                    return "<mtext>" + escape(text == null ? "" : text) + "</mtext>";
                }
                case "left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "limits", "displaystyle" -> {
                    return null;
                }
                case "quad", "qquad" -> { return "<mspace width=\"1em\"></mspace>"; }
                case "log", "exp", "sin", "cos", "tanh", "max", "min", "det", "tr", "arg", "sup", "inf", "lim" -> {
                    return mi(cmd);
                }
                default -> { return mi(cmd); }
            }
        }

        /** The text of a braced group without commands ({@code {ridge}}), or one letter; null otherwise. */
        private String plain() {
            skipSpace();
            if (at >= s.length()) return "";
            if (s.charAt(at) != '{') {
                char c = s.charAt(at);
                if (c == '\\') return null;
                at++;
                return String.valueOf(c);
            }
            int close = s.indexOf('}', at);
            if (close < 0) return null;
            String inside = s.substring(at + 1, close);
            if (inside.contains("\\") || inside.contains("{") || inside.contains("_") || inside.contains("^")) return null;
            at = close + 1;
            return inside;
        }
    }
}
