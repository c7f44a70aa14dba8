package derivcheck.latex;

import derivcheck.grammar.LatexLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * The token rewrite between the LaTeX lexer and parser (see grammar/Latex.g4): drops spacing
 * and sizing, unwraps fonts, turns words and operator names into FUNC / IF / OTHERWISE / WORD
 * tokens, and drops braces around a single token so `x^{t}` and `x^t` read alike. What it does
 * not know stays a CMD token, which the reader reports with its position.
 */
final class LatexTokens {
    private LatexTokens() {}

    /** A located problem in the answer text (0-based char index within a line, 1-based line). */
    static final class Error extends RuntimeException {
        final int line;
        final int col;
        final int length;

        Error(Token t, String message) {
            super(message);
            this.line = t.getLine();
            this.col = t.getCharPositionInLine() + 1;
            this.length = Math.max(1, t.getText() == null ? 1 : t.getText().length());
        }
    }

    static final Set<String> DROPPED = Set.of("\\left", "\\right", "\\big", "\\Big", "\\bigg", "\\Bigg", "\\bigl", "\\bigr",
            "\\Bigl", "\\Bigr", "\\biggl", "\\biggr", "\\Biggl", "\\Biggr", "\\middle", "\\quad", "\\qquad", "\\displaystyle",
            "\\textstyle", "\\limits", "\\nolimits", "\\nonumber", "\\notag", "\\mathclose", "\\mathopen");
    /** Fonts and the vector arrow: \\mathbf{x}, \\boldsymbol\\theta and \\vec x are the symbol x (old-style {\\rm KL} too). */
    static final Set<String> FONTS = Set.of("\\mathbf", "\\boldsymbol", "\\bm", "\\mathit", "\\pmb", "\\mathnormal", "\\bold",
            "\\vec", "\\rm", "\\bf", "\\it");
    /**
     * Constructs that are not answers, or not read yet, each with what to say at its place.
     * The E-subscripts that may hold them (\\mathbb{E}_{z \\sim q}) are dropped before this check.
     */
    static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("\\int", "the integral \\int is not read: write the sum or the expectation it stands for"),
            Map.entry("\\iint", "the integral \\iint is not read: write the sum or the expectation it stands for"),
            Map.entry("\\oint", "the integral \\oint is not read"),
            Map.entry("\\propto", "\\propto (proportional to) is not checked: write the equality with its normalizing factor"),
            Map.entry("\\sim", "\\sim states a distribution, which is not an answer"),
            Map.entry("\\stackrel", "\\stackrel{...}{...} is not read"),
            Map.entry("\\overset", "\\overset{...}{...} is not read"),
            Map.entry("\\arg", "\\arg\\min restates the optimization problem: write the minimizer it stands for (x = ...)"),
            Map.entry("\\forall", "\\forall is read only at the end of an answer, over its free index"));
    static final Set<String> WORDS = Set.of("\\mathrm", "\\operatorname", "\\text", "\\textrm", "\\mathsf", "\\textnormal",
            "\\textit", "\\textbf", "\\mbox");
    static final Set<String> ACCENTS = Set.of("\\tilde", "\\hat", "\\bar", "\\widetilde", "\\widehat", "\\overline", "\\dot");
    static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
            "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "varrho", "sigma", "tau", "upsilon", "phi",
            "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega", "ell");
    /**
     * The functions added with the spec language's cosh … logsumexp (the names their LaTeX printer
     * writes, and the usual alternatives); \Phi( and \varphi( are read in {@link SymbolNames#replace}.
     */
    static final Map<String, String> MORE_FUNCTIONS = Map.ofEntries(
            Map.entry("cosh", "cosh"), Map.entry("sinh", "sinh"), Map.entry("tan", "tan"), Map.entry("arctan", "atan"),
            Map.entry("atan", "atan"), Map.entry("softplus", "softplus"), Map.entry("log1p", "log1p"),
            Map.entry("erf", "erf"), Map.entry("logsumexp", "logsumexp"), Map.entry("LSE", "logsumexp"));

    /** Operator names as the spec language spells them. */
    static final Map<String, String> FUNCTIONS = withMore(Map.ofEntries(
            Map.entry("log", "log"), Map.entry("ln", "log"), Map.entry("exp", "exp"), Map.entry("sin", "sin"),
            Map.entry("cos", "cos"), Map.entry("tanh", "tanh"), Map.entry("max", "max"), Map.entry("min", "min"),
            Map.entry("sign", "sign"), Map.entry("sgn", "sign"), Map.entry("sigmoid", "sigmoid"), Map.entry("logit", "logit"),
            Map.entry("relu", "relu"), Map.entry("ReLU", "relu"), Map.entry("softmax", "softmax"), Map.entry("tr", "trace"),
            Map.entry("trace", "trace"), Map.entry("Tr", "trace"), Map.entry("abs", "abs"), Map.entry("sqrt", "sqrt")));

    private static Map<String, String> withMore(Map<String, String> base) {
        Map<String, String> all = new java.util.HashMap<>(base);
        all.putAll(MORE_FUNCTIONS);
        return Map.copyOf(all);
    }

    /** Lexes and rewrites; names are not matched yet (see {@link SymbolNames#replace}). */
    static List<Token> rewrite(String text) {
        LatexLexer lexer = new LatexLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> raw = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) raw.add(t);
        List<Token> out = new ArrayList<>();
        List<Integer> closes = new ArrayList<>(); // the \\right of each open \\left. evaluation bar
        for (int i = 0; i < raw.size(); i++) {
            Token t = raw.get(i);
            String s = t.getText();
            if (t.getType() == LatexLexer.SPACE) continue;
            if ((s.equals("\\quad") || s.equals("\\qquad") || s.equals("\\hfill")) && equationNumberAt(raw, i + 1)) {
                // `\qquad (12)` at the end of a display is an equation number, not a product
                while (i + 1 < raw.size() && !raw.get(i + 1).getText().equals(")")) i++;
                i++;
                continue;
            }
            if (t.getType() == LatexLexer.ERRCHAR) {
                if (s.equals(":") || s.equals("!")) continue; // ratio-free text punctuation inside math
                throw new Error(t, "unexpected character '" + s + "'");
            }
            if (t.getType() != LatexLexer.CMD) {
                out.add(t);
                continue;
            }
            if (s.equals("\\left") && i + 1 < raw.size() && raw.get(i + 1).getText().equals(".")) {
                int close = matchingRight(raw, i);
                if (close >= 0 && barAt(raw, close + 1)) {
                    // \left. ... \right|_{x = a}: the evaluation bar, opened where its scope starts
                    out.add(retype(t, derivcheck.grammar.LatexParser.EVALOPEN, "\\left."));
                    closes.add(close);
                    i++;
                    continue;
                }
            }
            if (s.equals("\\right") && closes.remove(Integer.valueOf(i))) {
                out.add(retype(t, derivcheck.grammar.LatexParser.EVALCLOSE, "\\right|"));
                i = nextNonSpace(raw, i + 1);
                continue;
            }
            if (EVAL_BARS.contains(s) && barAt(raw, i + 1)) {
                // \Big|_{x = a} without \left.: the bar closes everything before it on its side
                out.add(retype(t, derivcheck.grammar.LatexParser.EVALBAR, s + "|"));
                i = nextNonSpace(raw, i + 1);
                continue;
            }
            if (DROPPED.contains(s)) {
                if ((s.equals("\\left") || s.equals("\\right")) && i + 1 < raw.size() && raw.get(i + 1).getText().equals(".")) i++;
                continue;
            }
            if (s.equals("\\tag") || s.equals("\\label")) {
                i = skipGroup(raw, i + 1, t);
                continue;
            }
            if (s.equals("\\boxed") || s.equals("\\fbox")) {
                // \boxed{x = ...} marks the final answer on a sheet: the box goes, its content is read
                int j = nextNonSpace(raw, i + 1);
                if (j < raw.size() && raw.get(j).getText().equals("{")) {
                    int end = groupEnd(raw, j, t);
                    raw.remove(end);
                    raw.remove(j);
                }
                continue;
            }
            if (s.equals("\\textcircled")) {
                i = skipGroup(raw, i + 1, t);
                continue;
            }
            if (s.equals("\\arg")) {
                int j = nextNonSpace(raw, i + 1);
                if (j < raw.size() && (raw.get(j).getText().equals("\\min") || raw.get(j).getText().equals("\\max"))) {
                    out.add(retype(t, derivcheck.grammar.LatexParser.ARGMIN, "\\arg" + raw.get(j).getText()));
                    i = j;
                    continue;
                }
            }
            if (s.equals("\\underset") && underArg(raw, i)) {
                i--; // read the rewritten tokens from i on
                continue;
            }
            if (FONTS.contains(s)) continue; // \mathbf{x} is x: the group braces go below
            if (s.equals("\\forall")) {
                out.add(retype(t, derivcheck.grammar.LatexParser.FORALL, s));
                continue;
            }
            if (s.equals("\\to")) {
                int j = i + 1;
                while (j < raw.size() && raw.get(j).getType() == LatexLexer.SPACE) j++;
                if (j < raw.size() && (raw.get(j).getText().equals("\\min") || raw.get(j).getText().equals("\\max"))) {
                    throw new Error(t, "'\\to " + raw.get(j).getText() + "' states an optimization problem, not an answer");
                }
                out.add(retype(t, derivcheck.grammar.LatexParser.ASSIGN, s)); // y_k \to y_k + ...: an update
                continue;
            }
            if (s.equals("\\operatorname") && i + 1 < raw.size() && raw.get(i + 1).getText().equals("*")) {
                raw.remove(i + 1); // \operatorname*{argmin}: the star only places the limits
            }
            if (s.equals("\\underbrace") || s.equals("\\overbrace")) {
                // underbrace{x}_{label} is x: the label is removed, and the body goes through this
                // same rewrite (its fonts, words and spacing), as a group
                int j = i + 1;
                while (j < raw.size() && raw.get(j).getType() == LatexLexer.SPACE) j++;
                int end = groupEnd(raw, j, t);
                int s2 = end + 1;
                while (s2 < raw.size() && raw.get(s2).getType() == LatexLexer.SPACE) s2++;
                if (s2 < raw.size() && (raw.get(s2).getText().equals("_") || raw.get(s2).getText().equals("^"))) {
                    int labelEnd = skipGroup(raw, s2 + 1, raw.get(s2));
                    for (Token x : raw.subList(s2 + 1, labelEnd + 1)) {
                        if (x.getText().equals("\\pm") || x.getText().equals("\\mp")) {
                            throw new Error(x, x.getText() + " in the label of " + s + " is not read: the label is a remark, not the answer,"
                                    + " so its signs are not two answers; write " + x.getText() + " in the formula itself");
                        }
                    }
                    raw.subList(end + 1, labelEnd + 1).clear();
                }
                if (raw.get(j).getText().equals("{") && !startsWithSign(raw, j + 1) && sumInside(raw, j, end)
                        && (afterOperand(out) || factorFollows(raw, end + 1))) {
                    // 2\\underbrace{a+b}_{...}: the page shows 2a + b, the braces would group 2(a + b);
                    // which one the writer meant is not on the page, so neither is guessed
                    throw new Error(t, s + " over a sum next to a factor is ambiguous (the page shows no brackets,"
                            + " the braces would add them): write the brackets, " + s + "{(a + b)} or (" + s + "{a + b})");
                }
                if (raw.get(j).getText().equals("{") && startsWithSign(raw, j + 1) && afterOperand(out)) {
                    // x \\underbrace{- y}_{...}: the sign is the binary one after x (x - y), not a factor (x·(−y))
                    raw.remove(end);
                    raw.remove(j);
                }
                continue;
            }
            if (WORDS.contains(s) || s.equals("\\mathbb")) {
                // one letter without braces (\mathsf T) or a braced word
                StringBuilder w = new StringBuilder();
                int j = i + 1;
                if (j < raw.size() && raw.get(j).getText().equals("{")) {
                    j++;
                    int prevStop = raw.get(j - 1).getStopIndex();
                    while (j < raw.size() && !raw.get(j).getText().equals("}")) {
                        Token c = raw.get(j);
                        // words keep their spaces: \text{with prob. } is "with prob", not "withprob"
                        if (c.getStartIndex() > prevStop + 1 && w.length() > 0) w.append(' ');
                        prevStop = c.getStopIndex();
                        if (c.getType() == LatexLexer.LETTER || c.getType() == LatexLexer.NUMBER) w.append(c.getText());
                        else if (c.getType() == LatexLexer.SPACE || c.getText().equals(".") || c.getText().equals(",")) { /* spaces */ }
                        else if (s.equals("\\text") || s.equals("\\mbox")) w.append(' ');
                        else throw new Error(c, "unexpected '" + c.getText() + "' inside " + s + "{...}");
                        j++;
                    }
                    if (j >= raw.size()) throw new Error(t, "unbalanced brace: " + s + "{ is never closed");
                } else if (j < raw.size() && raw.get(j).getType() == LatexLexer.LETTER) {
                    w.append(raw.get(j).getText());
                } else {
                    throw new Error(t, s + " needs a {word}");
                }
                i = j;
                String word = w.toString().trim();
                if (word.equals("argmin") || word.equals("argmax")) {
                    out.add(retype(t, derivcheck.grammar.LatexParser.ARGMIN, s + "{" + word + "}"));
                    continue;
                }
                out.addAll(word(s, word, t));
                continue;
            }
            String name = s.substring(1);
            if (name.equals("epsilon")) name = "varepsilon";
            if (GREEK.contains(name)) {
                out.add(retype(t, derivcheck.grammar.LatexParser.GREEK, "\\" + name));
                continue;
            }
            if (FUNCTIONS.containsKey(name)) {
                out.add(retype(t, derivcheck.grammar.LatexParser.FUNC, FUNCTIONS.get(name)));
                continue;
            }
            if (ACCENTS.contains(s)) {
                String a = switch (s) { case "\\widetilde" -> "\\tilde"; case "\\widehat" -> "\\hat"; case "\\overline" -> "\\bar"; default -> s; };
                out.add(retype(t, derivcheck.grammar.LatexParser.ACCENT, a));
                continue;
            }
            switch (s) {
                case "\\top", "\\intercal", "\\T" -> out.add(retype(t, derivcheck.grammar.LatexParser.TOP, "T"));
                case "\\partial" -> out.add(retype(t, LatexLexer.LETTER, "\\partial"));
                case "\\ast", "\\star" -> out.add(retype(t, literal("'*'"), "*"));
                case "\\lvert", "\\rvert", "\\vert", "\\mid" -> out.add(retype(t, literal("'|'"), "|"));
                case "\\Rightarrow", "\\implies", "\\therefore", "\\iff", "\\Longrightarrow" -> out.add(retype(t, derivcheck.grammar.LatexParser.IMPLIES, s));
                default -> out.add(t);
            }
        }
        List<Token> u = scriptsInOrder(dropDistributionScripts(norms(unbrace(out))));
        for (int k = 0; k < u.size(); k++) {
            Token x = u.get(k);
            if (x.getType() == LatexLexer.CMD && UNSUPPORTED.containsKey(x.getText())) throw new Error(x, UNSUPPORTED.get(x.getText()));
        }
        return u;
    }

    /**
     * {@code \\underset{x}{\\operatorname{argmin}}} at i: rewritten in place to {@code \\operatorname{argmin}_{x}}
     * (true: the loop reads it again from i); false, and nothing changed, for any other \\underset.
     */
    private static boolean underArg(List<Token> raw, int i) {
        int j = nextNonSpace(raw, i + 1);
        if (j >= raw.size() || !raw.get(j).getText().equals("{")) return false;
        int e1 = groupEnd(raw, j, raw.get(i));
        int k = nextNonSpace(raw, e1 + 1);
        if (k >= raw.size() || !raw.get(k).getText().equals("{")) return false;
        int e2 = groupEnd(raw, k, raw.get(i));
        StringBuilder word = new StringBuilder();
        for (int m = k + 1; m < e2; m++) {
            String x = raw.get(m).getText();
            if (raw.get(m).getType() == LatexLexer.LETTER) word.append(x);
            else if (!(WORDS.contains(x) || x.equals("{") || x.equals("}") || x.equals("*")
                    || raw.get(m).getType() == LatexLexer.SPACE)) return false;
        }
        String w = word.toString();
        if (!w.equals("argmin") && !w.equals("argmax")) return false;
        List<Token> moved = new ArrayList<>();
        moved.add(retype(raw.get(i), derivcheck.grammar.LatexParser.ARGMIN, "\\underset{...}{" + w + "}"));
        moved.add(retype(raw.get(i), literal("'_'"), "_"));
        moved.addAll(raw.subList(j, e1 + 1));
        raw.subList(i + 1, e2 + 1).clear();
        raw.remove(i);
        raw.addAll(i, moved);
        return true;
    }

    /** The sizing commands that may carry an evaluation bar: \\Big|_{x = a}. */
    static final Set<String> EVAL_BARS = Set.of("\\right", "\\big", "\\Big", "\\bigg", "\\Bigg", "\\bigr", "\\Bigr",
            "\\biggr", "\\Biggr");

    private static int nextNonSpace(List<Token> raw, int j) {
        while (j < raw.size() && raw.get(j).getType() == LatexLexer.SPACE) j++;
        return j;
    }

    /** A bar (|, \\vert, \\rvert) at j followed by a subscript: the bar of an evaluation at a point. */
    private static boolean barAt(List<Token> raw, int j) {
        j = nextNonSpace(raw, j);
        if (j >= raw.size() || !List.of("|", "\\vert", "\\rvert").contains(raw.get(j).getText())) return false;
        int k = nextNonSpace(raw, j + 1);
        return k < raw.size() && raw.get(k).getText().equals("_");
    }

    /** The index of the \\right that closes the \\left at i (nesting counted), or -1. */
    private static int matchingRight(List<Token> raw, int i) {
        int depth = 0;
        for (int k = i; k < raw.size(); k++) {
            String x = raw.get(k).getText();
            if (x.equals("\\left")) depth++;
            else if (x.equals("\\right") && --depth == 0) return k;
        }
        return -1;
    }

    /** `( 12 )` or `( 29a )` closing the text (or its row): an equation number. */
    private static boolean equationNumberAt(List<Token> raw, int j) {
        while (j < raw.size() && raw.get(j).getType() == LatexLexer.SPACE) j++;
        if (j + 2 >= raw.size() || !raw.get(j).getText().equals("(") || raw.get(j + 1).getType() != LatexLexer.NUMBER) return false;
        int k = j + 2;
        if (raw.get(k).getType() == LatexLexer.LETTER) k++;
        if (k >= raw.size() || !raw.get(k).getText().equals(")")) return false;
        k++;
        while (k < raw.size() && (raw.get(k).getText().equals(".") || raw.get(k).getText().equals(","))) k++;
        return k >= raw.size() || raw.get(k).getType() == LatexLexer.ROWSEP;
    }

    /** `||x||` typed with bars: two adjacent bars are a norm delimiter (never the abs of an abs). */
    private static List<Token> norms(List<Token> in) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            if (t.getText().equals("|") && i + 1 < in.size() && in.get(i + 1).getText().equals("|")
                    && t.getStartIndex() >= 0 && in.get(i + 1).getStartIndex() == t.getStopIndex() + 1 && t.getType() != LatexLexer.CMD) {
                CommonToken n = new CommonToken(t);
                n.setType(LatexLexer.NORM);
                n.setText("\\|");
                n.setStopIndex(in.get(i + 1).getStopIndex());
                out.add(n);
                i++;
                continue;
            }
            out.add(t);
        }
        return out;
    }

    /** \mathbb{E}_{z \sim q}[...]: the subscript names the distribution; the spec's E[...] is over all draws. */
    static List<Token> dropDistributionScripts(List<Token> in) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            out.add(t);
            int y = t.getType();
            if ((y == derivcheck.grammar.LatexParser.EXPECT || y == derivcheck.grammar.LatexParser.VARIANCE)
                    && i + 1 < in.size() && in.get(i + 1).getText().equals("_")) {
                i = SymbolNames.scriptEnd(in, i + 2);
            }
        }
        return out;
    }

    /** x^a_b is written x_b^a: both orders are the same symbol, and patterns compare in one order. */
    static List<Token> scriptsInOrder(List<Token> in) {
        List<Token> out = new ArrayList<>(in);
        for (int i = 0; i + 1 < out.size(); i++) {
            if (!out.get(i).getText().equals("^")) continue;
            int e1 = SymbolNames.scriptEnd(out, i + 1);
            if (e1 + 2 >= out.size() + 1 || e1 + 1 >= out.size() || !out.get(e1 + 1).getText().equals("_")) continue;
            int e2 = SymbolNames.scriptEnd(out, e1 + 2);
            List<Token> sup = new ArrayList<>(out.subList(i, e1 + 1));
            List<Token> sub = new ArrayList<>(out.subList(e1 + 1, e2 + 1));
            List<Token> swapped = new ArrayList<>(sub);
            swapped.addAll(sup);
            for (int k = 0; k < swapped.size(); k++) out.set(i + k, swapped.get(k));
            i = e2;
        }
        return out;
    }

    private static List<Token> word(String cmd, String word, Token at) {
        if (cmd.equals("\\mathbb")) {
            if (word.equals("E")) return List.of(retype(at, derivcheck.grammar.LatexParser.EXPECT, "E"));
            if (word.equals("V")) return List.of(retype(at, derivcheck.grammar.LatexParser.VARIANCE, "Var"));
            throw new Error(at, "unknown symbol \\mathbb{" + word + "}");
        }
        switch (word) {
            // \mathrm{d} is always a differential; a plain d is one unless the spec names d
            case "d": return List.of(retype(at, LatexLexer.LETTER, "\\mathrm{d}"));
            case "T": return List.of(retype(at, derivcheck.grammar.LatexParser.TOP, "T"));
            case "if", "for", "when", "falls", "if and only if", "whenever": return List.of(retype(at, derivcheck.grammar.LatexParser.IF, "if"));
            case "otherwise", "else", "sonst", "else if": return List.of(retype(at, derivcheck.grammar.LatexParser.OTHERWISE, "otherwise"));
            case "Var", "var", "V", "Variance": return List.of(retype(at, derivcheck.grammar.LatexParser.VARIANCE, "Var"));
            case "E": return List.of(retype(at, derivcheck.grammar.LatexParser.EXPECT, "E"));
            default:
        }
        if (FUNCTIONS.containsKey(word)) return List.of(retype(at, derivcheck.grammar.LatexParser.FUNC, FUNCTIONS.get(word)));
        if (word.isEmpty()) return List.of();
        return List.of(retype(at, derivcheck.grammar.LatexParser.WORD, word));
    }

    private static int literal(String lit) {
        for (int k = 0; k <= LatexLexer.VOCABULARY.getMaxTokenType(); k++) {
            if (lit.equals(LatexLexer.VOCABULARY.getLiteralName(k))) return k;
        }
        throw new IllegalStateException("no token " + lit);
    }

    static Token retype(Token t, int type, String text) {
        CommonToken c = new CommonToken(t);
        c.setType(type);
        c.setText(text);
        return c;
    }

    /** The first token of a group body at j (spaces skipped) is a sign: +, -, \\pm or \\mp. */
    private static boolean startsWithSign(List<Token> raw, int j) {
        j = nextNonSpace(raw, j);
        return j < raw.size() && List.of("+", "-", "\\pm", "\\mp").contains(raw.get(j).getText());
    }

    /** The group {@code {…}} from {@code open} to {@code close} has a + or − between two of its terms (not a leading sign). */
    private static boolean sumInside(List<Token> raw, int open, int close) {
        int depth = 0;
        String prev = null;
        for (int k = open + 1; k < close; k++) {
            Token x = raw.get(k);
            if (x.getType() == LatexLexer.SPACE) continue;
            String tx = x.getText();
            if (tx.equals("{") || tx.equals("(") || tx.equals("[") || tx.equals("\\left")) depth++;
            else if (tx.equals("}") || tx.equals(")") || tx.equals("]") || tx.equals("\\right")) depth--;
            else if (depth == 0 && prev != null && List.of("+", "-", "\\pm", "\\mp").contains(tx)
                    && !List.of("^", "_", "=", "+", "-", "\\pm", "\\mp").contains(prev)) return true;
            prev = tx;
        }
        return false;
    }

    /** The token at or after {@code i} multiplies what stands before it (it is not a sign, relation, closing bracket or the end). */
    private static boolean factorFollows(List<Token> raw, int i) {
        i = nextNonSpace(raw, i);
        if (i >= raw.size()) return false;
        String tx = raw.get(i).getText();
        return !List.of("+", "-", "\\pm", "\\mp", "=", "<", ">", ")", "]", "}", ",", ".", ";", "&", "\\\\",
                "\\le", "\\leq", "\\ge", "\\geq", "\\ne", "\\neq", "\\approx", "\\quad", "\\qquad",
                "\\,", "\\;", "\\!", "\\right", "\\end", "|", "\\|", "\\rVert", "\\rvert", "\\to", "\\leftarrow",
                "\\propto", "\\text", "\\tag").contains(tx);
    }

    /** The last token read ends an operand (a sign after it is binary): a name, a number, a closing bracket. */
    private static boolean afterOperand(List<Token> out) {
        if (out.isEmpty()) return false;
        Token t = out.get(out.size() - 1);
        int y = t.getType();
        return isSingle(t) && !t.getText().equals("*") || y == derivcheck.grammar.LatexParser.INFTY
                || List.of(")", "]", "}", "|", "\\|", "'", "!").contains(t.getText());
    }

    /**
     * Whether the character at {@code at} lies in the label of an \\underbrace or \\overbrace
     * ({@code \\underbrace{x}_{label}}): text the reading drops. False where the text does not lex
     * into balanced groups (the reading reports that).
     */
    static boolean inBraceLabel(String text, int at) {
        LatexLexer lexer = new LatexLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> raw = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) raw.add(t);
        try {
            for (int i = 0; i < raw.size(); i++) {
                String s = raw.get(i).getText();
                if (!s.equals("\\underbrace") && !s.equals("\\overbrace")) continue;
                int end = groupEnd(raw, nextNonSpace(raw, i + 1), raw.get(i));
                int s2 = nextNonSpace(raw, end + 1);
                if (s2 >= raw.size() || !(raw.get(s2).getText().equals("_") || raw.get(s2).getText().equals("^"))) continue;
                int labelEnd = skipGroup(raw, s2 + 1, raw.get(s2));
                if (raw.get(s2 + 1).getStartIndex() <= at && at <= raw.get(labelEnd).getStopIndex()) return true;
            }
        } catch (Error e) {
            return false;
        }
        return false;
    }

    /** Index of the closing brace of the group at i (or i itself for a single token). */
    private static int groupEnd(List<Token> raw, int i, Token owner) {
        if (i >= raw.size()) throw new Error(owner, owner.getText() + " needs an argument");
        if (!raw.get(i).getText().equals("{")) return i;
        int depth = 0;
        for (int k = i; k < raw.size(); k++) {
            String x = raw.get(k).getText();
            if (x.equals("{")) depth++;
            else if (x.equals("}") && --depth == 0) return k;
        }
        throw new Error(raw.get(i), "unbalanced brace: this { is never closed");
    }

    private static int skipGroup(List<Token> raw, int i, Token owner) { return groupEnd(raw, i, owner); }

    /** `{x}` with one token inside is that token (after fonts were unwrapped: \mathbf{x} is x). */
    static List<Token> unbrace(List<Token> in) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            if (t.getText().equals("{") && i + 2 < in.size() && in.get(i + 2).getText().equals("}")
                    && isSingle(in.get(i + 1)) && !(i > 0 && isSqrtOrFracArgPosition(out))) {
                out.add(in.get(i + 1));
                i += 2;
                continue;
            }
            out.add(t);
        }
        return out;
    }

    private static boolean isSingle(Token t) {
        int y = t.getType();
        return y == LatexLexer.LETTER || y == LatexLexer.NUMBER || y == derivcheck.grammar.LatexParser.GREEK || y == derivcheck.grammar.LatexParser.TOP
                || y == derivcheck.grammar.LatexParser.SYM || y == LatexLexer.INFTY || y == derivcheck.grammar.LatexParser.WORD || t.getText().equals("*");
    }

    private static boolean isSqrtOrFracArgPosition(List<Token> out) { return false; }
}
