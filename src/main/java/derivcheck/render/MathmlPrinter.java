package derivcheck.render;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Inverse;
import derivcheck.expr.Iverson;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import derivcheck.model.Problem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static derivcheck.render.MathmlNames.escape;
import static derivcheck.render.MathmlNames.mi;
import static derivcheck.render.MathmlNames.mn;
import static derivcheck.render.MathmlNames.mo;

/**
 * Prints expressions as presentation MathML, which Chromium and Firefox typeset natively (no
 * script, no fonts to ship). It follows {@link LatexPrinter} piece by piece: the same precedence
 * levels and parentheses, juxtaposition for products (an invisible times; a {@code ·} where the
 * LaTeX printer writes {@code \cdot}), fractions for scalar quotients ({@code a/b} in scripts),
 * {@code ‖x‖}, {@code ⟨a, b⟩}, {@code ⊤}, cases as a table, and the spec's LaTeX names read by
 * {@link MathmlNames}. Every piece is one MathML element; all text is escaped.
 */
public final class MathmlPrinter {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int PREFIX = 4;
    private static final int POWER = 5;
    private static final int ATOM = 6;

    private static final String INVISIBLE_TIMES = "<mo>&#x2062;</mo>";
    private static final String APPLY_FUNCTION = "<mo>&#x2061;</mo>";

    private final LatexNames names;
    private final boolean sigmoidAsSigma;
    private final boolean inline;

    private MathmlPrinter(LatexNames names, boolean sigmoidAsSigma, boolean inline) {
        this.names = names;
        this.sigmoidAsSigma = sigmoidAsSigma;
        this.inline = inline;
    }

    /** The printer for a problem: its LaTeX names; the sigmoid is σ unless σ names a symbol. */
    public static MathmlPrinter of(Problem p) {
        LatexNames n = LatexNames.of(p);
        boolean sigmaTaken = p.symbols().anyMatch(s -> n.symbol(s).strip().equals("\\sigma"));
        return new MathmlPrinter(n, !sigmaTaken, false);
    }

    /** A printer with default names only. */
    public static MathmlPrinter standard() { return new MathmlPrinter(LatexNames.defaults(), true, false); }

    public LatexNames names() { return names; }

    private MathmlPrinter scripts() { return inline ? this : new MathmlPrinter(names, sigmoidAsSigma, true); }

    // ---------------------------------------------------------------- public entry points

    /** A whole {@code <math>} element, inline or as a block. */
    public static String math(String row, boolean block) {
        return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"" + (block ? " display=\"block\"" : "") + ">" + row + "</math>";
    }

    /** The MathML (one element, no {@code <math>} around it) of an expression. */
    public String print(Expr e) { return render(e).xml; }

    public String print(Relation r) { return "<mrow>" + print(r.lhs()) + op(r.op()) + print(r.rhs()) + "</mrow>"; }

    /** Relations as proper chains ({@link Relation#chainsOf}), the chains separated by commas. */
    public String print(List<Relation> rels) { return joined(rels, mo(",") + "<mspace width=\"1em\"></mspace>"); }

    /** Conditions that must all hold (a guard, an Iverson bracket): proper chains joined by "and". */
    public String conjunction(List<Relation> rels) { return joined(rels, "<mtext>&#xa0;and&#xa0;</mtext>"); }

    private String joined(List<Relation> rels, String separator) {
        StringBuilder b = new StringBuilder("<mrow>");
        List<List<Relation>> chains = Relation.chainsOf(rels);
        for (int k = 0; k < chains.size(); k++) {
            if (k > 0) b.append(separator);
            List<Relation> chain = chains.get(k);
            b.append("<mrow>").append(print(chain.get(0).lhs()));
            for (Relation r : chain) b.append(op(r.op())).append(print(r.rhs()));
            b.append("</mrow>");
        }
        return b.append("</mrow>").toString();
    }

    /** The name of a symbol or function as MathML. */
    public String name(String name) { return MathmlNames.of(names.name(name)); }

    public String symbol(Sym s) { return MathmlNames.of(names.symbol(s)); }

    public static String op(RelOp op) {
        return switch (op) {
            case EQ -> mo("=");
            case NE -> mo("≠");
            case LT -> mo("<");
            case LE -> mo("≤");
            case GT -> mo(">");
            case GE -> mo("≥");
        };
    }

    // ---------------------------------------------------------------- pieces

    /**
     * A printed expression: one MathML element, the precedence of its outermost operator, and
     * whether it ends in a superscript or subscript another script must not be stacked onto.
     */
    private record Piece(String xml, int level, boolean sup, boolean sub) {
        Piece(String xml, int level) { this(xml, level, false, false); }

        String at(int min) { return level >= min ? xml : parens(this).xml; }
    }

    private static Piece parens(Piece p) {
        return new Piece(fenced("(", p.xml, ")"), ATOM);
    }

    /** Is the content taller than a line (a fraction, a big sum, cases, a root)? Delimiters grow only around it. */
    private static boolean tall(String xml) {
        return xml.contains("<mfrac") || xml.contains("<munderover") || xml.contains("<mtable") || xml.contains("<msqrt");
    }

    /** Delimiters around content: stretched only around tall content, like \\left( in the LaTeX printer. */
    static String fenced(String open, String inner, String close) {
        String attr = tall(inner) ? "" : " stretchy=\"false\"";
        return "<mrow><mo" + attr + ">" + escape(open) + "</mo>" + inner + "<mo" + attr + ">" + escape(close) + "</mo></mrow>";
    }

    private static String base(Piece p, boolean sub) {
        boolean clash = sub ? p.sub : p.sup;
        return p.level >= ATOM && !clash ? p.xml : parens(p).xml;
    }

    private static String row(String... parts) { return "<mrow>" + String.join("", parts) + "</mrow>"; }

    private Piece render(Expr e) {
        if (e instanceof Num n) return number(n.value());
        if (e instanceof Const) return new Piece(mi("π"), ATOM);
        if (e instanceof Sym s) return namePiece(names.symbol(s));
        if (e instanceof Add a) return sum(a);
        if (e instanceof Mul m) return product(m);
        if (e instanceof Pow p) return power(p);
        if (e instanceof Apply a) return apply(a);
        if (e instanceof Inner i) {
            return new Piece(fenced("⟨", render(i.left()).xml + mo(",") + render(i.right()).xml, "⟩"), ATOM);
        }
        if (e instanceof Norm n) return norm(n);
        if (e instanceof Transpose t) return new Piece("<msup>" + base(render(t.arg()), false) + mo("⊤") + "</msup>", ATOM, true, false);
        if (e instanceof Inverse i) {
            return new Piece("<msup>" + base(render(i.arg()), false) + row(mo("−"), mn("1")) + "</msup>", ATOM, true, false);
        }
        if (e instanceof Identity) return new Piece(mi("I"), ATOM);
        if (e instanceof derivcheck.expr.Ones) return new Piece(mi("\uD835\uDFCF"), ATOM);
        if (e instanceof Index i) return index(i);
        if (e instanceof Sum s) return bigSum(s);
        if (e instanceof Piecewise p) return cases(p);
        if (e instanceof Iverson i) return new Piece(fenced("⟦", conjunction(i.conditions()), "⟧"), ATOM);
        if (e instanceof Expectation x) return bracket(mi("\uD835\uDD3C"), render(x.arg()));
        if (e instanceof Variance v) return bracket(mi("Var"), render(v.arg()));
        if (e instanceof Grad g) return grad(g);
        // a node added to the model later: its spec text, never an error on the page
        return new Piece("<mtext>" + escape(TextPrinter.print(e)) + "</mtext>", ATOM);
    }

    private static Piece namePiece(String latex) {
        boolean atom = LatexNames.isAtom(latex);
        return new Piece(MathmlNames.of(latex), atom ? ATOM : PREFIX,
                LatexNames.hasTopLevel(latex, '^'), LatexNames.hasTopLevel(latex, '_'));
    }

    private Piece number(Rational r) {
        if (r.signum() < 0) {
            Piece p = number(r.negate());
            return new Piece(row(mo("−"), p.xml), UNARY);
        }
        if (r.isInteger()) return new Piece(mn(r.num().toString()), ATOM);
        if (inline) return new Piece(row(mn(r.num().toString()), mo("/"), mn(r.den().toString())), PRODUCT);
        return new Piece("<mfrac>" + mn(r.num().toString()) + mn(r.den().toString()) + "</mfrac>", ATOM);
    }

    private static List<Expr> positiveFirst(List<Expr> terms) {
        if (TextPrinter.negated(terms.get(0)) == null) return terms;
        for (int k = 1; k < terms.size(); k++) {
            if (TextPrinter.negated(terms.get(k)) == null) {
                List<Expr> out = new ArrayList<>(terms);
                out.add(0, out.remove(k));
                return out;
            }
        }
        return terms;
    }

    private Piece sum(Add a) {
        StringBuilder b = new StringBuilder("<mrow>");
        boolean first = true;
        for (Expr t : positiveFirst(derivcheck.expr.Broadcast.printed(a))) {
            Expr abs = TextPrinter.negated(t);
            if (first) b.append(render(t).at(SUM));
            else if (abs != null) b.append(mo("−")).append(render(abs).at(PRODUCT));
            else b.append(mo("+")).append(render(t).at(PRODUCT));
            first = false;
        }
        return new Piece(b.append("</mrow>").toString(), SUM);
    }

    // ---------------------------------------------------------------- products and quotients

    private static int rank(Expr f) {
        if (f instanceof Sym || f instanceof Const) return 0;
        if (f instanceof Index i && i.base() instanceof Sym) return 0;
        if (f instanceof Pow p && (p.base() instanceof Sym || p.base() instanceof Index)) return 0;
        if (f instanceof Sum) return 2;
        return 1;
    }

    private Piece product(Mul m) {
        if (Exprs.isZero(m)) return new Piece(mn("0"), ATOM);
        Rational coefficient = Rational.ONE;
        List<Expr> numerators = new ArrayList<>();
        List<Expr> denominators = new ArrayList<>();
        List<Expr> chain = new ArrayList<>();
        for (Expr f : m.factors()) {
            if (f instanceof Num n) coefficient = coefficient.times(n.value());
            else if (!f.isScalar()) chain.add(f);
            else if (f instanceof Pow p && p.exponent() instanceof Num k && k.value().signum() < 0) {
                denominators.add(Exprs.pow(p.base(), new Num(k.value().negate(), k.pos())));
            } else numerators.add(f);
        }
        numerators.sort(Comparator.comparingInt(MathmlPrinter::rank));
        boolean negative = coefficient.signum() < 0;
        Rational c = negative ? coefficient.negate() : coefficient;
        Piece body;
        if (denominators.isEmpty() && c.isInteger()) {
            List<Piece> parts = new ArrayList<>();
            if (!c.isOne() || (numerators.isEmpty() && chain.isEmpty())) parts.add(integer(c.num()));
            for (Expr f : numerators) parts.add(render(f));
            for (Expr f : chain) parts.add(render(f));
            body = juxtapose(parts);
        } else if (inline) {
            body = inlineQuotient(c, numerators, chain, denominators);
        } else {
            body = fraction(c, numerators, chain, denominators);
        }
        if (!negative) return body;
        return new Piece(row(mo("−"), body.xml), UNARY);
    }

    private static Piece integer(BigInteger n) { return new Piece(mn(n.toString()), ATOM); }

    /** Factors side by side (an invisible times); a visible dot where juxtaposition would mislead. */
    private static Piece juxtapose(List<Piece> parts) {
        if (parts.size() == 1) return parts.get(0);
        StringBuilder b = new StringBuilder("<mrow>");
        Piece prev = null;
        for (Piece p : parts) {
            String t = p.at(PREFIX);
            if (prev != null) {
                boolean digitNext = t.startsWith("<mn>") || t.startsWith("<mrow><mn>");
                boolean callLike = t.startsWith("<mrow><mo>(</mo>") && prev.level >= PREFIX && prev.xml.endsWith("<mo>)</mo></mrow>");
                b.append(digitNext || callLike ? mo("⋅") : INVISIBLE_TIMES);
            }
            b.append(t);
            prev = p;
        }
        return new Piece(b.append("</mrow>").toString(), PRODUCT);
    }

    private Piece fraction(Rational c, List<Expr> numerators, List<Expr> chain, List<Expr> denominators) {
        List<Expr> inside = new ArrayList<>();
        List<Expr> outside = new ArrayList<>();
        for (Expr f : numerators) (rank(f) == 0 ? inside : outside).add(f);
        if (inside.isEmpty() && outside.size() == 1 && rank(outside.get(0)) == 1) inside.add(outside.remove(0));
        boolean chainInside = inside.isEmpty() && outside.isEmpty() && chain.size() == 1;
        if (chainInside) inside.addAll(chain);
        List<Piece> top = new ArrayList<>();
        if (!c.num().equals(BigInteger.ONE) || inside.isEmpty()) top.add(integer(c.num()));
        for (Expr f : inside) top.add(render(f));
        List<Piece> bottom = new ArrayList<>();
        if (!c.den().equals(BigInteger.ONE)) bottom.add(integer(c.den()));
        for (Expr f : denominators) bottom.add(render(f));
        // inside a fraction bar nothing needs parentheses that only precedence asked for
        String num = top.size() == 1 ? top.get(0).xml : juxtapose(top).xml;
        String den = bottom.size() == 1 ? bottom.get(0).xml : juxtapose(bottom).xml;
        Piece frac = new Piece("<mfrac>" + num + den + "</mfrac>", ATOM);
        List<Piece> parts = new ArrayList<>(List.of(frac));
        for (Expr f : outside) parts.add(render(f));
        if (!chainInside) for (Expr f : chain) parts.add(render(f));
        return juxtapose(parts);
    }

    private Piece inlineQuotient(Rational c, List<Expr> numerators, List<Expr> chain, List<Expr> denominators) {
        List<Piece> top = new ArrayList<>();
        if (!c.num().equals(BigInteger.ONE) || (numerators.isEmpty() && chain.isEmpty())) top.add(integer(c.num()));
        for (Expr f : numerators) top.add(render(f));
        for (Expr f : chain) top.add(render(f));
        List<Piece> bottom = new ArrayList<>();
        if (!c.den().equals(BigInteger.ONE)) bottom.add(integer(c.den()));
        for (Expr f : denominators) bottom.add(render(f));
        Piece num = juxtapose(top);
        Piece den = juxtapose(bottom);
        return new Piece(row(num.at(PRODUCT), mo("/"), den.at(POWER)), PRODUCT);
    }

    // ---------------------------------------------------------------- powers, functions, norms

    private Piece power(Pow p) {
        if (p.isScalar() && p.exponent() instanceof Num k && k.value().signum() < 0) {
            return product(new Mul(List.of(Num.ONE, p), p.pos()));
        }
        if (p.exponent() instanceof Num k && k.value().equals(Rational.of(1, 2)) && p.isScalar()) {
            return new Piece("<msqrt>" + render(p.base()).xml + "</msqrt>", ATOM);
        }
        Piece b = render(p.base());
        Piece x = scripts().render(p.exponent());
        return new Piece("<msup>" + base(b, false) + x.xml + "</msup>", ATOM, true, false);
    }

    private Piece apply(Apply a) {
        List<String> args = a.args().stream().map(x -> render(x).xml).toList();
        StringBuilder inner = new StringBuilder();
        for (int k = 0; k < args.size(); k++) inner.append(k > 0 ? mo(",") : "").append(args.get(k));
        String call = fenced("(", inner.toString(), ")");
        if (a.fn() instanceof UserFunc u) {
            String latex = names.name(u.name());
            String n = MathmlNames.of(latex);
            String head = LatexNames.isAtom(latex) ? n : row(mo("("), n, mo(")"));
            if (u.derivative() > 0) {
                String primes = u.derivative() <= 3 ? mo("′".repeat(u.derivative())) : row(mo("("), mn(Integer.toString(u.derivative())), mo(")"));
                head = "<msup>" + head + primes + "</msup>";
            }
            return new Piece(row(head, APPLY_FUNCTION, call), ATOM);
        }
        Builtin b = (Builtin) a.fn();
        String head = switch (b) {
            case LOG -> mi("log");
            case EXP -> mi("exp");
            case SIN -> mi("sin");
            case COS -> mi("cos");
            case TANH -> mi("tanh");
            case COSH -> mi("cosh");
            case SINH -> mi("sinh");
            case TAN -> mi("tan");
            case ATAN -> mi("arctan");
            case SOFTPLUS -> mi("softplus");
            case LOG1P -> mi("log1p");
            case ERF -> mi("erf");
            case NORMCDF -> mi("Φ");
            case NORMPDF -> mi("φ");
            case LOGSUMEXP -> mi("logsumexp");
            case DIAG -> mi("diag");
            case MAX -> mi("max");
            case MIN -> mi("min");
            case SIGN -> mi("sign");
            case SIGMOID -> sigmoidAsSigma ? mi("σ") : mi("sigmoid");
            case LOGIT -> mi("logit");
            case RELU -> mi("ReLU");
            case SOFTMAX -> mi("softmax");
            case TRACE -> mi("tr");
            case SV -> mi("sv");
            case ARGMAX -> mi("argmax");
            case LOWRANK, SQRT, ABS, SUM, HADAMARD, EDIVIDE -> null;
        };
        if (b == Builtin.HADAMARD || b == Builtin.EDIVIDE) {
            // entrywise product and division, infix as a sheet writes them: x ⊙ y, x ⊘ y
            Piece x = render(a.args().get(0)), y = render(a.args().get(1));
            return new Piece(row(x.at(POWER), mo(b == Builtin.HADAMARD ? "⊙" : "⊘"), y.at(POWER)), PREFIX);
        }
        if (b == Builtin.SQRT) return new Piece("<msqrt>" + inner + "</msqrt>", ATOM);
        if (b == Builtin.ABS) return new Piece(fenced("|", inner.toString(), "|"), ATOM);
        if (b == Builtin.LOWRANK) {
            String x = args.get(0), r = scripts().render(a.args().get(1)).xml;
            return new Piece("<msub>" + fenced("[", x, "]") + r + "</msub>", ATOM, false, true);
        }
        if (b == Builtin.SUM) {
            Piece x = render(a.args().get(0));
            return new Piece(row("<msup>" + mn("\uD835\uDFCF") + mo("⊤") + "</msup>", INVISIBLE_TIMES, x.at(POWER)), PREFIX);
        }
        return new Piece(row(head, APPLY_FUNCTION, call), ATOM);
    }

    private Piece norm(Norm n) {
        Piece a = render(n.arg());
        String bars = fenced("‖", a.xml, "‖");
        String sub = switch (n.kind()) {
            case L2 -> null;
            case L1 -> mn("1");
            case LINF -> mi("∞");
            case FROBENIUS -> mi("F");
        };
        if (sub == null) return new Piece(bars, ATOM);
        return new Piece("<msub>" + bars + sub + "</msub>", ATOM, false, true);
    }

    private Piece index(Index i) {
        MathmlPrinter s = scripts();
        StringBuilder inside = new StringBuilder();
        for (int k = 0; k < i.indices().size(); k++) inside.append(k > 0 ? mo(",") : "").append(s.render(i.indices().get(k)).xml);
        String sub = i.indices().size() == 1 ? inside.toString() : row(inside.toString());
        Piece b = render(i.base());
        boolean plain = b.level >= ATOM && !b.sub && (i.base() instanceof Sym || !b.sup);
        String head = plain ? b.xml : parens(b).xml;
        return new Piece("<msub>" + head + sub + "</msub>", ATOM, plain && b.sup, true);
    }

    private Piece bigSum(Sum s) {
        MathmlPrinter sc = scripts();
        Piece body = render(s.body());
        String under = row(symbol(s.index()), mo("="), sc.print(s.lo()));
        String text = row("<munderover>" + mo("∑") + under + sc.print(s.hi()) + "</munderover>", body.at(PRODUCT));
        return new Piece(text, PREFIX);
    }

    private Piece cases(Piecewise p) {
        StringBuilder b = new StringBuilder("<mtable class=\"cases\">");
        for (Piecewise.Arm a : p.arms()) {
            b.append("<mtr><mtd>").append(print(a.value())).append("</mtd><mtd>");
            b.append(a.guard().isEmpty() ? "<mtext>otherwise</mtext>" : row("<mtext>if&#xa0;</mtext>", conjunction(a.guard())));
            b.append("</mtd></mtr>");
        }
        b.append("</mtable>");
        return new Piece(row(mo("{"), b.toString()), ATOM);
    }

    private static Piece bracket(String head, Piece arg) {
        return new Piece(row(head, fenced("[", arg.xml, "]")), ATOM);
    }

    private Piece grad(Grad g) {
        Piece f = render(g.f());
        String wrt = scripts().print(g.wrt());
        if (g.wrt().isScalar() && !inline) {
            if (f.level >= ATOM) {
                return new Piece("<mfrac>" + row(mi("∂"), f.xml) + row(mi("∂"), wrt) + "</mfrac>", ATOM);
            }
            return new Piece(row("<mfrac>" + mi("∂") + row(mi("∂"), wrt) + "</mfrac>", f.at(ATOM)), PREFIX);
        }
        String head = "<msub>" + mi("∇") + wrt + "</msub>";
        return new Piece(row(head, f.level >= POWER ? f.xml : parens(f).xml), PREFIX);
    }
}
