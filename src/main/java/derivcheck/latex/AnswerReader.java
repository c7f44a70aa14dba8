package derivcheck.latex;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Inverse;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Relation;
import derivcheck.grammar.LatexParser;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.expr.TextPrinter;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import derivcheck.spec.SyntaxErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;

/**
 * Reads answers (LaTeX or the spec's ASCII expressions, detected) against one problem: LaTeX
 * goes through grammar/Latex.g4 into spec text, and every answer is then resolved and
 * shape-checked by the spec reader itself, as an `expect` appended to the problem's own spec.
 * Nothing is handed to Symja. Errors are located in the answer's own source.
 */
public final class AnswerReader {
    private final Problem problem;
    private final SourceText spec;
    private final SymbolNames names;

    public AnswerReader(Problem problem, SourceText spec) {
        this.problem = problem;
        this.spec = spec;
        this.names = new SymbolNames(problem, spec.text());
    }

    public Problem problem() { return problem; }

    /** The reason given for a document in which nothing at all states an answer. */
    public static final String NO_ANSWER = "no answer found: no display, and no inline formula $...$ that states a quantity of the spec";

    /**
     * Does this inline formula state a target of the spec? Its left side (before the first
     * relation outside brackets) names an unknown or a defined quantity of the spec (a `let`, the
     * unknown of `find ... such that`). Inline math that does not (a condition such as
     * "then var(a) = var(b)", a Hessian of a function the spec does not name, {@code $x_i$},
     * {@code $\mathbb{V}[XY] = ...$} about other letters) is prose.
     */
    public boolean statesTarget(String text) {
        try {
            List<Token> ts = names.replace(LatexTokens.rewrite(text));
            int depth = 0, rel = -1;
            for (int i = 0; i < ts.size() && rel < 0; i++) {
                String x = ts.get(i).getText();
                int y = ts.get(i).getType();
                if (x.equals("{") || x.equals("(") || x.equals("[")) depth++;
                else if (x.equals("}") || x.equals(")") || x.equals("]")) depth--;
                else if (depth == 0 && (x.equals("=") || x.equals("<") || x.equals(">") || y == LatexParser.LE || y == LatexParser.GE
                        || y == LatexParser.DEFEQ || y == LatexParser.ASSIGN)) rel = i;
            }
            if (rel <= 0) return false;
            Set<String> targets = new LinkedHashSet<>();
            problem.unknowns().forEach(u -> targets.add(u.name()));
            problem.lets().forEach(l -> targets.add(l.sym().name()));
            problem.conditions().forEach(c -> targets.add(c.unknown().name()));
            // the left side is the name itself (x~_i^*, eps'), not an expression of it (var(y) = ...)
            return ts.get(0) instanceof SymbolNames.NameToken n && targets.contains(n.getText());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Is this text LaTeX (rather than the spec's ASCII expressions)? A backslash or an alignment
     * `&` says LaTeX; a brace does only where ASCII has none: ASCII writes braces only in
     * subscripts, `x_{i+2}`.
     */
    public static boolean isLatex(String text) {
        if (text.contains("\\") || text.contains("&")) return true;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '{' && (i == 0 || text.charAt(i - 1) != '_')) return true;
        }
        return false;
    }

    /**
     * Reads one display or one --answer text. {@code origin} is where the text starts in its
     * document ({@code source}, for quoting lines in diagnostics).
     */
    public ParseResult<List<Answer>> read(String text, Pos origin, SourceText source) {
        List<Diagnostic> errors = new ArrayList<>();
        derivcheck.limits.InputScan.answer(text).ifPresent(f -> errors.add(new Diagnostic(at(origin, f.line(), f.col()), f.message())));
        if (!errors.isEmpty()) return new ParseResult<>(Optional.empty(), errors, source);
        List<Answer> out = new ArrayList<>();
        if (!isLatex(text)) {
            // columns of the ASCII text map back one to one unless |.| became abs(.) or the text was cut at a line start
            String lead = text.substring(0, text.length() - text.stripLeading().length());
            String ascii = entrywiseAbs(text.strip());
            boolean exact = ascii.equals(text.strip()) && lead.indexOf('\n') < 0;
            Optional<Answer> a = resolve(List.of(new Side(ascii, 1, exact ? 1 + lead.length() : 1, exact)), List.of(), "", text, origin, false, errors);
            a.ifPresent(out::add);
            if (errors.isEmpty()) return new ParseResult<>(Optional.of(out), errors, source);
            // no backslash, yet no ASCII either: p(x | y)p(y) is LaTeX without commands. Its LaTeX
            // reading is tried; its errors are the ones shown unless the text writes ASCII products (*)
            ParseResult<List<Answer>> asLatex = readLatex(text, origin, source);
            if (asLatex.ok() || !text.contains("*")) return asLatex;
            return new ParseResult<>(Optional.empty(), errors, source);
        }
        return proportional(text, origin, source);
    }

    private static final java.util.regex.Pattern PROPTO = java.util.regex.Pattern.compile("\\\\propto(?![a-zA-Z])");

    /**
     * `target \propto value`: the target equals value times a positive factor independent of the
     * target. Read as target = value with {@link Answer#upToFactor()} set (the checker judges it as a
     * proportionality, docs/verdicts.md); only as the one relation of its display.
     */
    private ParseResult<List<Answer>> proportional(String text, Pos origin, SourceText source) {
        java.util.regex.Matcher m = PROPTO.matcher(text);
        if (!m.find()) return plusMinus(text, origin, source);
        int at = m.start();
        String variant = m.replaceAll("=      ");
        ParseResult<List<Answer>> r = plusMinus(variant, origin, source);
        if (!r.ok()) return r;
        if (r.get().size() != 1 || r.get().get(0).claim().relations().size() != 1 || PROPTO.matcher(text).results().count() != 1) {
            String before = text.substring(0, at);
            int line = 1 + (int) before.chars().filter(ch -> ch == '\n').count();
            int col = at - before.lastIndexOf('\n');
            return new ParseResult<>(Optional.empty(), List.of(new Diagnostic(at(origin, line, col),
                    "\\propto is read only as the one relation of a display (target \\propto value), not in a chain", 7)), source);
        }
        Answer a = r.get().get(0);
        String readAs = a.readAs().replaceFirst(" = ", " ∝ ");
        Answer p = new Answer(a.input().replaceFirst("=", "\\\\propto"), a.pos(), a.claim(), a.sideLines(), readAs, a.latex(),
                a.instance(), a.instanced(), true, a.notes(), a.objective());
        return new ParseResult<>(Optional.of(List.of(p)), List.of(), source);
    }

    /** \pm and \mp as commands (not the font \pmb). */
    private static final java.util.regex.Pattern PM = java.util.regex.Pattern.compile("\\\\(pm|mp)(?![a-zA-Z])");

    /**
     * `a = b \pm c` states two answers, a = b + c and a = b - c (and \mp the opposite sign in the
     * same answer): each is read and judged on its own. The sign is written in place of the
     * command, padded to its width, so every column of the display stays where it was. A sign in the
     * label of an \\underbrace is left in place: the reading refuses it there, with its position.
     */
    private ParseResult<List<Answer>> plusMinus(String text, Pos origin, SourceText source) {
        if (PM.matcher(text).results().allMatch(m -> LatexTokens.inBraceLabel(text, m.start()))) return readLatex(text, origin, source);
        List<Answer> out = new ArrayList<>();
        for (String sign : List.of("+", "-")) {
            String other = sign.equals("+") ? "-" : "+";
            String variant = PM.matcher(text).replaceAll(m -> LatexTokens.inBraceLabel(text, m.start()) ? "\\\\" + m.group(1)
                    : (m.group(1).equals("pm") ? sign : other) + "  ");
            ParseResult<List<Answer>> r = readLatex(variant, origin, source);
            if (!r.ok()) return r;
            out.addAll(r.get());
        }
        return new ParseResult<>(Optional.of(out), List.of(), source);
    }

    /**
     * |a| in an ASCII answer is abs(a), entrywise for a vector (the spec language keeps |.| for
     * scalars and asks authors for abs(.); an answer means the same either way). Bars of a norm
     * ||x|| are left alone; unpaired bars leave the text as it is.
     */
    static String entrywiseAbs(String t) {
        StringBuilder b = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean single = c == '|' && (i + 1 >= t.length() || t.charAt(i + 1) != '|') && (i == 0 || t.charAt(i - 1) != '|');
            if (!single) { b.append(c); continue; }
            b.append(open ? ")" : "abs(");
            open = !open;
        }
        return open ? t : b.toString();
    }

    private ParseResult<List<Answer>> readLatex(String text, Pos origin, SourceText source) {
        List<Diagnostic> errors = new ArrayList<>();
        List<Answer> out = new ArrayList<>();
        try {
            List<String> prose = new ArrayList<>();
            for (Chain c : chains(text, prose)) {
                Optional<Answer> a = resolve(c.sides, c.ops, c.range, c.written, origin, true, errors)
                        .map(x -> c.instance.isEmpty() ? x : new Answer(x.input(), x.pos(), x.claim(), x.sideLines(),
                                x.readAs() + " (at " + c.instance + ")", x.latex(), c.instance, c.instanced));
                if (a.isPresent() && c.objective != null) a = Optional.of(withObjective(a.get(), c.objective));
                a.map(x -> prose.isEmpty() ? x : x.withNotes(prose)).ifPresent(out::add);
            }
        } catch (LatexTokens.Error e) {
            errors.add(new Diagnostic(at(origin, e.line, e.col), e.getMessage(), e.length));
        }
        return new ParseResult<>(errors.isEmpty() ? Optional.of(out) : Optional.empty(), errors, source);
    }

    /** {@code exact}: the columns of {@code ascii} are those of the written text from {@code col} on. */
    private record Side(String ascii, int line, int col, boolean exact) {
        Side(String ascii, int line, int col) { this(ascii, line, col, true); }
    }

    /** The relation in spec text; an update arrow (\\leftarrow, \\to) is kept as "<-" until checked. */
    private static String opOf(LatexParser.RelOpContext r) {
        return r.ASSIGN() != null ? "<-" : AsciiWriter.relOp(r);
    }

    private record Chain(List<Side> sides, List<String> ops, String range, String written, String instance, List<Integer> instanced,
                         Objective objective) {}

    /** J of `\\arg\\min_x J = v` (spec text), the sense written, and where \\arg\\min stands. */
    private record Objective(String text, String spelled, Token at) {}

    private static Pos at(Pos origin, int line, int col) {
        return new Pos(origin.file(), origin.line() + line - 1, line == 1 ? origin.col() + col - 1 : col);
    }

    /** The chains of a display; {@code prose} gets a note for each row's text after its formula, which is not read. */
    private List<Chain> chains(String text, List<String> prose) {
        List<Token> tokens = names.replace(LatexTokens.rewrite(text));
        prose.addAll(textInsideFormula(tokens));
        Set<String> free = subscriptLetters(tokens);
        LatexParser parser = new LatexParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        SyntaxErrors syntax = new SyntaxErrors("");
        parser.addErrorListener(syntax);
        LatexParser.AnswerContext tree = parser.answer();
        if (!syntax.diagnostics().isEmpty()) {
            Diagnostic d = syntax.diagnostics().get(0);
            String m = d.message().replace("unexpected end of file", "unexpected end of the answer (a dangling operator or an unclosed brace?)");
            throw new LatexTokens.Error(fake(d.pos().line(), d.pos().col() - 1, d.length()), m);
        }
        List<LatexParser.RowContext> rows = new ArrayList<>();
        collectRows(tree.rows(), rows);
        List<Chain> out = new ArrayList<>();
        List<Side> sides = null;
        List<String> ops = null;
        AsciiWriter w = null;
        StringBuilder written = null;
        int previousStop = -1;
        Objective objective = null;
        for (LatexParser.RowContext r : rows) {
            if (r.lead != null && sides == null) {
                // `= ...` with no chain before it: never a bare value of the unknown
                throw new LatexTokens.Error(r.lead.getStart(), "this starts with '" + r.lead.getText()
                        + "' and so continues a chain, but no chain comes before it");
            }
            if (r.lead == null || sides == null) {
                if (sides != null) out.add(finish(sides, ops, w, written.toString(), objective));
                objective = null;
                sides = new ArrayList<>();
                ops = new ArrayList<>();
                written = new StringBuilder();
                w = new AsciiWriter(problem, spec.text(), names, free).evaluatingWith(this::atPoint);
            } else {
                ops.add(opOf(r.lead));
            }
            written.append(written.length() > 0 ? " " : "").append(textOf(text, r, previousStop));
            if (r.getStop() != null) previousStop = r.getStop().getStopIndex();
            List<LatexParser.ExprContext> es = r.expr();
            for (int k = 0; k < es.size(); k++) {
                if (k > 0) ops.add(opOf(r.relOp(k - 1 + (r.lead == null ? 0 : 1))));
                Token s = es.get(k).getStart();
                Optional<LatexParser.ArgMinContext> am = sides.isEmpty() && es.size() > 1 ? AsciiWriter.argMin(es.get(k)) : Optional.empty();
                if (am.isPresent()) {
                    // \arg\min_x J = v: the left side is the unknown; J is kept for the checker
                    String u = argminUnknown(am.get());
                    objective = new Objective(w.argminObjective(am.get(), u), am.get().ARGMIN().getText(), am.get().ARGMIN().getSymbol());
                    sides.add(new Side(u, s.getLine(), s.getCharPositionInLine() + 1));
                    continue;
                }
                sides.add(new Side(w.visit(es.get(k)).text(), s.getLine(), s.getCharPositionInLine() + 1));
            }
        }
        if (sides != null) out.add(finish(sides, ops, w, written.toString(), objective));
        return out;
    }

    /**
     * The unknown an \\arg\\min (or \\arg\\max) on the left side stands for. The spec must state an
     * objective of the same sense; the variable written under it is the unknown's own name, or, when
     * the spec has one unknown, a letter the spec does not name (the sheets' \\arg\\min_\\theta for
     * the unknown \\theta^{t+1}).
     */
    private String argminUnknown(LatexParser.ArgMinContext a) {
        Token at = a.ARGMIN().getSymbol();
        String spelled = a.ARGMIN().getText();
        Optional<derivcheck.model.Objective> o = problem.objective();
        if (o.isEmpty()) throw new LatexTokens.Error(at, spelled + ": the spec states no objective to minimize, so this restates nothing it asks");
        boolean max = spelled.contains("max");
        if (max != (o.get().sense() == derivcheck.model.Objective.Sense.MAXIMIZE)) {
            throw new LatexTokens.Error(at, spelled + " of a problem that " + (max ? "minimizes" : "maximizes") + " its objective");
        }
        Token x = AsciiWriter.argminVariable(a);
        List<String> unknowns = problem.unknowns().stream().map(u -> u.name()).toList();
        if (x.getType() == LatexParser.SYM) {
            if (unknowns.contains(x.getText())) return x.getText();
            throw new LatexTokens.Error(x, spelled + " over " + AsciiWriter.written(x) + ", which is not an unknown of the spec");
        }
        if (unknowns.size() != 1) {
            throw new LatexTokens.Error(x, spelled + " over " + x.getText() + ": the spec has " + unknowns.size()
                    + " unknowns; write the variable as the spec names it");
        }
        return unknowns.get(0);
    }

    /**
     * The row as written. It starts right after the previous row (or at the start of the display),
     * not at its first token: the token filter drops wrappers such as \mathbf{ before the first token.
     */
    private static String textOf(String text, LatexParser.RowContext r, int previousStop) {
        int a = Math.min(r.getStart().getStartIndex(), previousStop + 1);
        while (a < text.length() && a < r.getStart().getStartIndex()
                && (Character.isWhitespace(text.charAt(a)) || text.charAt(a) == '\\' && a + 1 < text.length() && text.charAt(a + 1) == '\\'
                    || text.charAt(a) == '&')) {
            a += text.charAt(a) == '\\' ? 2 : 1;
        }
        int b = r.getStop() == null ? a : r.getStop().getStopIndex();
        if (a < 0 || b < a || b >= text.length()) return r.getText();
        // the token rewrite drops the closing brace of {x} and \mathbf{x}: the echo keeps it
        while (b + 1 < text.length() && text.charAt(b + 1) == '}') b++;
        // \mathrm{lr} is one token that ends where \mathrm (or its brace) does: the echo keeps the whole {word}
        int macro = text.lastIndexOf('\\', b);
        if (b + 1 < text.length() && text.charAt(b + 1) == '{' && macro >= a && text.substring(macro + 1, b + 1).matches("[A-Za-z]+")) b++;
        int open = 0;
        for (int k = a; k <= b; k++) open += text.charAt(k) == '{' ? 1 : text.charAt(k) == '}' ? -1 : 0;
        while (open > 0 && b + 1 < text.length()) {
            b++;
            open += text.charAt(b) == '{' ? 1 : text.charAt(b) == '}' ? -1 : 0;
        }
        return text.substring(a, b + 1).replaceAll("\\s+", " ").strip();
    }

    /** Where an index letter stands in spec text: x_j, x_{j + 1}, (j), never inside a longer name. */
    private static java.util.regex.Pattern indexUse(String j) {
        return java.util.regex.Pattern.compile("(?:(?<=_)|(?<![A-Za-z0-9_]))" + java.util.regex.Pattern.quote(j) + "(?![A-Za-z0-9_])");
    }

    private Chain finish(List<Side> sides, List<String> ops, AsciiWriter w, String written, Objective objective) {
        Set<String> free = new LinkedHashSet<>(w.usedFree);
        String range = "";
        String instance = "";
        List<Integer> instanced = new ArrayList<>();
        if (free.size() == 2) {
            // dL/db_i = g_j/||w_j||: the display states its relation for every i and every j. It is read
            // for every i (an index of the first side) at j = 1: false there is false, true there is not a proof
            String keep = null;
            for (String f : free) if (keep == null && indexUse(f).matcher(sides.get(0).ascii).find()) keep = f;
            if (keep != null) {
                String other = null;
                for (String f : free) if (!f.equals(keep)) other = f;
                List<Side> at = new ArrayList<>();
                for (int k = 0; k < sides.size(); k++) {
                    Side sd = sides.get(k);
                    java.util.regex.Matcher m = indexUse(other).matcher(sd.ascii);
                    if (m.find()) instanced.add(k);
                    at.add(new Side(m.replaceAll("1"), sd.line, sd.col));
                }
                sides = at;
                instance = other + " = 1";
                free = new LinkedHashSet<>(List.of(keep));
            }
        }
        if (free.size() > 1) {
            throw new LatexTokens.Error(fake(sides.get(0).line, sides.get(0).col - 1, 1),
                    "more than one free index (" + String.join(", ", free) + "): an answer holds for every value of one index");
        }
        if (free.size() == 1) {
            String j = free.iterator().next();
            String dim = w.indexDims.get(j);
            if (dim == null) {
                throw new LatexTokens.Error(fake(sides.get(0).line, sides.get(0).col - 1, 1), "cannot tell the range of the free index " + j);
            }
            range = " for " + j + " in 1.." + dim;
        }
        return new Chain(sides, ops, range, written, instance, instanced, objective);
    }

    private static Token fake(int line, int charPos, int len) {
        org.antlr.v4.runtime.CommonToken t = new org.antlr.v4.runtime.CommonToken(0, "x".repeat(Math.max(1, len)));
        t.setLine(line);
        t.setCharPositionInLine(Math.max(0, charPos));
        return t;
    }

    private static void collectRows(LatexParser.RowsContext r, List<LatexParser.RowContext> out) {
        if (r instanceof LatexParser.EnvironmentContext e) collectRows(e.rows(), out);
        else out.addAll(((LatexParser.RowListContext) r).row());
    }

    /**
     * Words are prose before a row's chain (\\text{Let }, \\text{so }) or after it (\\text{variance},
     * \\text{for all } i); a word with formula on both sides (\\frac{\\partial}{\\partial\\sigma}
     * \\text{ELBO} = ...) is a quantity the reader cannot know: a located error that names it. A word
     * written against the formula's end, with no space on either side of the brace ({@code \\lambda}\\text{squared}},
     * {@code N \\mathrm{Paus}} in a math font), reads as a factor the spec does not have, not as prose: an
     * error too, since dropping it would judge what was not written. Returns one note per row whose
     * trailing text is read as prose (quoting it), so that nothing is left out without a word.
     */
    private static List<String> textInsideFormula(List<Token> ts) {
        List<String> notes = new ArrayList<>();
        int rowStart = 0;
        for (int i = 0; i <= ts.size(); i++) {
            if (i < ts.size() && ts.get(i).getType() != LatexParser.ROWSEP) continue;
            int trailing = -1;
            for (int k = rowStart; k < i; k++) {
                if (ts.get(k).getType() != LatexParser.WORD) continue;
                boolean lead = true, tail = true;
                for (int a = rowStart; a < k && lead; a++) {
                    int y = ts.get(a).getType();
                    lead = y == LatexParser.WORD || y == LatexParser.IMPLIES || y == LatexParser.IF || ts.get(a).getText().equals("&");
                }
                for (int b = k + 1; b < i && tail; b++) {
                    int y = ts.get(b).getType();
                    String x = ts.get(b).getText();
                    tail = y == LatexParser.WORD || y == LatexParser.IF || y == LatexParser.FORALL || y == LatexParser.LETTER
                            || y == LatexParser.SYM || x.equals(",") || x.equals(".") || x.equals(";") || y == LatexParser.END_ENV
                            || y == LatexParser.END_CASES;
                }
                // a word in a math font right after the formula (N \mathrm{Paus}), or any word glued to its end
                // (\lambda}\text{squared}), is a factor the spec does not have, not prose
                if (tail && !lead && k > rowStart && formulaEnd(ts.get(k - 1)) && (mathFont(ts.get(k)) || glued(ts.get(k - 1), ts.get(k)))) {
                    tail = false;
                }
                if (!lead && !tail) {
                    throw new LatexTokens.Error(ts.get(k), "text '" + ts.get(k).getText() + "' inside a formula names no quantity of the spec"
                            + (k > rowStart && glued(ts.get(k - 1), ts.get(k)) ? " (written against the formula: if it is prose, leave a space, \\text{ "
                               + ts.get(k).getText() + "})" : ""));
                }
                if (!lead && trailing < 0) trailing = k;
            }
            if (trailing >= 0) {
                StringBuilder words = new StringBuilder();
                for (int k = trailing; k < i; k++) {
                    String x = ts.get(k).getText();
                    int y = ts.get(k).getType();
                    if (y == LatexParser.END_ENV || y == LatexParser.END_CASES || x.equals(",") || x.equals(".") || x.equals(";")) continue;
                    if (y == LatexParser.FORALL) x = "for all";
                    if (words.length() > 0) words.append(' ');
                    words.append(x);
                }
                notes.add("the text '" + words + "' after the formula is read as prose, not as part of the answer");
            }
            rowStart = i + 1;
        }
        return notes;
    }

    /**
     * Is {@code word} (a \\text{...} or \\mbox{...}) written right against {@code before}, with no space
     * between them and none at the start of its braces? {@code x\\text{ m}} and {@code x \\text{m}} are apart.
     */
    private static boolean glued(Token before, Token word) {
        if (word.getInputStream() == null || word.getStartIndex() < 0 || before.getStopIndex() < 0) return false;
        if (word.getStartIndex() != before.getStopIndex() + 1) return false;
        int end = Math.min(word.getInputStream().size() - 1, word.getStartIndex() + 12);
        String src = word.getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(word.getStartIndex(), end));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)\\\\[a-zA-Z]+\\s*\\{(.)").matcher(src);
        return m.lookingAt() && !Character.isWhitespace(m.group(1).charAt(0)) && !m.group(1).equals("~");
    }

    /** Was this word written in a math font (\mathrm, \operatorname, \mathit, \mathsf, \mathbf), not as text (\text, \mbox)? */
    private static boolean mathFont(Token word) {
        if (word.getInputStream() == null || word.getStartIndex() < 0) return false;
        int end = Math.min(word.getInputStream().size() - 1, word.getStartIndex() + 14);
        String src = word.getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(word.getStartIndex(), end));
        return src.matches("(?s)\\\\(mathrm|operatorname|mathit|mathsf|mathbf)\\b.*");
    }

    /** Does this token end an operand (a name, a number, a closing bracket), so a word after it multiplies? */
    private static boolean formulaEnd(Token t) {
        int y = t.getType();
        String x = t.getText();
        return y == LatexParser.SYM || y == LatexParser.LETTER || y == LatexParser.GREEK || x.matches("[0-9.]+|[)\\]}]|\\|");
    }

    /** Letters written as subscripts (x_i, x_{i+2}): they may be indices. */
    private static Set<String> subscriptLetters(List<Token> ts) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 1 < ts.size(); i++) {
            if (!ts.get(i).getText().equals("_")) continue;
            int end = SymbolNames.scriptEnd(ts, i + 1);
            for (int k = i + 1; k <= end; k++) {
                Token t = ts.get(k);
                if (t.getType() == LatexParser.LETTER && t.getText().length() == 1 && !t.getText().equals("T")) out.add(t.getText());
            }
        }
        return out;
    }

    /**
     * {@code body |_{x = value}} (spec text in, spec text out): the body read on its own, the spec's
     * definitions (`let`) put in, every gradient taken symbolically, then x replaced by the value.
     * Taking the derivative first is what the bar means: d/dx f(x) at x = a is f'(a), not the
     * derivative of f(a). A located error where any of that cannot be done.
     */
    private String atPoint(String body, String x, String value, Token where) {
        Expr b = standalone(body, where, "the expression before the evaluation bar");
        Relation point = standaloneRelation(x + " = " + value, where, "the point of the evaluation bar");
        if (!(point.lhs() instanceof derivcheck.expr.Sym s) || s.kind() == derivcheck.expr.SymKind.LET) {
            throw new LatexTokens.Error(where, "the variable of an evaluation bar is a given or an unknown of the spec, not "
                    + TextPrinter.print(point.lhs()));
        }
        Expr expanded;
        try {
            expanded = derivcheck.calculus.Gradient.expandGrads(EvaluationBars.inlineLets(problem, b));
        } catch (IllegalArgumentException | derivcheck.calculus.NotDifferentiableException | derivcheck.expr.ShapeException e) {
            throw new LatexTokens.Error(where, "the expression before the evaluation bar cannot be evaluated at a point: " + e.getMessage());
        }
        return TextPrinter.print(Exprs.substitute(expanded, s, point.rhs()));
    }

    /** The answer of `\\arg\\min_x J = v`, carrying J (read on its own: a scalar of the spec's names). */
    private Answer withObjective(Answer a, Objective o) {
        Expr j = standalone(o.text, o.at, "the function under " + o.spelled);
        if (!j.isScalar()) throw new LatexTokens.Error(o.at, "the function under " + o.spelled + " is not a scalar");
        String readAs = a.readAs() + " (" + (o.spelled.contains("max") ? "argmax" : "argmin") + " of " + TextPrinter.print(j) + ")";
        return new Answer(a.input(), a.pos(), a.claim(), a.sideLines(), readAs, a.latex(), a.instance(), a.instanced(),
                a.upToFactor(), a.notes(), Optional.of(j));
    }

    /** Spec text read on its own against the spec's names (as the left side of a trivial claim). */
    private Expr standalone(String text, Token where, String what) {
        return standaloneRelation(text + " = " + text, where, what).lhs();
    }

    private Relation standaloneRelation(String text, Token where, String what) {
        ParseResult<Claim> r = claims().read("expect " + text);
        if (!r.ok()) {
            throw new LatexTokens.Error(where, what + " does not read on its own: " + r.diagnostics().get(0).message());
        }
        return r.get().relations().get(0);
    }

    private derivcheck.spec.ClaimReader claimReader;

    /** The spec read once; each answer is then read as one more `expect` against its names. */
    private derivcheck.spec.ClaimReader claims() {
        if (claimReader == null) {
            ParseResult<derivcheck.spec.ClaimReader> r = derivcheck.spec.ClaimReader.of(spec);
            if (!r.ok()) throw new IllegalStateException("the spec " + spec.name() + " does not read: " + r.renderDiagnostics());
            claimReader = r.get();
        }
        return claimReader;
    }

    /** Resolves a chain against the spec's names, as one more `expect` line. */
    private Optional<Answer> resolve(List<Side> sides, List<String> ops, String range, String written, Pos origin, boolean latex,
                                     List<Diagnostic> errors) {
        StringBuilder line = new StringBuilder(sides.get(0).ascii);
        int inserted = 0; // characters put before the written text (the unknown of a bare value)
        for (int k = 1; k < sides.size(); k++) {
            String op = ops.get(k - 1).equals("<-") ? "=" : ops.get(k - 1);
            line.append(' ').append(op).append(' ').append(sides.get(k).ascii);
        }
        if (sides.size() == 1 && !line.toString().contains("=") && !line.toString().contains("<") && !line.toString().contains(">")) {
            // a bare value answers the spec's one unknown
            Optional<String> only = onlyUnknown();
            if (only.isEmpty()) {
                errors.add(new Diagnostic(origin, "an answer states what it is: write 'target = value' (e.g. \\theta^{t+1} = ...)",
                        Math.max(1, written.length())));
                return Optional.empty();
            }
            line.insert(0, only.get() + " = ");
            inserted = only.get().length() + 3;
        }
        String prefix = "expect ";
        ParseResult<Claim> r = claims().read(prefix + line + range);
        if (!r.ok()) {
            for (Diagnostic d : r.diagnostics()) {
                // an ASCII answer's column: in the claim text, less "expect " and what was put before the written
                // text, plus the answer's own leading blanks; 0 (the whole answer) where that does not map back
                int col = latex || !sides.get(0).exact || d.pos().line() != 1 ? 0 : d.pos().col() - prefix.length() - inserted + sides.get(0).col - 1;
                if (col > written.length()) col = 0;
                String msg = d.message();
                if (msg.startsWith("cannot tell the size of I") && line.toString().contains("I_{")) {
                    msg = "cannot tell the length of the unit vector e_k here: no vector of the spec beside it fixes it";
                } else if (msg.startsWith("an index must be a scalar") && line.toString().contains("I_{")) {
                    // e_y where y is a vector of the spec (no spec declares a class label)
                    msg = "the unit vector e_k needs a scalar index (a bound index, a number or a scalar of the spec): " + msg;
                }
                if (!latex && col >= 1) errors.add(new Diagnostic(at(origin, 1, col), msg, d.length()));
                else errors.add(new Diagnostic(at(origin, sides.get(0).line, sides.get(0).col), msg + " (in: " + line + range + ")",
                        Math.max(1, written.length())));
            }
            if (errors.isEmpty()) errors.add(new Diagnostic(origin, "this answer cannot be read together with the spec " + spec.name()));
            return Optional.empty();
        }
        Claim c = r.get();
        Optional<String> notAnAnswer = notAnAnswer(c, ops);
        if (notAnAnswer.isPresent()) {
            errors.add(new Diagnostic(at(origin, sides.get(0).line, sides.get(0).col), notAnAnswer.get(), Math.max(1, written.length())));
            return Optional.empty();
        }
        List<Relation> rels = new ArrayList<>();
        for (Relation rel : c.relations()) {
            rels.add(new Relation(rel.op(), inverses(rel.lhs()), inverses(rel.rhs()), origin));
        }
        Claim claim = new Claim(rels, c.range(), latex ? written : line.toString(), origin);
        List<Integer> lines = new ArrayList<>();
        for (Side s : sides) lines.add(origin.line() + s.line - 1);
        String readAs = TextPrinter.print(rels) + c.range().map(x -> " for " + x.index().name() + " in "
                + TextPrinter.print(x.lo()) + ".." + TextPrinter.print(x.hi())).orElse("");
        return Optional.of(new Answer(latex ? written : line.toString(), origin, claim, lines, readAs, latex));
    }

    /** The one unknown of the spec (a `find x : ...` or `find x such that`), if it has exactly one. */
    private Optional<String> onlyUnknown() {
        List<String> us = new ArrayList<>();
        problem.unknowns().forEach(u -> us.add(u.name()));
        problem.conditions().forEach(c -> { if (!us.contains(c.unknown().name())) us.add(c.unknown().name()); });
        return us.size() == 1 ? Optional.of(us.get(0)) : Optional.empty();
    }

    /**
     * Read, but not an answer: an update `y_k \\leftarrow ...` of a given (the spec has no name for
     * its new value, and y_k = y_k + ... would be false), or an inequality that bounds no unknown
     * by itself (a constraint of the problem restated, |x_i - x_i^t| < eps).
     */
    private static Optional<String> notAnAnswer(Claim c, List<String> ops) {
        List<Relation> rels = c.relations();
        for (int k = 0; k < rels.size() && k < ops.size(); k++) {
            if (ops.get(k).equals("<-") && !defined(rels.get(k).lhs())) {
                return Optional.of("an update of " + TextPrinter.print(rels.get(k).lhs())
                        + ", which the spec gives: it has no name for the new value, so this is not an answer");
            }
        }
        boolean inequality = rels.stream().anyMatch(x -> x.op() != derivcheck.expr.RelOp.EQ);
        if (inequality) {
            boolean bounds = rels.stream().anyMatch(x -> sought(x.lhs()) || sought(x.rhs()));
            if (!bounds) return Optional.of("this inequality bounds no unknown of the spec by itself (a constraint of the problem is not an answer)");
        }
        return Optional.empty();
    }

    private static boolean defined(Expr e) {
        Expr base = e instanceof derivcheck.expr.Index ix ? ix.base() : e;
        return base instanceof derivcheck.expr.Sym s && (s.kind() == derivcheck.expr.SymKind.UNKNOWN || s.kind() == derivcheck.expr.SymKind.LET);
    }

    private static boolean sought(Expr e) {
        Expr base = e instanceof derivcheck.expr.Index ix ? ix.base() : e;
        return base instanceof derivcheck.expr.Sym s && s.kind() == derivcheck.expr.SymKind.UNKNOWN;
    }

    /** A^{-1} of a square matrix is its inverse. */
    static Expr inverses(Expr e) {
        return Exprs.transform(e, x -> x instanceof Pow p && p.base().shape().isMatrix() && p.exponent() instanceof Num n
                && n.value().equals(Num.MINUS_ONE.value()) ? new Inverse(inverses(p.base()), p.pos()) : null);
    }
}
