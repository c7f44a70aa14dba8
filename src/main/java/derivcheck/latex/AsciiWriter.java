package derivcheck.latex;

import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.grammar.LatexBaseVisitor;
import derivcheck.grammar.LatexParser;
import derivcheck.grammar.LatexParser.*;
import derivcheck.model.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Writes a parsed LaTeX expression in the spec language, resolving nothing by guessing: a
 * letter or Greek letter that is neither a spec symbol nor an index is an error at its place.
 * The spec reader then resolves names and checks shapes (see {@link AnswerReader}).
 */
final class AsciiWriter extends LatexBaseVisitor<AsciiWriter.Frag> {
    /** A piece of spec text and how tightly it binds: 1 sum, 2 product, 3 power, 4 atom. */
    record Frag(String text, int prec) {
        String at(int min) { return prec < min ? "(" + text + ")" : text; }
    }

    private final Problem problem;
    private final String specText;
    private final SymbolNames names;
    private final Set<String> freeIndices;
    private final Deque<String> bound = new ArrayDeque<>();
    /** Index letter -> the size of the first vector it indexes (for sums without bounds, free indices). */
    final Map<String, String> indexDims = new LinkedHashMap<>();
    final Set<String> usedFree = new LinkedHashSet<>();

    AsciiWriter(Problem problem, String specText, SymbolNames names, Set<String> freeIndices) {
        this.problem = problem;
        this.specText = specText;
        this.names = names;
        this.freeIndices = freeIndices;
    }

    /**
     * Spec text for {@code body} evaluated at {@code binder = value} (all three spec text), or a
     * located error at {@code where}; the reader supplies it (it can resolve names).
     */
    interface PointEvaluation { String at(String body, String binder, String value, Token where); }

    private PointEvaluation evaluation = (b, x, v, where) -> { throw error(where, "the evaluation bar is not read here"); };

    AsciiWriter evaluatingWith(PointEvaluation e) {
        this.evaluation = e;
        return this;
    }

    static LatexTokens.Error error(ParserRuleContext ctx, String message) {
        return new LatexTokens.Error(ctx.getStart(), message);
    }

    static LatexTokens.Error error(Token t, String message) { return new LatexTokens.Error(t, message); }

    /** "unknown symbol \\lambda", with the spec author's fix when the spec has the quantity under another name. */
    private String unknownSymbol(String written) { return "unknown symbol " + written + LatexNameHints.hint(written, problem); }

    // ---- sums and products -------------------------------------------------------------------

    @Override public Frag visitAddSub(AddSubContext ctx) {
        if (ctx.op.getType() == LatexParser.PM) throw error(ctx.op, "\\pm gives two answers; write each one on its own");
        Frag l = visit(ctx.expr());
        Frag r = visit(ctx.term());
        return new Frag(l.at(1) + " " + ctx.op.getText() + " " + r.at(2), 1);
    }

    @Override public Frag visitSigned(SignedContext ctx) {
        Frag r = visit(ctx.term());
        return new Frag((ctx.op.getText().equals("-") ? "-" : "") + r.at(2), 1);
    }

    @Override public Frag visitTermExpr(TermExprContext ctx) { return visit(ctx.term()); }

    /** `f \Big|_{x = a}`: the side before the bar, evaluated at x = a. */
    @Override public Frag visitEvalAt(EvalAtContext ctx) { return evaluated(ctx.expr(), ctx.script(), ctx.EVALBAR().getSymbol()); }

    /** `\left. f \right|_{x = a}`. */
    @Override public Frag visitEvalGroup(EvalGroupContext ctx) { return evaluated(ctx.expr(), ctx.script(), ctx.EVALOPEN().getSymbol()); }

    private Frag evaluated(ExprContext body, ScriptContext point, Token where) {
        if (!(point instanceof BinderScriptContext b) || b.binder.getType() != LatexParser.SYM) {
            throw error(point, "an evaluation bar names its point as {x = value}, with x a quantity of the spec");
        }
        String value = visit(b.expr()).text;
        String e = visit(body).text;
        return new Frag("(" + evaluation.at(e, b.binder.getText(), value, where) + ")", 4);
    }

    @Override public Frag visitExplicitProduct(ExplicitProductContext ctx) {
        Frag l = visit(ctx.term());
        Frag r = visit(ctx.factor());
        if (ctx.op.getType() == LatexParser.ODOT || ctx.op.getType() == LatexParser.OSLASH) {
            // .* and ./ bind tighter than * in the spec language: keep the sheet's left-to-right grouping
            return new Frag(l.at(3) + (ctx.op.getType() == LatexParser.ODOT ? " .* " : " ./ ") + r.at(3), 2);
        }
        boolean div = ctx.op.getText().equals("/");
        return new Frag(l.at(2) + (div ? "/" : "*") + r.at(div ? 3 : 2), 2);
    }

    /**
     * A run of juxtaposed factors `a b c`, read left to right: a declared function (or its
     * derivative rho') before parentheses is applied to them; an operator \frac{\partial}{\partial x}
     * applies to everything after it; every other neighbour is a product.
     */
    @Override public Frag visitJuxtaposition(JuxtapositionContext ctx) {
        List<ParserRuleContext> parts = new ArrayList<>();
        TermContext t = ctx;
        while (t instanceof JuxtapositionContext j) {
            parts.add(0, j.factor());
            t = j.term();
        }
        parts.add(0, t instanceof FactorTermContext ft ? ft.factor() : t);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            ParserRuleContext f = parts.get(k);
            Optional<String> fn = f instanceof FactorContext fc ? functionName(fc) : Optional.empty();
            if (fn.isPresent() && k + 1 < parts.size() && parts.get(k + 1) instanceof FactorContext next && parens(next).isPresent()) {
                out.add(fn.get() + "(" + visit(parens(next).get()).text + ")");
                k++;
                continue;
            }
            Optional<String> var = f instanceof FactorContext fc ? derivativeOperator(fc) : Optional.empty();
            if (var.isPresent()) {
                if (k + 1 == parts.size()) throw error(f, "nothing to differentiate after " + f.getText());
                List<String> rest = new ArrayList<>();
                for (int r = k + 1; r < parts.size(); r++) rest.add(visit(parts.get(r)).at(2));
                out.add("grad(" + String.join("*", rest) + ", " + var.get() + ")");
                break;
            }
            Frag x = visit(f);
            out.add(x.at(2));
        }
        if (out.size() == 1) return new Frag(out.get(0), 2);
        return new Frag(String.join("*", out), 2);
    }

    /** \frac{\partial}{\partial x} or \frac{d}{dx} with nothing on top: the variable it differentiates by. */
    private Optional<String> derivativeOperator(FactorContext f) {
        if (!(f instanceof PrimaryFactorContext pf && pf.primary() instanceof FractionContext fr)) return Optional.empty();
        if (!isD(fr.num)) return Optional.empty();
        Optional<FactorContext[]> den = dParts(fr.den);
        if (den.isEmpty()) return Optional.empty();
        return Optional.of(visit(den.get()[1]).text);
    }

    /**
     * f(x'), f(x'; w): a declared function applied; or a name the spec writes with arguments
     * (latex "f(x; w)"), which means its definition at the arguments written; or, for any other
     * name, a product a(x + y). A name written with arguments that has no definition (a given
     * value such as f_y(x; theta)) cannot be evaluated elsewhere: a located error.
     */
    @Override public Frag visitApplication(ApplicationContext ctx) {
        String name = ctx.FSYM().getText();
        List<ExprContext> args = ctx.expr();
        String written = written(ctx.FSYM().getSymbol());
        if (problem.functions().stream().anyMatch(d -> d.name().equals(name))) {
            if (args.size() != 1) throw error(ctx, written + " takes one argument");
            return new Frag(name + "(" + visit(args.get(0)).text + ")", 4);
        }
        Optional<SymbolNames.Signature> sig = names.signature(name);
        if (sig.isEmpty()) {
            if (args.size() == 1) return new Frag(name + "*(" + visit(args.get(0)).text + ")", 2);
            throw error(ctx, written + " is not a function of the spec; it cannot be applied to " + args.size() + " arguments");
        }
        Optional<derivcheck.model.LetDef> let = problem.let(name);
        if (let.isEmpty() || let.get().range().isPresent()) {
            throw error(ctx, written + "(...) cannot be applied to other arguments: " + sig.get().spelled()
                    + " is a given value of the spec, not a definition");
        }
        List<String> params = sig.get().params();
        if (args.size() > params.size()) throw error(ctx, sig.get().spelled() + " takes " + params.size() + " argument(s)");
        Map<String, String> subst = new LinkedHashMap<>();
        for (int k = 0; k < args.size(); k++) {
            String a = visit(args.get(k)).text;
            String p = params.get(k);
            if (p == null) throw error(args.get(k), "cannot tell which parameter of " + sig.get().spelled() + " this argument replaces");
            if (!a.equals(p)) subst.put(p, a);
        }
        String body = derivcheck.expr.TextPrinter.print(let.get().body());
        if (subst.isEmpty()) return new Frag(name, 4);
        return new Frag(substitute(body, subst), 1);
    }

    /** The spec text with whole names replaced (x -> (xp)), by the spec's own lexer. */
    private static String substitute(String specText, Map<String, String> subst) {
        derivcheck.grammar.SpecLexer lx = new derivcheck.grammar.SpecLexer(org.antlr.v4.runtime.CharStreams.fromString(specText));
        lx.removeErrorListeners();
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Token t = lx.nextToken(); t.getType() != Token.EOF; t = lx.nextToken()) {
            b.append(specText, at, t.getStartIndex());
            String x = t.getText();
            String base = x.contains("_") ? x.substring(0, x.indexOf('_')) : x;
            if (t.getType() == derivcheck.grammar.SpecLexer.ID && subst.containsKey(x)) b.append('(').append(subst.get(x)).append(')');
            else if (t.getType() == derivcheck.grammar.SpecLexer.ID && subst.containsKey(base)) {
                b.append('(').append(subst.get(base)).append(')').append(x.substring(base.length()));
            } else b.append(x);
            at = t.getStopIndex() + 1;
        }
        b.append(specText.substring(Math.min(at, specText.length())));
        return b.toString();
    }

    private Optional<String> functionName(FactorContext f) {
        String prime = "";
        if (f instanceof PrimeContext p) { f = p.factor(); prime = "'"; }
        if (f instanceof PrimaryFactorContext pf && pf.primary() instanceof SymbolContext s) {
            String name = s.SYM().getText();
            if (problem.functions().stream().anyMatch(d -> d.name().equals(name))) return Optional.of(name + prime);
        }
        return Optional.empty();
    }

    private static Optional<ExprContext> parens(FactorContext f) {
        if (f instanceof PrimaryFactorContext pf && pf.primary() instanceof ParensContext p) return Optional.of(p.expr());
        return Optional.empty();
    }

    @Override public Frag visitBigOpTerm(BigOpTermContext ctx) { return visit(ctx.bigop()); }

    @Override public Frag visitExplicitBigOp(ExplicitBigOpContext ctx) {
        return new Frag(visit(ctx.term()).at(2) + "*" + visit(ctx.bigop()).at(2), 2);
    }

    @Override public Frag visitJuxtaposedBigOp(JuxtaposedBigOpContext ctx) {
        Frag l = visit(ctx.term());
        Frag r = visit(ctx.bigop());
        return new Frag(l.at(2) + "*" + r.at(2), 2);
    }

    @Override public Frag visitFactorTerm(FactorTermContext ctx) { return visit(ctx.factor()); }

    @Override public Frag visitBigop(BigopContext ctx) {
        String index;
        String lo = "1";
        if (ctx.lo == null) throw error(ctx, "write the index of the sum: \\sum_{i=1}^{N} or \\sum_i");
        if (ctx.lo instanceof BinderScriptContext b) {
            index = b.getChild(1).getText();
            lo = visit(b.expr()).text;
        } else if (ctx.lo instanceof LetterScriptContext l) {
            index = l.LETTER().getText();
        } else {
            throw error(ctx.lo, "cannot read the index of this sum; write \\sum_{i=1}^{N}");
        }
        bound.push(index);
        Frag body;
        try {
            body = visit(ctx.term());
        } finally {
            bound.pop();
        }
        String hi;
        if (ctx.hi != null) hi = script(ctx.hi).text;
        else if (indexDims.containsKey(index)) hi = indexDims.get(index);
        else throw error(ctx, "cannot tell the range of the index " + index + "; write \\sum_{" + index + "=1}^{N}");
        return new Frag("sum(" + index + " = " + lo + ".." + hi + ", " + body.text + ")", 4);
    }

    // ---- postfix --------------------------------------------------------------------------

    @Override public Frag visitSuperscript(SuperscriptContext ctx) {
        ScriptContext s = ctx.script();
        if (s instanceof TopScriptContext || s instanceof LetterScriptContext l && l.LETTER().getText().equals("T")) {
            return new Frag(visit(ctx.factor()).at(4) + "'", 4);
        }
        if (s instanceof StarScriptContext && isLetter(ctx.factor(), "f")) return optimalValue(ctx); // f^\star: the optimal value
        if (s instanceof StarScriptContext) return visit(ctx.factor()); // w^*: the optimal value of w
        if (s instanceof PrimeScriptContext) return new Frag(visit(ctx.factor()).at(4) + "'", 4);
        if (isLetter(ctx.factor(), "e")) return new Frag("exp(" + script(s).text + ")", 4);
        if (iterate(s)) {
            throw error(ctx, shown(ctx) + " is an iterate the spec does not name (t is not a quantity of the spec, so this is no power)");
        }
        Frag base = visit(ctx.factor());
        Frag exp = script(s);
        return new Frag(base.at(4) + "^" + exp.at(4), 3);
    }

    /**
     * {@code f^\\star} (or {@code f^*}) with f no name of the spec: the optimal value, as the sheets
     * print it, read as the spec's {@code min} (or {@code max}, by the objective's sense). Without an
     * objective there is no optimal value to name, so it is refused where it is written.
     */
    private Frag optimalValue(SuperscriptContext ctx) {
        java.util.Optional<derivcheck.model.Objective> o = problem.objective();
        if (o.isEmpty()) throw error(ctx, shown(ctx) + " names an optimal value, but the spec states no objective (and no f)");
        return new Frag(o.get().sense() == derivcheck.model.Objective.Sense.MAXIMIZE ? "max" : "min", 4);
    }

    /** x^t, y^{t+1}, \\theta^{(t)}: a superscript in t, where t is neither a spec name nor an index; and x^0. */
    private boolean iterate(ScriptContext s) {
        // x^0 is a starting point (nobody writes x^0 for 1): an iterate, unless the spec names it
        if (s instanceof NumberScriptContext n && n.NUMBER().getText().equals("0")) return true;
        if (problem.symbol("t").isPresent() || bound.contains("t")) return false;
        List<Token> ts = tokens(s);
        return ts.stream().anyMatch(t -> t.getType() == LatexParser.LETTER && t.getText().equals("t"));
    }

    private boolean isLetter(FactorContext f, String letter) {
        return f instanceof PrimaryFactorContext pf && pf.primary() instanceof LetterContext l
                && l.LETTER().getText().equals(letter) && problem.symbol(letter).isEmpty();
    }

    @Override public Frag visitSubscript(SubscriptContext ctx) {
        ScriptContext s = ctx.script();
        FactorContext f = ctx.factor();
        if (f instanceof PrimaryFactorContext pf && pf.primary() instanceof NormContext n) {
            Frag arg = visit(n.expr());
            String kind = s.getText();
            String norm = switch (kind) {
                case "2" -> "||" + arg.text + "||";
                case "1" -> "||" + arg.text + "||_1";
                case "\\infty" -> "||" + arg.text + "||_inf";
                case "F" -> "||" + arg.text + "||_F";
                // \|v\|_D, \lVert v \rVert_{D^{-1}}: a weighting by a matrix of the spec (the reader checks it is positive definite)
                default -> weighting(s).map(w -> "||" + arg.text + "||_{" + w + "}").orElseThrow(() -> error(s, "unknown norm \\|.\\|_" + kind
                        + "; use _1, _2, _\\infty, _F or a positive definite matrix of the spec (a weighted norm)"));
            };
            return new Frag(norm, 4);
        }
        if (isLetter(f, "e") && !(s instanceof GroupScriptContext gg && gg.expr().size() != 1)) {
            // e_k, \\mathbf{e}_k, e_y: the k-th standard basis vector (e is no name of the spec). In the spec
            // language that is row k of the identity, I_k, whose length the vectors around it fix.
            String k = s instanceof GroupScriptContext g1 ? indexText(g1.expr(0), Optional.empty())
                    : s instanceof LetterScriptContext l1 ? indexLetter(l1.LETTER().getSymbol(), Optional.empty())
                    : s instanceof NumberScriptContext n1 ? n1.NUMBER().getText()
                    : s instanceof SymScriptContext y1 ? y1.SYM().getText() : null;
            if (k == null) throw error(s, "cannot read the subscript " + s.getText());
            return new Frag("I_{" + k + "}", 4);
        }
        if (!(f instanceof PrimaryFactorContext pf2 && (pf2.primary() instanceof SymbolContext || pf2.primary() instanceof ParensContext
                || pf2.primary() instanceof NablaContext))) {
            if (f instanceof PrimaryFactorContext p3 && (p3.primary() instanceof LetterContext || p3.primary() instanceof GreekContext
                    || p3.primary() instanceof AccentContext || p3.primary() instanceof AccentGroupContext)) {
                throw error(ctx, unknownSymbol(ctx.getText()));
            }
        }
        Frag base = visit(f);
        Optional<Shape> shape = shapeOf(f);
        if (shape.isPresent() && shape.get().isScalar() && !(s instanceof NumberScriptContext)) {
            // w_r for the scalar w: not an entry, another name (the sheet's shorthand w_r^*)
            throw error(ctx, unknownSymbol(shown(ctx)));
        }
        List<String> idx = new ArrayList<>();
        if (s instanceof GroupScriptContext g) {
            for (ExprContext e : g.expr()) {
                String t = indexText(e, shape);
                if (g.expr().size() == 1 && t.matches("[a-zA-Z](\\*[a-zA-Z])+")) idx.addAll(List.of(t.split("\\*")));
                else idx.add(t);
            }
        } else if (s instanceof LetterScriptContext l) {
            idx.add(indexLetter(l.LETTER().getSymbol(), shape));
        } else if (s instanceof NumberScriptContext nn) {
            idx.add(nn.NUMBER().getText());
        } else if (s instanceof SymScriptContext y && problem.symbol(y.SYM().getText()).filter(d -> d.kind() == derivcheck.expr.SymKind.DIM).isPresent()) {
            // a_j with j a dimension of the spec (an index fixed by the problem, as in grad(a_j, q))
            idx.add(y.SYM().getText());
        } else {
            throw error(s, "cannot read the subscript " + s.getText());
        }
        return new Frag(base.at(4) + "_{" + String.join(", ", idx) + "}", 4);
    }

    private String indexText(ExprContext e, Optional<Shape> shape) {
        // record the size an index letter runs over, then write the index expression
        for (Token t : tokens(e)) {
            if (t.getType() == LatexParser.LETTER) noteIndex(t.getText(), shape);
        }
        return visit(e).text;
    }

    private String indexLetter(Token t, Optional<Shape> shape) {
        noteIndex(t.getText(), shape);
        if (!bound.contains(t.getText()) && !freeIndices.contains(t.getText())) throw error(t, "unknown index " + t.getText());
        if (!bound.contains(t.getText())) usedFree.add(t.getText());
        return t.getText();
    }

    private void noteIndex(String letter, Optional<Shape> shape) {
        if (shape.isPresent() && !indexDims.containsKey(letter)) {
            Shape s = shape.get();
            if (s instanceof Shape.Vector v) indexDims.put(letter, v.n().toString());
            else if (s instanceof Shape.Matrix m) indexDims.put(letter, m.rows().toString());
        }
    }

    private List<Token> tokens(ParserRuleContext ctx) {
        List<Token> out = new ArrayList<>();
        collect(ctx, out);
        return out;
    }

    private static void collect(org.antlr.v4.runtime.tree.ParseTree t, List<Token> out) {
        if (t instanceof org.antlr.v4.runtime.tree.TerminalNode n) { out.add(n.getSymbol()); return; }
        for (int k = 0; k < t.getChildCount(); k++) collect(t.getChild(k), out);
    }

    private Optional<Shape> shapeOf(FactorContext f) {
        if (f instanceof PrimaryFactorContext pf && pf.primary() instanceof SymbolContext s) {
            return problem.symbol(s.SYM().getText()).map(Sym::shape);
        }
        if (f instanceof PrimaryFactorContext pf && pf.primary() instanceof NablaContext n && n.script() != null) {
            return problem.symbol(n.script().getText()).map(Sym::shape);
        }
        return Optional.empty();
    }

    @Override public Frag visitPrime(PrimeContext ctx) {
        throw error(ctx, unknownSymbol(ctx.getText()));
    }

    @Override public Frag visitPrimaryFactor(PrimaryFactorContext ctx) { return visit(ctx.primary()); }

    Frag script(ScriptContext s) {
        if (s instanceof GroupScriptContext g) {
            if (g.expr().size() != 1) throw error(s, "a power needs one exponent");
            return new Frag(visit(g.expr(0)).text, visit(g.expr(0)).prec);
        }
        if (s instanceof NumberScriptContext n) return new Frag(n.NUMBER().getText(), 4);
        if (s instanceof SymScriptContext y) return new Frag(y.SYM().getText(), 4);
        if (s instanceof LetterScriptContext l) return new Frag(letter(l.LETTER().getSymbol()), 4);
        if (s instanceof InftyScriptContext) throw error(s, "\\infty is only read as the norm subscript \\|x\\|_\\infty");
        throw error(s, "cannot read the script " + s.getText());
    }

    // ---- atoms ------------------------------------------------------------------------------

    @Override public Frag visitNumber(NumberContext ctx) { return new Frag(ctx.NUMBER().getText(), 4); }

    @Override public Frag visitSymbol(SymbolContext ctx) { return new Frag(ctx.SYM().getText(), 4); }

    @Override public Frag visitLetter(LetterContext ctx) { return new Frag(letter(ctx.LETTER().getSymbol()), 4); }

    /** The variable of an \\arg\\min written as a letter the spec does not name, read as the unknown (see {@link #argminObjective}). */
    private final Map<String, String> aliases = new LinkedHashMap<>();

    /** The side `\\arg\\min_x J` as a whole side: the ArgMin inside, if that is all it is. */
    static Optional<ArgMinContext> argMin(ExprContext e) {
        if (e instanceof TermExprContext t && t.term() instanceof FactorTermContext f && f.factor() instanceof PrimaryFactorContext p
                && p.primary() instanceof ArgMinContext a) return Optional.of(a);
        return Optional.empty();
    }

    /** The written variable of an \\arg\\min: a spec name (SYM), or a letter or Greek letter. */
    static Token argminVariable(ArgMinContext a) {
        ScriptContext sc = a.script();
        if (sc instanceof SymScriptContext y) return y.SYM().getSymbol();
        if (sc instanceof LetterScriptContext l) return l.LETTER().getSymbol();
        if (sc instanceof GreekScriptContext g) return g.GREEK().getSymbol();
        // {\\theta^{t+1}}: a spec name of several tokens keeps its braces
        if (sc instanceof GroupScriptContext gs && gs.expr().size() == 1 && gs.expr(0).getChildCount() == 1
                && gs.expr(0).getStart() == gs.expr(0).getStop() && gs.expr(0).getStart().getType() == LatexParser.SYM) {
            return gs.expr(0).getStart();
        }
        throw error(sc, a.ARGMIN().getText() + " needs the variable it minimizes over as its subscript (\\arg\\min_x)");
    }

    /** J of `\\arg\\min_x J`, in spec text, with x read as the spec's {@code unknown}. */
    String argminObjective(ArgMinContext a, String unknown) {
        Token x = argminVariable(a);
        boolean alias = x.getType() != LatexParser.SYM;
        if (alias) aliases.put(x.getText(), unknown);
        try {
            return visit(a.expr()).text;
        } finally {
            if (alias) aliases.remove(x.getText());
        }
    }

    /** Anywhere but the whole left side of an answer, \\arg\\min restates the problem. */
    @Override public Frag visitArgMin(ArgMinContext ctx) {
        throw error(ctx.ARGMIN().getSymbol(), ctx.ARGMIN().getText() + " restates the optimization problem: write the optimum it"
                + " stands for (x = ...), or \\arg\\min_x J = value with the value on the right");
    }

    private String letter(Token t) {
        String x = t.getText();
        if (aliases.containsKey(x)) return aliases.get(x);
        if (bound.contains(x)) return x;
        if (freeIndices.contains(x)) { usedFree.add(x); return x; }
        if (x.equals("e")) return "exp(1)";
        if (x.equals("I")) return "I"; // the identity matrix, sized by the sum it sits in
        throw error(t, unknownSymbol(x));
    }

    @Override public Frag visitGreek(GreekContext ctx) {
        if (aliases.containsKey(ctx.GREEK().getText())) return new Frag(aliases.get(ctx.GREEK().getText()), 4);
        if (ctx.GREEK().getText().equals("\\pi")) return new Frag("pi", 4);
        throw error(ctx.GREEK().getSymbol(), unknownSymbol(ctx.GREEK().getText()));
    }

    @Override public Frag visitBraced(BracedContext ctx) { return visit(ctx.expr()); }

    @Override public Frag visitParens(ParensContext ctx) { return new Frag("(" + visit(ctx.expr()).text + ")", 4); }

    @Override public Frag visitBrackets(BracketsContext ctx) { return new Frag("(" + visit(ctx.expr()).text + ")", 4); }

    @Override public Frag visitIverson(IversonContext ctx) { return new Frag("[" + condition(ctx.condition()) + "]", 4); }

    @Override public Frag visitIversonSingle(IversonSingleContext ctx) { return new Frag("[" + condition(ctx.condition()) + "]", 4); }

    @Override public Frag visitFraction(FractionContext ctx) {
        Optional<Frag> d = derivative(ctx);
        if (d.isPresent()) return d.get();
        Frag n = group(ctx.num);
        Frag m = group(ctx.den);
        return new Frag(n.at(2) + "/" + m.at(3), 2);
    }

    private Frag group(GroupContext g) {
        if (g.expr() != null) return visit(g.expr());
        if (g.NUMBER() != null) return new Frag(g.NUMBER().getText(), 4);
        if (g.SYM() != null) return new Frag(g.SYM().getText(), 4);
        if (g.LETTER() != null) return new Frag(letter(g.LETTER().getSymbol()), 4);
        throw error(g, unknownSymbol(g.getText()));
    }

    static String written(Token t) {
        return t instanceof SymbolNames.NameToken n ? n.written : t.getText();
    }

    /** dL/db, \partial L / \partial b_i, \mathrm{d}L / \mathrm{d}x_j: grad(L, b), grad(L, b)_i. */
    private Optional<Frag> derivative(FractionContext ctx) {
        Optional<Frag> second = secondDerivative(ctx);
        if (second.isPresent()) return second;
        Optional<FactorContext[]> num = dParts(ctx.num);
        Optional<FactorContext[]> den = dParts(ctx.den);
        if (num.isEmpty() || den.isEmpty()) {
            if (isD(ctx.num) && den.isPresent()) {
                // `0 = \frac{d}{d\theta} = ...`: a whole side that is the bare operator is the derivative
                // of the problem's objective (the sheets leave it implicit), when the spec has one
                if (wholeSide(ctx) && problem.objective().isPresent()) {
                    String obj = "(" + derivcheck.expr.TextPrinter.print(problem.objective().get().expr()) + ")";
                    return Optional.of(gradOf(obj, den.get()[1], ctx));
                }
                throw error(ctx, "nothing to differentiate after " + shown(ctx) + " (write the function after the operator)");
            }
            if (num.isPresent() || isD(ctx.num)) throw error(ctx, "write a derivative as \\frac{dL}{dx} (with what is differentiated on top)");
            return Optional.empty();
        }
        return Optional.of(gradOf(fnOf(num.get()[1]), den.get()[1], ctx));
    }

    /** Is this fraction a whole side of the chain (not part of a product or a sum)? */
    private static boolean wholeSide(ParserRuleContext ctx) {
        org.antlr.v4.runtime.tree.ParseTree p = ctx.getParent();
        while (p instanceof PrimaryFactorContext || p instanceof FactorTermContext || p instanceof TermExprContext) p = p.getParent();
        return p instanceof RowContext;
    }

    /** grad(f, x), or grad(f, x)_i for the entry x_i. */
    private Frag gradOf(String f, FactorContext var, FractionContext ctx) {
        if (var instanceof SubscriptContext sc && sc.factor() instanceof PrimaryFactorContext pf && pf.primary() instanceof SymbolContext sym) {
            Frag whole = visit(var); // records the index
            String base = sym.SYM().getText();
            String idx = whole.text.substring(base.length());
            return new Frag("grad(" + f + ", " + base + ")" + idx, 4);
        }
        if (var instanceof PrimaryFactorContext pf && pf.primary() instanceof SymbolContext sym) {
            return new Frag("grad(" + f + ", " + sym.SYM().getText() + ")", 4);
        }
        if (var instanceof PrimaryFactorContext p && (p.primary() instanceof GreekContext || p.primary() instanceof LetterContext)) {
            throw error(var, "unknown symbol " + shown(var) + " (the variable of this derivative)" + LatexNameHints.hint(shown(var), problem));
        }
        throw error(ctx.den, "cannot read the variable of this derivative: " + shown(ctx.den));
    }

    private String fnOf(FactorContext f) {
        if (f instanceof PrimaryFactorContext pf && pf.primary() instanceof LetterContext l) {
            String x = l.LETTER().getText();
            if (specText.contains("grad(" + x + ",")) return x;
        }
        return visit(f).text;
    }

    private static boolean isD(GroupContext g) {
        if (g.LETTER() != null) return isD(g.LETTER().getText());
        return false; // a SYM is a name of the spec (the dimension d), never a differential
    }

    private static boolean isD(String letter) {
        return letter.equals("d") || letter.equals("\\mathrm{d}") || letter.equals("\\partial");
    }

    /** {d, f} when the group reads `d f` (d, \mathrm{d} or \partial, then one factor). */
    private static Optional<FactorContext[]> dParts(GroupContext g) {
        if (g.expr() == null || !(g.expr() instanceof TermExprContext te) || !(te.term() instanceof JuxtapositionContext j)) return Optional.empty();
        if (!(j.term() instanceof FactorTermContext ft) || !(ft.factor() instanceof PrimaryFactorContext pf)) return Optional.empty();
        Token t = pf.getStart();
        String w = written(t);
        if (pf.getStart() != pf.getStop() || t instanceof SymbolNames.NameToken) return Optional.empty();
        if (!isD(w)) return Optional.empty();
        return Optional.of(new FactorContext[] {ft.factor(), j.factor()});
    }

    @Override public Frag visitRoot(RootContext ctx) {
        Frag a = group(ctx.group());
        if (ctx.index == null) return new Frag("sqrt(" + a.text + ")", 4);
        return new Frag(a.at(4) + "^(1/" + visit(ctx.index).at(3) + ")", 3);
    }

    /** The subscript of a norm as the text of a weighting matrix: a name of the spec or a group {D^{-1}}. */
    private Optional<String> weighting(ScriptContext s) {
        if (s instanceof SymScriptContext y) return Optional.of(y.SYM().getText());
        if (s instanceof GroupScriptContext g && g.expr().size() == 1 && g.expr(0).getStart() instanceof SymbolNames.NameToken) {
            return Optional.of(visit(g.expr(0)).text);
        }
        return Optional.empty();
    }

    @Override public Frag visitNorm(NormContext ctx) { return new Frag("||" + visit(ctx.expr()).text + "||", 4); }

    /** |a|: abs, entrywise for a vector. */
    @Override public Frag visitAbs(AbsContext ctx) { return new Frag("abs(" + visit(ctx.expr()).text + ")", 4); }

    @Override public Frag visitInner(InnerContext ctx) {
        return new Frag("<" + visit(ctx.expr(0)).text + ", " + visit(ctx.expr(1)).text + ">", 4);
    }

    @Override public Frag visitExpectation(ExpectationContext ctx) { return expectation(ctx.expr(), ctx.pow); }

    @Override public Frag visitExpectationParens(ExpectationParensContext ctx) { return expectation(ctx.expr(), ctx.pow); }

    @Override public Frag visitExpectationBare(ExpectationBareContext ctx) { return new Frag("E[" + visit(ctx.primary()).text + "]", 4); }

    @Override public Frag visitLetterApplication(LetterApplicationContext ctx) {
        throw error(ctx, "unknown symbol " + ctx.LETTER().getText() + " (" + shown(ctx) + " names no quantity of the spec)");
    }

    /** The text of a parse tree as written, with a space between a command and a following letter. */
    static String shown(ParserRuleContext ctx) {
        StringBuilder b = new StringBuilder();
        List<Token> ts = new ArrayList<>();
        collect(ctx, ts);
        for (Token t : ts) {
            String x = t instanceof SymbolNames.NameToken n ? n.written : t.getText();
            if (b.length() > 0 && x.matches("[A-Za-z].*") && b.toString().matches(".*\\\\[A-Za-z]+$")) b.append(' ');
            b.append(x);
        }
        return b.toString();
    }

    /** E[x], and E^2(x) = (E[x])^2. */
    private Frag expectation(ExprContext e, ScriptContext pow) {
        String x = "E[" + visit(e).text + "]";
        if (pow == null) return new Frag(x, 4);
        return new Frag(x + "^" + script(pow).at(4), 3);
    }

    @Override public Frag visitVariance(VarianceContext ctx) { return new Frag("Var[" + visit(ctx.expr()).text + "]", 4); }

    @Override public Frag visitVarianceParens(VarianceParensContext ctx) { return new Frag("Var[" + visit(ctx.expr()).text + "]", 4); }

    @Override public Frag visitNabla(NablaContext ctx) {
        if (ctx.script() == null) throw error(ctx, "write the variable of the gradient: \\nabla_x L");
        String var = variable(ctx.script());
        FactorContext f = ctx.factor();
        String fn = fnOf(f);
        return new Frag("grad(" + fn + ", " + var + ")", 4);
    }

    /** The variable of \\nabla_w: a name of the spec. */
    private String variable(ScriptContext script) {
        if (script instanceof SymScriptContext s) return s.SYM().getText();
        if (script instanceof GroupScriptContext g && g.expr().size() == 1) return visit(g.expr(0)).text;
        throw error(script, unknownSymbol(script.getText()));
    }

    @Override public Frag visitHessian(HessianContext ctx) { return hessian(ctx.two, ctx.script(), ctx.factor(), ctx); }

    @Override public Frag visitHessianSubFirst(HessianSubFirstContext ctx) { return hessian(ctx.two, ctx.script(), ctx.factor(), ctx); }

    /** \\nabla^2_w L: grad(grad(L, w), w); without the subscript, the one variable the spec differentiates L by. */
    private Frag hessian(Token two, ScriptContext script, FactorContext f, ParserRuleContext ctx) {
        if (!two.getText().equals("2")) throw error(two, "\\nabla^" + two.getText() + " is not read (\\nabla^2 is the Hessian)");
        String fn = fnOf(f);
        String var = script != null ? variable(script) : hessianVariable(fn)
                .orElseThrow(() -> error(ctx, "write the variable of the Hessian: \\nabla^2_w " + fn));
        return new Frag(secondDerivativeOf(fn, var), 4);
    }

    private static String secondDerivativeOf(String fn, String var) {
        return "grad(grad(" + fn + ", " + var + "), " + var + ")";
    }

    /** The variable the spec takes gradients of fn by, when there is exactly one. */
    private Optional<String> hessianVariable(String fn) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("grad\\(" + java.util.regex.Pattern.quote(fn) + ",\\s*([A-Za-z][A-Za-z0-9_]*)\\s*\\)")
                .matcher(specText);
        Set<String> vars = new java.util.TreeSet<>();
        while (m.find()) vars.add(m.group(1));
        return vars.size() == 1 ? Optional.of(vars.iterator().next()) : Optional.empty();
    }

    /**
     * \\frac{\\partial^2 L}{\\partial w^2} (or d^2 L / dw^2): grad(grad(L, w), w); empty when the
     * fraction does not have that form.
     */
    private Optional<Frag> secondDerivative(FractionContext ctx) {
        if (ctx.num.expr() == null || !(ctx.num.expr() instanceof TermExprContext te) || !(te.term() instanceof JuxtapositionContext j)
                || !(j.term() instanceof FactorTermContext ft) || !(ft.factor() instanceof SuperscriptContext top) || !squaredD(top)) {
            return Optional.empty();
        }
        if (ctx.den.expr() == null || !(ctx.den.expr() instanceof TermExprContext de) || !(de.term() instanceof JuxtapositionContext dj)
                || !(dj.term() instanceof FactorTermContext dft) || !(dft.factor() instanceof PrimaryFactorContext dp)
                || dp.getStart() != dp.getStop() || !isD(written(dp.getStart())) || !(dj.factor() instanceof SuperscriptContext sq)
                || !(sq.script() instanceof NumberScriptContext two) || !two.NUMBER().getText().equals("2")
                || !(sq.factor() instanceof PrimaryFactorContext vp) || !(vp.primary() instanceof SymbolContext v)) {
            throw error(ctx.den, "write a second derivative as \\frac{\\partial^2 L}{\\partial w^2}");
        }
        return Optional.of(new Frag(secondDerivativeOf(fnOf(j.factor()), v.SYM().getText()), 4));
    }

    /** d^2 or \\partial^2 (one letter squared). */
    private static boolean squaredD(SuperscriptContext s) {
        return s.factor() instanceof PrimaryFactorContext p && p.getStart() == p.getStop() && !(p.getStart() instanceof SymbolNames.NameToken)
                && isD(written(p.getStart())) && s.script() instanceof NumberScriptContext n && n.NUMBER().getText().equals("2");
    }

    @Override public Frag visitCallParens(CallParensContext ctx) {
        if (ctx.script() != null) throw overVariable(ctx.FUNC(), ctx.script());
        List<String> args = new ArrayList<>();
        for (ExprContext e : ctx.expr()) args.add(visit(e).text);
        return new Frag(ctx.FUNC().getText() + "(" + String.join(", ", args) + ")", 4);
    }

    @Override public Frag visitCallBare(CallBareContext ctx) {
        if (ctx.script() != null) throw overVariable(ctx.FUNC(), ctx.script());
        return new Frag(ctx.FUNC().getText() + "(" + visit(ctx.factor()).text + ")", 4);
    }

    private static LatexTokens.Error overVariable(org.antlr.v4.runtime.tree.TerminalNode fn, ScriptContext s) {
        String sub = shown(s);
        if (!sub.startsWith("{")) sub = "{" + sub + "}";
        return error(fn.getSymbol(), "\\" + fn.getText() + "_" + sub + " (a " + fn.getText()
                + " over a variable) states an optimization problem, not an answer");
    }

    @Override public Frag visitBareFunction(BareFunctionContext ctx) {
        String f = ctx.FUNC().getText();
        if (f.equals("min") || f.equals("max")) return new Frag(f, 4);
        throw error(ctx, "\\" + f + " needs an argument");
    }

    @Override public Frag visitAccentGroup(AccentGroupContext ctx) { throw error(ctx, unknownSymbol(shown(ctx))); }

    @Override public Frag visitAccent(AccentContext ctx) { throw error(ctx, unknownSymbol(shown(ctx))); }

    @Override public Frag visitCases(CasesContext ctx) {
        List<String> arms = new ArrayList<>();
        for (CaseRowContext r : ctx.caseRow()) {
            String v = visit(r.expr()).text;
            if (r.OTHERWISE() != null) arms.add(v + " otherwise");
            else arms.add(v + " if " + condition(r.condition()));
        }
        return new Frag("cases(" + String.join(", ", arms) + ")", 4);
    }

    String condition(ConditionContext c) {
        if (c instanceof RangeConditionContext r) {
            String x = visit(r.expr(0)).text;
            return visit(r.lo).text + " <= " + x + " <= " + visit(r.hi).text;
        }
        ChainConditionContext ch = (ChainConditionContext) c;
        StringBuilder b = new StringBuilder(visit(ch.expr(0)).text);
        for (int k = 0; k < ch.relOp().size(); k++) {
            b.append(' ').append(relOp(ch.relOp(k))).append(' ').append(visit(ch.expr(k + 1)).text);
        }
        return b.toString();
    }

    static String relOp(RelOpContext r) {
        String t = r.getText();
        return switch (t) {
            case "\\le", "\\leq", "\\leqslant" -> "<=";
            case "\\ge", "\\geq", "\\geqslant" -> ">=";
            case "\\ne", "\\neq" -> "!=";
            case "<", ">" -> t;
            default -> "=";
        };
    }

    @Override public Frag visitDots(DotsContext ctx) { throw error(ctx, "'" + ctx.getText() + "' is not part of an expression this reads"); }

    @Override public Frag visitUnknownCommand(UnknownCommandContext ctx) { throw error(ctx, "unknown command " + ctx.getText()); }
}
