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

        NameToken(Token first, String specName, String written) {
            super(first);
            setType(derivcheck.grammar.LatexParser.SYM);
            setText(specName);
            this.written = written;
        }
    }

    private record Pattern(List<String> texts, String name) {}

    private final List<Pattern> patterns = new ArrayList<>();
    private final boolean sigmoid;

    SymbolNames(Problem p, String specText) {
        Map<String, String> explicit = new LinkedHashMap<>();
        p.givens().forEach(d -> d.latex().ifPresent(l -> explicit.putIfAbsent(l, d.name())));
        p.unknowns().forEach(d -> d.latex().ifPresent(l -> explicit.putIfAbsent(l, d.name())));
        p.randoms().forEach(d -> d.latex().ifPresent(l -> explicit.putIfAbsent(l, d.sym().name())));
        p.lets().forEach(d -> d.latex().ifPresent(l -> explicit.putIfAbsent(l, d.sym().name())));
        for (FunctionDecl f : p.functions()) f.latex().ifPresent(l -> explicit.putIfAbsent(l, f.name()));
        List<List<String>> taken = new ArrayList<>();
        for (var e : explicit.entrySet()) {
            try {
                List<String> t = texts(LatexTokens.rewrite(e.getKey()));
                if (!t.isEmpty()) { patterns.add(new Pattern(t, e.getValue())); taken.add(t); }
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
                    if (!t.isEmpty() && !taken.contains(t)) { patterns.add(new Pattern(t, n)); taken.add(t); }
                } catch (RuntimeException ignored) {
                    // no default spelling
                }
            }
        }
        patterns.sort(Comparator.comparingInt((Pattern x) -> -x.texts.size()));
        this.sigmoid = specText.contains("sigmoid");
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
        if (b == null) return out;
        String accent = "";
        StringBuilder sub = new StringBuilder(digits);
        for (int k = 1; k < parts.length; k++) {
            if (parts[k].equals("tilde") || parts[k].equals("hat") || parts[k].equals("bar")) accent = "\\" + parts[k] + " ";
            else sub.append(sub.length() > 0 ? "," : "").append(parts[k]);
        }
        out.add(accent + b + (sub.length() > 0 ? "_{" + sub + "}" : ""));
        return out;
    }

    static List<String> texts(List<Token> ts) {
        List<String> out = new ArrayList<>();
        for (Token t : ts) out.add(t.getText());
        return out;
    }

    /** The answer's tokens with every spec name replaced by one SYM token. */
    List<Token> replace(List<Token> in) {
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
            if (found == null && i + 1 < in.size() && in.get(i + 1).getText().equals("(")) {
                // the Gaussian CDF and density, when no spec name is written so
                String f = switch (t.getText()) { case "\\Phi" -> "normcdf"; case "\\varphi", "\\phi" -> "normpdf"; default -> null; };
                if (f != null) { out.add(LatexTokens.retype(t, derivcheck.grammar.LatexParser.FUNC, f)); continue; }
            }
            if (found == null) { out.add(t); continue; }
            int len = hit.get()[0];
            if (hit.get()[1] == 0) {
                out.add(new NameToken(t, found.name, written(in, i, len)));
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
            if (i + pat.size() > in.size()) return 0;
            for (int k = 0; k < pat.size(); k++) if (!in.get(i + k).getText().equals(pat.get(k)) || in.get(i + k) instanceof NameToken) return 0;
            // a name must not run into a following letter of the same word (x matched inside \text{} is a WORD)
            return pat.size();
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
