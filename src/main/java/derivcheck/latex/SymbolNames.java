package derivcheck.latex;

import derivcheck.grammar.LatexLexer;
import derivcheck.model.FunctionDecl;
import derivcheck.model.Problem;
import derivcheck.expr.Sym;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * The spec's symbols by their LaTeX names: each `latex "..."` of the spec, read by the same
 * lexer and rewrite as an answer, is a token pattern; a symbol without one is also found under
 * its plain name written as LaTeX (lambda as \lambda, x0 as x_0, sigma_tilde as \tilde\sigma,
 * eps as \varepsilon). In an answer, the longest pattern at each place becomes one SYM token.
 */
final class SymbolNames {
    /** A SYM token that remembers how it was written. */
    static final class NameToken extends CommonToken {
        final String written;
        /** Set when only the head of a name written with arguments matched: f of f(x; w), then `(` follows. */
        final Signature applied;

        NameToken(Token first, String specName, String written) { this(first, specName, written, null); }

        NameToken(Token first, String specName, String written, Signature applied) {
            super(first);
            setType(derivcheck.grammar.LatexParser.SYM);
            setText(specName);
            this.written = written;
            this.applied = applied;
        }
    }

    /**
     * A spec name written with arguments, `latex "f(x; w)"`: its head (f) and its parameters
     * (the spec names x and w, or null where a parameter is not one name). The spelling says
     * that f(x'; w) is the same quantity at other arguments.
     */
    record Signature(String name, String spelled, List<String> params) {}

    private record Pattern(List<String> texts, String name) {}

    private final List<Pattern> heads = new ArrayList<>();
    private final java.util.Set<String> functions = new java.util.HashSet<>();
    /** By spec name (several names may share a head: f(x; w) and f(x'; w)). */
    private final Map<String, Signature> signatures = new LinkedHashMap<>();

    private final List<Pattern> patterns = new ArrayList<>();
    private final boolean sigmoid;

    SymbolNames(Problem p, String specText) {
        Map<String, String> explicit = new LinkedHashMap<>();
        p.givens().forEach(d -> d.latex().ifPresent(l -> explicit.putIfAbsent(l, d.name())));
        p.unknowns().forEach(d -> d.latex().ifPresent(l -> explicit.putIfAbsent(l, d.name())));
        p.randoms().forEach(d -> d.latex().ifPresent(l -> explicit.putIfAbsent(l, d.sym().name())));
        p.lets().forEach(d -> d.latex().ifPresent(l -> explicit.putIfAbsent(l, d.sym().name())));
        for (FunctionDecl f : p.functions()) f.latex().ifPresent(l -> explicit.putIfAbsent(l, f.name()));
        for (FunctionDecl f : p.functions()) functions.add(f.name());
        List<List<String>> taken = new ArrayList<>();
        Map<String, List<List<String>>> spelledAs = new LinkedHashMap<>();
        for (var e : explicit.entrySet()) {
            try {
                List<String> t = texts(LatexTokens.rewrite(e.getKey()));
                if (!t.isEmpty()) { patterns.add(new Pattern(t, e.getValue())); taken.add(t); }
                spelledAs.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(t);
                int open = t.indexOf("(");
                if (open > 0 && t.get(t.size() - 1).equals(")")) {
                    List<String> head = new ArrayList<>(t.subList(0, open));
                    heads.add(new Pattern(head, e.getValue()));
                    signatures.putIfAbsent(e.getValue(), new Signature(e.getValue(), e.getKey(), List.of()));
                }
            } catch (RuntimeException ignored) {
                // a LaTeX name we cannot read is simply not matched
            }
        }
        List<String> plain = new ArrayList<>();
        p.symbols().map(Sym::name).forEach(plain::add);
        p.functions().forEach(f -> plain.add(f.name()));
        for (String n : plain) {
            for (String latex : defaults(n)) {
                try {
                    List<String> t = texts(LatexTokens.rewrite(latex));
                    // \varepsilon is not \varepsilon', g not \tilde g: a name the spec spells with a
                    // prime or an accent is not also found under its bare letter
                    if (decorated(t, spelledAs.getOrDefault(n, List.of()))) continue;
                    if (!t.isEmpty() && !taken.contains(t)) { patterns.add(new Pattern(t, n)); taken.add(t); }
                } catch (RuntimeException ignored) {
                    // no default spelling
                }
            }
        }
        patterns.sort(Comparator.comparingInt((Pattern x) -> -x.texts.size()));
        heads.sort(Comparator.comparingInt((Pattern x) -> -x.texts.size()));
        this.sigmoid = specText.contains("sigmoid");
        // the parameters of each signature, read with the finished patterns
        for (var e : new ArrayList<>(signatures.entrySet())) {
            Signature sig = e.getValue();
            try {
                List<Token> ts = LatexTokens.rewrite(sig.spelled());
                int open = SymbolNames.texts(ts).indexOf("(");
                List<String> params = new ArrayList<>();
                List<Token> cur = new ArrayList<>();
                int depth = 0;
                for (int k = open + 1; k < ts.size(); k++) {
                    String x = ts.get(k).getText();
                    if (x.equals("(") || x.equals("{")) depth++;
                    if ((x.equals(")") || x.equals("}")) && depth-- == 0 || depth == 0 && (x.equals(";") || x.equals(","))) {
                        List<Token> r = replace(cur);
                        params.add(r.size() == 1 && r.get(0) instanceof NameToken nt ? nt.getText() : null);
                        cur = new ArrayList<>();
                        continue;
                    }
                    cur.add(ts.get(k));
                }
                signatures.put(e.getKey(), new Signature(sig.name(), sig.spelled(), params));
            } catch (RuntimeException ignored) {
                signatures.remove(e.getKey());
            }
        }
    }

    /** Does the name have a spelling that is this default spelling with a prime after it or an accent before it? */
    private static boolean decorated(List<String> plain, List<List<String>> spellings) {
        for (List<String> e : spellings) {
            for (int p = 0; p + plain.size() <= e.size(); p++) {
                if (!e.subList(p, p + plain.size()).equals(plain)) continue;
                boolean accent = p > 0 && LatexTokens.ACCENTS.contains(e.get(p - 1)) || p > 0 && e.get(p - 1).equals("\\tilde");
                boolean prime = p + plain.size() < e.size() && e.get(p + plain.size()).equals("'");
                if (accent || prime) return true;
            }
        }
        return false;
    }

    /** The signature of a name the spec writes with arguments (`latex "f(x; w)"`). */
    Optional<Signature> signature(String name) {
        return Optional.ofNullable(signatures.get(name)).filter(g -> !g.params().isEmpty());
    }

    /** LaTeX spellings of a plain spec name: theta_t as \theta_t, x0 as x_0, sigma_tilde as \tilde\sigma. */
    static List<String> defaults(String name) {
        List<String> out = new ArrayList<>();
        String[] parts = name.split("_");
        String base = parts[0];
        String digits = "";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Za-z]+?)([0-9]+)$").matcher(base);
        if (m.matches()) { base = m.group(1); digits = m.group(2); }
        String b = base.equals("eps") || base.equals("epsilon") ? "\\varepsilon"
                : LatexTokens.GREEK.contains(base) ? "\\" + base : base.length() == 1 ? base : null;
        // a word (lr, Pause) is printed upright on the sheet, \mathrm{lr} (render.LatexNames): read it back so
        List<String> bases = b != null ? List.of(b) : base.matches("[A-Za-z]{2,}")
                ? List.of("\\mathrm{" + base + "}", "\\operatorname{" + base + "}", "\\text{" + base + "}", "\\mathit{" + base + "}")
                : List.of();
        String accent = "";
        StringBuilder sub = new StringBuilder(digits);
        for (int k = 1; k < parts.length; k++) {
            if (parts[k].equals("tilde") || parts[k].equals("hat") || parts[k].equals("bar")) accent = "\\" + parts[k] + " ";
            else sub.append(sub.length() > 0 ? "," : "").append(parts[k]);
        }
        for (String one : bases) out.add(accent + one + (sub.length() > 0 ? "_{" + sub + "}" : ""));
        return out;
    }

    static List<String> texts(List<Token> ts) {
        List<String> out = new ArrayList<>();
        for (Token t : ts) out.add(t.getText());
        return out;
    }

    /** The answer's tokens with every spec name replaced by one SYM token (FSYM where it is applied). */
    List<Token> replace(List<Token> in) {
        List<Token> out = names(in);
        for (int i = 0; i + 1 < out.size(); i++) {
            // \alpha(t)(x - y_k): the whole spelling \alpha(t) matched, so the parentheses after it are a product
            if (out.get(i) instanceof NameToken n && out.get(i + 1).getText().equals("(") && !n.written.contains("(")
                    && (functions.contains(n.getText()) || signature(n.getText()).isPresent())) {
                n.setType(derivcheck.grammar.LatexParser.FSYM);
            }
        }
        return out;
    }

    private List<Token> names(List<Token> in) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            if (sigmoid && t.getText().equals("\\sigma") && i + 1 < in.size() && in.get(i + 1).getText().equals("(")) {
                out.add(LatexTokens.retype(t, derivcheck.grammar.LatexParser.FUNC, "sigmoid"));
                continue;
            }
            Optional<int[]> hit = Optional.empty();
            Pattern found = null;
            for (Pattern pt : patterns) {
                int len = matches(in, i, pt.texts, false);
                if (len > 0) { found = pt; hit = Optional.of(new int[] {len, 0}); break; }
                // x_i^0 is entry i of the symbol written x^0
                int len2 = matches(in, i, pt.texts, true);
                if (len2 > 0) { found = pt; hit = Optional.of(new int[] {len2, 1}); break; }
            }
            // f(x'; w) for the name spelled f(x; w): the head, then the arguments as written (when the
            // head is longer than any whole name matched here: p_a(x, y) is p_a applied, not p)
            Pattern head = null;
            for (Pattern h : heads) {
                int hl = matches(in, i, h.texts, false);
                if (hl > 0 && i + hl < in.size() && in.get(i + hl).getText().equals("(")) { head = h; break; }
            }
            if (head != null && (found == null || head.texts.size() > hit.get()[0])) found = null;
            else head = null;
            if (found == null) {
                if (head != null) {
                    out.add(spanning(new NameToken(t, head.name, written(in, i, head.texts.size()), signatures.get(head.name)),
                            in.get(i + head.texts.size() - 1)));
                    i += head.texts.size() - 1;
                    continue;
                }
                if (i + 1 < in.size() && in.get(i + 1).getText().equals("(")) {
                    // the Gaussian CDF and density, when no spec name is written so
                    String f = switch (t.getText()) { case "\\Phi" -> "normcdf"; case "\\varphi", "\\phi" -> "normpdf"; default -> null; };
                    if (f != null) { out.add(LatexTokens.retype(t, derivcheck.grammar.LatexParser.FUNC, f)); continue; }
                }
                // a bare E that is no name of the spec, before ( [ _ ^, is the expectation: E(x), E_m[x], E^2(x)
                if (t.getType() == LatexLexer.LETTER && t.getText().equals("E") && i + 1 < in.size()
                        && List.of("(", "[", "_", "^").contains(in.get(i + 1).getText())) {
                    out.add(LatexTokens.retype(t, derivcheck.grammar.LatexParser.EXPECT, "E"));
                    if (in.get(i + 1).getText().equals("_")) i = scriptEnd(in, i + 2);
                    continue;
                }
                out.add(t);
                continue;
            }
            int len = hit.get()[0];
            if (hit.get()[1] == 0) {
                out.add(spanning(new NameToken(t, found.name, written(in, i, len)), in.get(i + len - 1)));
                i += len - 1;
            } else {
                // in[i] base, in[i+1] '_', index span, then '^' ...
                int idxEnd = scriptEnd(in, i + 2);
                out.add(new NameToken(t, found.name, written(in, i, len)));
                List<Token> index = in.subList(i + 1, idxEnd + 1);
                // the pattern's tail after the base is consumed; put the subscript after the name
                out.addAll(index);
                i += len - 1;
            }
        }
        return out;
    }

    /** The name token ends where its last written token ends (\theta^t is one name: the echo and carets cover all of it). */
    private static NameToken spanning(NameToken n, Token last) {
        if (last.getStopIndex() > n.getStopIndex()) n.setStopIndex(last.getStopIndex());
        return n;
    }

    private static String written(List<Token> in, int from, int len) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < from + len; k++) {
            String s = in.get(k).getText();
            if (b.length() > 0 && s.matches("[A-Za-z].*") && b.toString().matches(".*\\\\[A-Za-z]+$")) b.append(' ');
            b.append(s);
        }
        return b.toString();
    }

    /** Length of the match of pattern at i (0 if none); with {@code skipIndex}, `B _ I ^ ...` matches `B ^ ...`. */
    private static int matches(List<Token> in, int i, List<String> pat, boolean skipIndex) {
        if (!skipIndex) {
            // E X and E[X] are the same expectation: after an E of the pattern, the answer may open a
            // bracket the pattern does not have; it must then close right after the match
            int j = i;
            int brackets = 0;
            for (int k = 0; k < pat.size(); k++, j++) {
                if (j >= in.size()) return 0;
                if (k > 0 && pat.get(k - 1).equals("E") && !pat.get(k).equals("[") && in.get(j).getText().equals("[")
                        && in.get(j - 1).getType() == derivcheck.grammar.LatexParser.EXPECT) {
                    brackets++;
                    j++;
                    if (j >= in.size()) return 0;
                }
                if (!in.get(j).getText().equals(pat.get(k)) || in.get(j) instanceof NameToken) return 0;
            }
            for (int b = 0; b < brackets; b++, j++) if (j >= in.size() || !in.get(j).getText().equals("]")) return 0;
            return j - i;
        }
        if (pat.size() < 3 || !pat.get(1).equals("^") || i + 2 >= in.size() || !in.get(i + 1).getText().equals("_")) return 0;
        if (!in.get(i).getText().equals(pat.get(0))) return 0;
        int end = scriptEnd(in, i + 2);
        int j = end + 1;
        if (j + pat.size() - 1 > in.size()) return 0;
        for (int k = 1; k < pat.size(); k++) if (!in.get(j + k - 1).getText().equals(pat.get(k))) return 0;
        return (j - i) + pat.size() - 1;
    }

    /** The last index of the script starting at i: one token or a braced group. */
    static int scriptEnd(List<Token> in, int i) {
        if (i >= in.size()) return in.size() - 1;
        if (!in.get(i).getText().equals("{")) return i;
        int depth = 0;
        for (int k = i; k < in.size(); k++) {
            String x = in.get(k).getText();
            if (x.equals("{")) depth++;
            else if (x.equals("}") && --depth == 0) return k;
        }
        return in.size() - 1;
    }
}
