package derivcheck.render;

import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prose for the sheet (titles, statements, the explanations of steps) with its mathematics in math
 * mode. Two kinds of math are recognized:
 * <ul>
 *   <li>{@code $…$}: LaTeX math written by the spec's author, passed on after {@link SafeMath}
 *       has checked it (known commands only, balanced braces);</li>
 *   <li>spec-style ASCII math in running text ({@code lambda/2*||theta||^2}, {@code g = grad(L, y)},
 *       {@code x_i - r*sign(c_i)}, {@code sigma~^2}): runs of the problem's names, Greek names,
 *       single letters, numbers and operators are found and typeset with the problem's LaTeX names
 *       ({@link LatexNames}), {@code grad(L, y)} as {@code \nabla_y L}, {@code ||x||} as a norm.</li>
 * </ul>
 * Everything else is text, escaped by {@link LatexText}. The ASCII reading is a typesetting
 * heuristic, not a parser: it never changes what a formula means, only how it is set (a run it
 * cannot read is still set in math mode, symbol by symbol).
 */
public final class ProseMath {
    private static final Set<String> GREEK = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
            "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
            "varepsilon", "vartheta", "varphi", "eps");
    /** Function words: math only when a bracket follows at once. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("log", "\\log"), Map.entry("exp", "\\exp"), Map.entry("sin", "\\sin"), Map.entry("cos", "\\cos"),
            Map.entry("tanh", "\\tanh"), Map.entry("cosh", "\\cosh"), Map.entry("sinh", "\\sinh"), Map.entry("tan", "\\tan"),
            Map.entry("max", "\\max"), Map.entry("min", "\\min"), Map.entry("sqrt", "\\sqrt"), Map.entry("grad", "\\nabla"),
            Map.entry("E", "\\mathbb{E}"), Map.entry("Var", "\\operatorname{Var}"), Map.entry("sum", "\\textstyle\\sum"),
            Map.entry("det", "\\det"), Map.entry("tr", "\\operatorname{tr}"), Map.entry("argmin", "\\operatorname{arg\\,min}"),
            Map.entry("argmax", "\\operatorname{arg\\,max}"), Map.entry("sign", "\\operatorname{sign}"),
            Map.entry("sigmoid", "\\sigma"), Map.entry("softmax", "\\operatorname{softmax}"),
            Map.entry("relu", "\\operatorname{ReLU}"), Map.entry("logit", "\\operatorname{logit}"),
            Map.entry("softplus", "\\operatorname{softplus}"), Map.entry("abs", "\\operatorname{abs}"));
    /** One-letter English words: math only beside an operator. */
    private static final Set<String> ARTICLES = Set.of("a", "A", "I");

    private final Set<String> names = new HashSet<>();
    private final Set<String> dims = new HashSet<>();
    private final LatexNames latex;

    private ProseMath(Problem p, boolean specNames) {
        this.latex = p == null || !specNames ? LatexNames.defaults() : LatexNames.of(p);
        if (p != null) {
            if (specNames) {
                p.symbols().forEach(s -> names.add(s.name()));
                p.functions().forEach(f -> names.add(f.name()));
            }
            p.dims().forEach(d -> dims.add(d.sym().name()));
        }
    }

    /** For text the engine wrote (explanations of steps): its names are the spec's names, printed with their LaTeX. */
    public static ProseMath of(Problem p) { return new ProseMath(p, true); }

    /**
     * For text the author wrote (titles, statements): its ASCII math is in the author's own notation
     * ("theta^t" may be the spec's theta_t), so names print by default rules, not as spec names.
     */
    public static ProseMath authored(Problem p) { return new ProseMath(p, false); }

    /** Without a problem: only Greek names, single letters and operators are math. */
    public static ProseMath plain() { return new ProseMath(null, false); }

    /** LaTeX text mode for s. */
    public String text(String s) {
        if (!names.isEmpty()) s = sides(s);
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf('$', i);
            if (open < 0) { b.append(ascii(s.substring(i))); break; }
            int close = s.indexOf('$', open + 1);
            if (close < 0) { b.append(ascii(s.substring(i))); break; }
            b.append(ascii(s.substring(i, open)));
            b.append('$').append(SafeMath.clean(s.substring(open + 1, close))).append('$');
            i = close + 1;
        }
        return b.toString();
    }

    /** The engine's "lhs - rhs" in words: the difference of the two sides. */
    private static String sides(String s) {
        return s.replaceAll("\\blhs\\s*[-\u2212?]\\s*rhs\\b", "the difference of the two sides")
                .replaceAll("\\blhs\\b", "the left side").replaceAll("\\brhs\\b", "the right side");
    }

    // ---------------------------------------------------------------- tokens

    private enum T { WORD, NUM, OP, SPACE, OTHER }

    private record Tok(T type, String text) {}

    private static List<Tok> tokens(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i + 1;
            if (Character.isLetter(c) && c < 128) {
                while (j < s.length() && s.charAt(j) < 128 && Character.isLetterOrDigit(s.charAt(j))) j++;
                if (j < s.length() && Character.isLetter(s.charAt(j))) {
                    // a word with a non-ASCII letter ("Hölder"): prose, not the symbol H next to "older"
                    while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) j++;
                    out.add(new Tok(T.OTHER, s.substring(i, j)));
                    i = j;
                    continue;
                }
                out.add(new Tok(T.WORD, s.substring(i, j)));
            } else if (Character.isDigit(c)) {
                while (j < s.length() && (Character.isDigit(s.charAt(j))
                        || (s.charAt(j) == '.' && j + 1 < s.length() && Character.isDigit(s.charAt(j + 1))))) j++;
                if (j < s.length() && Character.isLetter(s.charAt(j))) {
                    // "3b", "1a": a reference, not a product
                    while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) j++;
                    out.add(new Tok(T.OTHER, s.substring(i, j)));
                } else {
                    out.add(new Tok(T.NUM, s.substring(i, j)));
                }
            } else if (c == ' ' || c == '\n' || c == '\t') {
                while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\n' || s.charAt(j) == '\t')) j++;
                out.add(new Tok(T.SPACE, " "));
            } else if ("*^_=<>|+-/()[]{},.~'!?:;".indexOf(c) >= 0 || c == '\u2212') {
                String two = j < s.length() ? s.substring(i, j + 1) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("||") || two.equals("..")
                        || two.equals("->")) {
                    j++;
                    out.add(new Tok(T.OP, two));
                } else {
                    out.add(new Tok(T.OP, c == '\u2212' ? "-" : String.valueOf(c)));
                }
            } else {
                out.add(new Tok(T.OTHER, String.valueOf(c)));
            }
            i = j;
        }
        return out;
    }

    // ---------------------------------------------------------------- which tokens are math

    private static final String BINARY = "*^_=<>|+/-";

    private boolean mathWord(List<Tok> ts, int k) {
        String w = ts.get(k).text;
        boolean bracketNext = k + 1 < ts.size() && (ts.get(k + 1).text.equals("(") || ts.get(k + 1).text.equals("["));
        boolean scriptNext = k + 1 < ts.size() && (ts.get(k + 1).text.equals("_") || ts.get(k + 1).text.equals("^")
                || ts.get(k + 1).text.equals("~") || ts.get(k + 1).text.equals("'"));
        if (w.equals("grad") && k + 2 < ts.size() && ts.get(k + 1).type == T.SPACE && ts.get(k + 2).type == T.WORD) return true;
        // log a + log b: a function word before a one-letter argument, in a formula
        if (FUNCTIONS.containsKey(w) && k + 2 < ts.size() && ts.get(k + 1).type == T.SPACE && ts.get(k + 2).type == T.WORD
                && ts.get(k + 2).text.length() == 1 && (besideOperator(ts, k) || k + 4 < ts.size() && besideOperator(ts, k + 2))) return true;
        // "E is linear", "Var drops constants": the operators named in prose are set as operators
        if ((w.equals("E") || w.equals("Var")) && !names.contains(w)) return true;
        // E||x - mu||^2: the expectation of a norm, written without brackets
        if ((w.equals("E") || w.equals("Var")) && k + 1 < ts.size() && ts.get(k + 1).text.equals("||")) return true;
        if (FUNCTIONS.containsKey(w)) return bracketNext || scriptNext && !ts.get(k + 1).text.equals("'");
        if (ARTICLES.contains(w) && (!names.contains(w) || article(ts, k))) return !article(ts, k) && besideOperator(ts, k);
        if (names.contains(w) || GREEK.contains(w) || w.length() == 1) return true;
        // w0, A0, x1: a letter (or two) with a number is a subscripted name
        if (w.matches("[A-Za-z]{1,2}[0-9]+")) return true;
        if (w.equals("lhs") || w.equals("rhs")) return true;
        // AB, XY beside an operator: a product of capital letters (matrices), not an acronym
        if (w.length() <= 3 && w.chars().allMatch(Character::isUpperCase) && !bracketNext && besideOperator(ts, k)) return true;
        // Ax in ||Ax||^2, XY in Var[XY]: a short word touching a norm bar or a script, or the whole
        // argument of E[…], Var[…], log(…), is a product of letters, not a word
        if (w.length() <= 3 && (touches(ts, k, "||", "|", "^", "_") || soleArgument(ts, k))) return true;
        return bracketNext && besideOperator(ts, k) || scriptNext && !ts.get(k + 1).text.equals("'");
    }

    /** An operator right beside token k (no space), or across one space for = < > and the like. */
    private static boolean besideOperator(List<Tok> ts, int k) {
        for (int d : new int[] {-1, 1}) {
            int j = k + d;
            if (j < 0 || j >= ts.size()) continue;
            Tok t = ts.get(j);
            if (t.type == T.OP && (BINARY.indexOf(t.text.charAt(0)) >= 0 || t.text.equals("(") && d == 1
                    || t.text.equals(")") && d == -1)) return true;
            if (t.type == T.SPACE && j + d >= 0 && j + d < ts.size()) {
                Tok u = ts.get(j + d);
                if (u.type == T.OP && (u.text.equals("=") || u.text.equals("<=") || u.text.equals(">=") || u.text.equals("*")
                        || u.text.equals("-") || u.text.equals("+")
                        || u.text.equals("/") || u.text.equals("<") || u.text.equals(">"))) return true;
            }
        }
        return false;
    }

    /** Words after which a one-letter name is the subject of a sentence, not an article: "a is", "a solves". */
    private static final Set<String> VERBS = Set.of("is", "are", "was", "has", "and", "or", "in", "on", "at", "for", "to",
            "of", "with", "solves", "satisfies", "equals", "must", "can", "does", "gives", "be", "stays", "vanishes");

    /** "a function", "a scalar", "A sum": the article before a word (a name "a" is then the article too). */
    private boolean article(List<Tok> ts, int k) {
        if (k + 2 >= ts.size() || ts.get(k + 1).type != T.SPACE || ts.get(k + 2).type != T.WORD) return false;
        String next = ts.get(k + 2).text;
        return next.length() > 2 && !VERBS.contains(next) && !names.contains(next) && !GREEK.contains(next)
                && !(k + 3 < ts.size() && (ts.get(k + 3).text.equals("(") || ts.get(k + 3).text.equals("[")))
                && next.chars().allMatch(Character::isLowerCase);
    }

    /** Does token k touch (no space between) one of these operators on either side? */
    private static boolean touches(List<Tok> ts, int k, String... ops) {
        for (int j : new int[] {k - 1, k + 1}) {
            if (j < 0 || j >= ts.size() || ts.get(j).type != T.OP) continue;
            for (String o : ops) if (ts.get(j).text.equals(o)) return true;
        }
        return false;
    }

    /** Is token k the whole argument of a function word: E[XY], log(ab)? */
    private static boolean soleArgument(List<Tok> ts, int k) {
        if (k < 2 || k + 1 >= ts.size()) return false;
        String open = ts.get(k - 1).text, close = ts.get(k + 1).text;
        boolean brackets = open.equals("[") && close.equals("]") || open.equals("(") && close.equals(")");
        return brackets && ts.get(k - 2).type == T.WORD && FUNCTIONS.containsKey(ts.get(k - 2).text);
    }

    /** An apostrophe between a word and "s" or "t" (E's, don't) is text, not a prime. */
    private static boolean possessive(List<Tok> ts, int k) {
        if (!ts.get(k).text.equals("'") || k == 0 || k + 1 >= ts.size()) return false;
        Tok a = ts.get(k - 1), b = ts.get(k + 1);
        boolean after = k + 2 >= ts.size() || ts.get(k + 2).type == T.SPACE || ".,;:)".contains(ts.get(k + 2).text);
        return a.type == T.WORD && b.type == T.WORD && (b.text.equals("s") || b.text.equals("t")) && after;
    }

    /** A hyphen between two words with no spaces ("1-D", "l-infinity", "log-probability") is text. */
    private boolean hyphen(List<Tok> ts, int k) {
        if (!ts.get(k).text.equals("-") || k == 0 || k + 1 >= ts.size()) return false;
        Tok a = ts.get(k - 1), b = ts.get(k + 1);
        boolean words = (a.type == T.WORD || a.type == T.NUM) && b.type == T.WORD
                && !(b.text.length() == 1 && Character.isLowerCase(b.text.charAt(0))); // 1-p is math, 1-D is not
        return words && !names.contains(a.text) && !names.contains(b.text) && !GREEK.contains(b.text);
    }

    private String ascii(String s) {
        List<Tok> ts = tokens(s);
        int n = ts.size();
        for (int k = 0; k < n; k++) {
            if (ts.get(k).text.equals("*") && star(ts, k)) ts.set(k, new Tok(T.OP, "STAR"));
        }
        boolean[] math = new boolean[n];
        boolean[] iid = new boolean[n]; // "i.i.d." is an abbreviation, not a product of letters
        for (int q = 0; q + 4 < n; q++) {
            if (ts.get(q).text.equals("i") && ts.get(q + 1).text.equals(".") && ts.get(q + 2).text.equals("i")
                    && ts.get(q + 3).text.equals(".") && ts.get(q + 4).text.equals("d")) {
                for (int r = q; r <= Math.min(n - 1, q + 5); r++) iid[r] = true;
            }
        }
        boolean[] strong = new boolean[n];
        int depth = 0; // inside the brackets of a formula, N(x; mu, sigma^2 I): ";" and "I" are math
        for (int k = 0; k < n; k++) {
            Tok t = ts.get(k);
            if (t.text.equals(")") || t.text.equals("]")) depth = Math.max(0, depth - 1);
            boolean inside = depth > 0 && k > 0 && math[k - 1];
            switch (t.type) {
                case WORD -> {
                    math[k] = mathWord(ts, k) || inside && t.text.equals("I") && k + 1 < n && ts.get(k + 1).text.equals(")");
                    strong[k] = math[k];
                }
                case NUM -> math[k] = true;
                case OP -> {
                    math[k] = !t.text.equals("?") && !t.text.equals("!") && !(t.text.equals(";") && !inside) && !hyphen(ts, k)
                            && !possessive(ts, k);
                    strong[k] = math[k] && "*^_=<>|/".indexOf(t.text.charAt(0)) >= 0 || t.text.equals("..") || t.text.equals("||");
                }
                default -> math[k] = inside && t.type == T.SPACE;
            }
            if (t.text.equals("(") || t.text.equals("[")) depth++;
        }
        for (int q = 0; q < n; q++) if (iid[q]) math[q] = false;
        for (int q = 1; q + 1 < n; q++) if (possessive(ts, q)) { math[q - 1] &= !"E".equals(ts.get(q - 1).text); math[q + 1] = false; }
        // the words of a hyphenated compound ("1-D", "l-infinity") are text, like the hyphen
        for (int q = 1; q + 1 < n; q++) {
            if (ts.get(q).text.equals("-") && !math[q]) { math[q - 1] &= ts.get(q - 1).type != T.WORD && ts.get(q - 1).type != T.NUM; math[q + 1] = false; }
        }
        StringBuilder b = new StringBuilder();
        int k = 0;
        while (k < n) {
            if (!math[k] || ts.get(k).type == T.SPACE) { b.append(plain(ts.get(k))); k++; continue; }
            // a run of math tokens, spaces inside it included
            int end = k;
            int j = k;
            while (j < n && (math[j] || ts.get(j).type == T.SPACE && j + 1 < n && math[j + 1])) { if (math[j]) end = j; j++; }
            // trim sentence punctuation and unmatched brackets at the ends
            int lo = k, hi = end;
            // spaces at the ends stay outside the math: "E[Y]^2 (only …" keeps its space before the bracket
            while (hi >= lo && (isTrailing(ts, hi, lo) || ts.get(hi).type == T.SPACE)) hi--;
            while (lo <= hi && (isLeading(ts, lo, hi) || ts.get(lo).type == T.SPACE)) lo++;
            boolean any = false;
            for (int q = lo; q <= hi; q++) any |= strong[q];
            for (int q = k; q < lo; q++) b.append(plain(ts.get(q)));
            if (any && lo <= hi) b.append('$').append(latex(ts.subList(lo, hi + 1))).append('$');
            else for (int q = lo; q <= hi; q++) b.append(plain(ts.get(q)));
            for (int q = hi + 1; q <= end; q++) b.append(plain(ts.get(q)));
            k = end + 1;
        }
        return b.toString();
    }

    private static boolean isTrailing(List<Tok> ts, int at, int lo) {
        String t = ts.get(at).text;
        if (t.equals(".") || t.equals(",") || t.equals(":") || t.equals("-") || t.equals("+") || t.equals("(") || t.equals("[")) return true;
        if (t.equals(")") || t.equals("]")) return depth(ts, lo, at) < 0;
        return false;
    }

    private static boolean isLeading(List<Tok> ts, int at, int hi) {
        String t = ts.get(at).text;
        if (t.equals(",") || t.equals(".") || t.equals(":") || t.equals(")")) return true;
        if (t.equals("(") || t.equals("[")) return depth(ts, at, hi) > 0;
        return false;
    }

    private static int depth(List<Tok> ts, int lo, int hi) {
        int d = 0;
        for (int q = lo; q <= hi; q++) {
            String t = ts.get(q).text;
            if (t.equals("(") || t.equals("[")) d++;
            if (t.equals(")") || t.equals("]")) d--;
        }
        return d;
    }

    private static String plain(Tok t) { return LatexText.escape(t.text); }

    // ---------------------------------------------------------------- ASCII math to LaTeX

    private String latex(List<Tok> ts) {
        StringBuilder b = new StringBuilder();
        int[] at = {0};
        while (at[0] < ts.size()) b.append(item(ts, at));
        return b.toString().strip();
    }

    /** One item: an atom with its scripts, or an operator. */
    private String item(List<Tok> ts, int[] at) {
        Tok t = ts.get(at[0]);
        if (t.type == T.SPACE) { at[0]++; return " "; }
        if (t.type == T.OP) {
            at[0]++;
            return switch (t.text) {
                case "*" -> "\\,";
                case "STAR" -> "^{*}";
                case "<" -> angle(ts, at[0] - 1) ? "\\langle " : "<";
                case ">" -> angle(ts, at[0] - 1) ? "\\rangle " : ">";
                case "<=" -> "\\le ";
                case ">=" -> "\\ge ";
                case "!=" -> "\\ne ";
                case "->" -> "\\to ";
                case "||" -> "\\|";
                case ".." -> "\\dots ";
                case "{" -> "\\{";
                case "}" -> "\\}";
                case "~" -> "\\sim ";
                case "^", "_" -> t.text + "{" + group(ts, at) + "}";
                case "?" -> "\\mathbin{?}";
                default -> t.text;
            };
        }
        at[0]++;
        String atom = t.type == T.WORD ? word(ts, t.text, at) : t.text;
        while (at[0] < ts.size()) {
            String s = ts.get(at[0]).text;
            if (s.equals("~")) { atom = "\\tilde{" + atom + "}"; at[0]++; }
            else if (s.equals("'")) { atom = atom + "'"; at[0]++; }
            else if (s.equals("^") || s.equals("_")) {
                at[0]++;
                String g = group(ts, at);
                if (topLevel(atom, s.charAt(0))) atom = "{" + atom + "}"; // x^{(i)} squared: {x^{(i)}}^{2}
                atom = atom + s + "{" + (s.equals("^") && g.equals("T") && !dims.contains("T") && !names.contains("T") ? "\\top" : g) + "}";
            } else break;
        }
        return atom;
    }

    private static boolean topLevel(String s, char c) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == '{') d++;
            else if (x == '}') d--;
            else if (x == c && d == 0) return true;
        }
        return false;
    }

    /** p* (p-star) rather than a product: a star after a word, before a space, a bracket or the end. */
    private static boolean star(List<Tok> ts, int k) {
        if (k == 0 || ts.get(k - 1).type != T.WORD) return false;
        if (k + 1 >= ts.size()) return true;
        Tok next = ts.get(k + 1);
        return next.type == T.SPACE || next.text.equals(")") || next.text.equals(",");
    }

    /** <a, b> as an inner product: no space inside the brackets, a comma between them. */
    private static boolean angle(List<Tok> ts, int k) {
        boolean open = ts.get(k).text.equals("<");
        int d = open ? 1 : -1;
        if (k + d < 0 || k + d >= ts.size() || ts.get(k + d).type == T.SPACE) return false;
        boolean comma = false;
        for (int q = k + d; q >= 0 && q < ts.size(); q += d) {
            String t = ts.get(q).text;
            if (t.equals(",")) comma = true;
            if (t.equals(open ? "<" : ">") || t.equals("=")) return false;
            if (t.equals(open ? ">" : "<")) return comma && ts.get(q - d).type != T.SPACE;
        }
        return false;
    }

    private String word(List<Tok> ts, String w, int[] at) {
        // spec names with underscores (theta_t, x_tilde) are one name when the problem has them
        int j = at[0];
        String joined = w;
        while (j + 1 < ts.size() && ts.get(j).text.equals("_") && ts.get(j + 1).type != T.SPACE
                && names.contains(joined + "_" + ts.get(j + 1).text)) {
            joined = joined + "_" + ts.get(j + 1).text;
            j += 2;
        }
        if (!joined.equals(w)) { at[0] = j; return latex.name(joined); }
        if (w.equals("grad") && at[0] < ts.size() && ts.get(at[0]).text.equals("(")) return grad(ts, at);
        if (FUNCTIONS.containsKey(w) && !names.contains(w)) return FUNCTIONS.get(w) + (w.equals("grad") ? " " : "");
        if (w.equals("lhs") || w.equals("rhs")) return "\\text{" + w + "}";
        if (names.contains(w)) return latex.name(w);
        if (w.length() == 1) return w;
        // a short run of letters (XY, Ax) is a product of one-letter names
        if (w.length() <= 3 && !GREEK.contains(w) && w.chars().allMatch(Character::isLetter)
                && !(at[0] < ts.size() && ts.get(at[0]).text.equals("("))) return w;
        return LatexNames.standard(w);
    }

    /** grad(L, y) as \nabla_{y} L, grad(f) as \nabla f. */
    private String grad(List<Tok> ts, int[] at) {
        int close = matching(ts, at[0]);
        if (close < 0) return "\\nabla";
        List<List<Tok>> args = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        int d = 0;
        for (int q = at[0] + 1; q < close; q++) {
            Tok t = ts.get(q);
            if (t.text.equals("(") || t.text.equals("[")) d++;
            if (t.text.equals(")") || t.text.equals("]")) d--;
            if (d == 0 && t.text.equals(",")) { args.add(cur); cur = new ArrayList<>(); continue; }
            cur.add(t);
        }
        args.add(cur);
        at[0] = close + 1;
        if (args.size() == 2) return "\\nabla_{" + latex(args.get(1)) + "} " + latex(args.get(0));
        return "\\nabla " + latex(args.get(0));
    }

    private static int matching(List<Tok> ts, int open) {
        int d = 0;
        for (int q = open; q < ts.size(); q++) {
            String t = ts.get(q).text;
            if (t.equals("(") || t.equals("[") || t.equals("{")) d++;
            if (t.equals(")") || t.equals("]") || t.equals("}")) { d--; if (d == 0) return q; }
        }
        return -1;
    }

    /** A script: a bracketed group (brackets dropped), or one atom (a minus sign taken along). */
    private String group(List<Tok> ts, int[] at) {
        if (at[0] >= ts.size()) return "";
        Tok t = ts.get(at[0]);
        if (t.text.equals("(") || t.text.equals("{")) {
            int close = matching(ts, at[0]);
            if (close > at[0]) {
                String inner = latex(ts.subList(at[0] + 1, close));
                at[0] = close + 1;
                return inner;
            }
        }
        if (t.text.equals("-") && at[0] + 1 < ts.size()) { at[0]++; return "-" + group(ts, at); }
        if (t.type == T.WORD) { at[0]++; return word(ts, t.text, at); }
        if (t.type == T.NUM || t.type == T.OP && !t.text.equals(" ")) { at[0]++; return t.text.equals("*") ? "*" : t.text; }
        return "";
    }
}
