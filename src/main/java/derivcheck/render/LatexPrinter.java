package derivcheck.render;

import derivcheck.expr.TextPrinter;
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
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import derivcheck.model.Problem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints expressions as LaTeX math the way a person typesets them: juxtaposition for products
 * (a {@code \cdot} only between numbers or where juxtaposition would read as a function call),
 * {@code \frac} for scalar quotients ({@code a/b} in scripts), {@code \|x\|}, {@code \langle a, b\rangle},
 * {@code ^\top}, {@code \operatorname{sign}}, cases, Iverson brackets, {@code \sum_{i=1}^{n}},
 * {@code \mathbb{E}}, {@code \nabla_x f}, and the spec's LaTeX names. Parentheses only where the
 * structure needs them; {@code \left(} only around tall content. Like {@link TextPrinter}, every
 * piece knows the precedence of its outermost operator.
 */
public final class LatexPrinter {
    // precedence levels, loosest first
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;    // a leading minus
    private static final int PREFIX = 4;   // \nabla_x f, \mathbf{1}^\top x, \sum_i …: fine as a factor, not as a base
    private static final int POWER = 5;
    private static final int ATOM = 6;

    private final LatexNames names;
    private final boolean sigmoidAsSigma;
    private final boolean inline;

    private LatexPrinter(LatexNames names, boolean sigmoidAsSigma, boolean inline) {
        this.names = names;
        this.sigmoidAsSigma = sigmoidAsSigma;
        this.inline = inline;
    }

    public LatexPrinter(LatexNames names, boolean sigmoidAsSigma) { this(names, sigmoidAsSigma, false); }

    /** The printer for a problem: its LaTeX names; the sigmoid is σ unless σ names a symbol. */
    public static LatexPrinter of(Problem p) {
        LatexNames n = LatexNames.of(p);
        boolean sigmaTaken = p.symbols().anyMatch(s -> n.symbol(s).strip().equals("\\sigma"));
        return new LatexPrinter(n, !sigmaTaken);
    }

    /** A printer with default names only. */
    public static LatexPrinter standard() { return new LatexPrinter(LatexNames.defaults(), true); }

    public LatexNames names() { return names; }

    private LatexPrinter scripts() { return inline ? this : new LatexPrinter(names, sigmoidAsSigma, true); }

    // ---------------------------------------------------------------- public entry points

    public String print(Expr e) { return render(e).text; }

    public String print(Relation r) { return print(r.lhs()) + " " + op(r.op()) + " " + print(r.rhs()); }

    /**
     * Relations as proper chains ({@code a \le x \le b}, see {@link Relation#chainsOf}), the
     * chains separated by commas.
     */
    public String print(List<Relation> rels) { return joined(rels, ", \\quad "); }

    /**
     * Conditions that must all hold (a guard of a case, an Iverson bracket): proper chains joined
     * by "and" ({@code a \le 0 \text{ and } b \le 0}, {@code a > x \text{ and } x < y}).
     */
    public String conjunction(List<Relation> rels) { return joined(rels, " \\text{ and } "); }

    private String joined(List<Relation> rels, String separator) {
        List<String> parts = new ArrayList<>();
        for (List<Relation> chain : Relation.chainsOf(rels)) {
            StringBuilder b = new StringBuilder(print(chain.get(0).lhs()));
            for (Relation r : chain) b.append(' ').append(op(r.op())).append(' ').append(print(r.rhs()));
            parts.add(b.toString());
        }
        return String.join(separator, parts);
    }

    /**
     * The top-level terms of a sum, each with its sign ({@code "a"}, {@code "+ b"}, {@code "- c"}),
     * for breaking a long equation across lines; a non-sum is one term.
     */
    public List<String> terms(Expr e) {
        if (!(e instanceof Add a)) return List.of(print(e));
        List<String> out = new ArrayList<>();
        for (Signed t : positiveFirst(derivcheck.expr.Broadcast.printed(a))) {
            String body = t.body().at(PRODUCT);
            if (out.isEmpty()) out.add(t.negative() ? "-" + body : t.body().at(SUM));
            else out.add((t.negative() ? "- " : "+ ") + body);
        }
        return out;
    }

    public static String op(RelOp op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "\\neq";
            case LT -> "<";
            case LE -> "\\le";
            case GT -> ">";
            case GE -> "\\ge";
        };
    }

    // ---------------------------------------------------------------- pieces

    /**
     * A printed expression: the precedence of its outermost operator, whether it is tall (a
     * fraction, a sum, cases: parentheses around it grow), and whether it ends in a superscript or
     * subscript that another script must not be stacked onto.
     */
    private record Piece(String text, int level, boolean tall, boolean sup, boolean sub) {
        Piece(String text, int level) { this(text, level, false, false, false); }

        String at(int min) { return level >= min ? text : parens(this); }
    }

    private static String parens(Piece p) {
        return p.tall ? "\\left(" + p.text + "\\right)" : "(" + p.text + ")";
    }

    private static Piece wrap(Piece p) { return new Piece(parens(p), ATOM, p.tall, false, false); }

    /** A base that a superscript (sub = false) or subscript (sub = true) can attach to. */
    private static String base(Piece p, boolean sub) {
        boolean clash = sub ? p.sub : p.sup;
        return p.level >= ATOM && !clash ? p.text : parens(p);
    }

    private Piece render(Expr e) {
        if (e instanceof Num n) return number(n.value());
        if (e instanceof Const) return new Piece("\\pi", ATOM);
        if (e instanceof Sym s) return name(names.symbol(s));
        if (e instanceof Add a) return sum(a);
        if (e instanceof Mul m) return product(m);
        if (e instanceof Pow p) return power(p);
        if (e instanceof Apply a) return apply(a);
        if (e instanceof Inner i) {
            Piece l = render(i.left()), r = render(i.right());
            boolean tall = l.tall || r.tall;
            String open = tall ? "\\left\\langle " : "\\langle ", close = tall ? "\\right\\rangle" : "\\rangle";
            return new Piece(open + l.text + ", " + r.text + close, ATOM, tall, false, false);
        }
        if (e instanceof Norm n) return norm(n);
        if (e instanceof Transpose t) return new Piece(base(render(t.arg()), false) + "^\\top", ATOM, false, true, false);
        if (e instanceof Inverse i) return new Piece(base(render(i.arg()), false) + "^{-1}", ATOM, false, true, false);
        if (e instanceof Identity) return new Piece("I", ATOM);
        if (e instanceof derivcheck.expr.Ones) return new Piece("\\mathbf{1}", ATOM);
        if (e instanceof Index i) return index(i);
        if (e instanceof Sum s) return bigSum(s);
        if (e instanceof Piecewise p) return cases(p);
        if (e instanceof Iverson i) return new Piece("[\\![" + conjunction(i.conditions()) + "]\\!]", ATOM);
        if (e instanceof Expectation x) return bracket("\\mathbb{E}", render(x.arg()));
        if (e instanceof Variance v) return bracket("\\operatorname{Var}", render(v.arg()));
        if (e instanceof Grad g) return grad(g);
        throw new IllegalStateException("no LaTeX for " + e.getClass().getSimpleName());
    }

    private static Piece name(String latex) {
        boolean atom = LatexNames.isAtom(latex);
        return new Piece(latex, atom ? ATOM : PREFIX, false,
                LatexNames.hasTopLevel(latex, '^'), LatexNames.hasTopLevel(latex, '_'));
    }

    private Piece number(Rational r) {
        if (r.signum() < 0) {
            Piece p = number(r.negate());
            return new Piece("-" + p.text, UNARY, p.tall, false, false);
        }
        if (r.isInteger()) return new Piece(r.num().toString(), ATOM);
        if (inline) return new Piece(r.num() + "/" + r.den(), PRODUCT);
        return new Piece("\\frac{" + r.num() + "}{" + r.den() + "}", ATOM, true, false, false);
    }

    /**
     * A term of a sum as its sign and its magnitude, double negatives cancelled: the term -(-x)
     * or a factor list whose number is not in front (x*(-1)) prints as x with a sign, never "- -x".
     */
    private record Signed(boolean negative, Piece body) {}

    private Signed signed(Expr t) {
        boolean negative = false;
        for (Expr abs = TextPrinter.negated(t); abs != null; abs = TextPrinter.negated(t)) {
            negative = !negative;
            t = abs;
        }
        Piece p = render(t);
        if (p.level == UNARY && p.text.startsWith("-")) {
            // what follows a unary minus is at least a product (product() and number() make it so)
            return new Signed(!negative, new Piece(p.text.substring(1), PRODUCT, p.tall, false, false));
        }
        return new Signed(negative, p);
    }

    /** The signed terms with the first one that has no leading minus moved to the front: 1 - x, not -x + 1. */
    private List<Signed> positiveFirst(List<Expr> terms) {
        List<Signed> out = new ArrayList<>(terms.stream().map(this::signed).toList());
        for (int k = 0; k < out.size(); k++) {
            if (!out.get(k).negative()) {
                out.add(0, out.remove(k));
                break;
            }
        }
        return out;
    }

    private Piece sum(Add a) {
        StringBuilder b = new StringBuilder();
        boolean tall = false;
        String minus = inline ? "-" : " - ", plus = inline ? "+" : " + ";
        for (Signed t : positiveFirst(derivcheck.expr.Broadcast.printed(a))) {
            Piece p = t.body();
            if (b.length() == 0) b.append(t.negative() ? "-" + p.at(PRODUCT) : p.at(SUM));
            else b.append(t.negative() ? minus : plus).append(p.at(PRODUCT));
            tall |= p.tall;
        }
        return new Piece(b.toString(), SUM, tall, false, false);
    }

    // ---------------------------------------------------------------- products and quotients

    /** How a scalar factor sorts: symbols first, then other factors, big operators last. */
    private static int rank(Expr f) {
        if (f instanceof Sym || f instanceof Const) return 0;
        if (f instanceof Index i && i.base() instanceof Sym) return 0;
        if (f instanceof Pow p && (p.base() instanceof Sym || p.base() instanceof Index)) return 0;
        if (f instanceof Sum) return 2;
        return 1;
    }

    /** Among symbols, a scalar coefficient before the entries of vectors: a g_j, not g_j a. */
    private static int entry(Expr f) {
        return f instanceof Index || f instanceof Pow p && p.base() instanceof Index ? 1 : 0;
    }

    private Piece product(Mul m) {
        if (Exprs.isZero(m)) return new Piece("0", ATOM);
        Rational coefficient = Rational.ONE;
        List<Expr> numerators = new ArrayList<>();
        List<Expr> denominators = new ArrayList<>();
        List<Expr> chain = new ArrayList<>();
        for (Expr f : flatFactors(m)) {
            if (f instanceof Num n) coefficient = coefficient.times(n.value());
            else if (!f.isScalar()) chain.add(f);
            else if (f instanceof Pow p && p.exponent() instanceof Num k && k.value().signum() < 0) {
                denominators.add(Exprs.pow(p.base(), new Num(k.value().negate(), k.pos())));
            } else numerators.add(f);
        }
        numerators.sort(Comparator.comparingInt(LatexPrinter::rank).thenComparingInt(LatexPrinter::entry));
        boolean negative = coefficient.signum() < 0;
        Rational c = negative ? coefficient.negate() : coefficient;
        Piece body;
        Optional<Piece> root = inline || !c.isOne() || !chain.isEmpty() ? Optional.empty() : rootOfQuotient(numerators, denominators);
        if (root.isPresent()) {
            body = root.get();
        } else if (denominators.isEmpty() && c.isInteger()) {
            List<Piece> parts = new ArrayList<>();
            if (!c.isOne() || (numerators.isEmpty() && chain.isEmpty())) parts.add(new Piece(c.num().toString(), ATOM));
            for (Expr f : numerators) parts.add(render(f));
            for (Expr f : chain) parts.add(render(f));
            body = juxtapose(parts);
        } else if (inline) {
            body = inlineQuotient(c, numerators, chain, denominators);
        } else {
            body = fraction(c, numerators, chain, denominators);
        }
        if (!negative) return body;
        // -(a + b), not -a + b
        return new Piece("-" + (body.level == UNARY ? parens(body) : body.at(PRODUCT)), UNARY, body.tall, false, false);
    }

    /** The factors of a product with nested products opened, in order: a*(-x) has the factors a, -1, x. */
    private static List<Expr> flatFactors(Mul m) {
        List<Expr> out = new ArrayList<>();
        for (Expr f : m.factors()) {
            if (f instanceof Mul inner) out.addAll(flatFactors(inner));
            else out.add(f);
        }
        return out;
    }

    /** Factors side by side; a \cdot where juxtaposition would mislead. */
    private static Piece juxtapose(List<Piece> parts) {
        if (parts.size() == 1) return parts.get(0);
        StringBuilder b = new StringBuilder();
        boolean tall = false;
        Piece prev = null;
        for (Piece p : parts) {
            String t = p.at(PREFIX);
            if (prev != null) {
                String before = prev.at(PREFIX);
                boolean digitNext = Character.isDigit(t.charAt(0));
                boolean callLike = (t.startsWith("(") || t.startsWith("\\left(")) && before.endsWith(")")
                        && !(prev.level < PREFIX);
                b.append(digitNext || callLike ? " \\cdot " : " ");
            }
            b.append(t);
            tall |= p.tall;
            prev = p;
        }
        return new Piece(b.toString(), PRODUCT, tall, false, false);
    }

    /** sqrt(a)/sqrt(b) as one root of the quotient, as a sheet writes it: \\sqrt{\\frac{1 - p}{p}}. */
    private Optional<Piece> rootOfQuotient(List<Expr> numerators, List<Expr> denominators) {
        if (numerators.isEmpty() || denominators.isEmpty()) return Optional.empty();
        List<Expr> quotient = new ArrayList<>();
        for (Expr f : numerators) {
            Optional<Expr> r = radicand(f);
            if (r.isEmpty()) return Optional.empty();
            quotient.add(r.get());
        }
        for (Expr f : denominators) {
            Optional<Expr> r = radicand(f);
            if (r.isEmpty()) return Optional.empty();
            quotient.add(Exprs.pow(r.get(), Num.MINUS_ONE));
        }
        return Optional.of(new Piece("\\sqrt{" + render(Exprs.mul(quotient, Pos.NONE)).text + "}", ATOM, true, false, false));
    }

    /** x for sqrt(x) or x^(1/2) of a scalar x. */
    private static Optional<Expr> radicand(Expr f) {
        if (f instanceof Apply a && a.fn() == Builtin.SQRT && a.isScalar()) return Optional.of(a.args().get(0));
        if (f instanceof Pow p && p.exponent() instanceof Num k && k.value().equals(Rational.of(1, 2)) && p.base().isScalar()) {
            return Optional.of(p.base());
        }
        return Optional.empty();
    }

    private Piece fraction(Rational c, List<Expr> numerators, List<Expr> chain, List<Expr> denominators) {
        List<Expr> inside = new ArrayList<>();
        List<Expr> outside = new ArrayList<>();
        for (Expr f : numerators) (rank(f) == 0 ? inside : outside).add(f);
        // with no symbol above the bar, the one ordinary factor goes there ((1 - p)/p, not 1/p (1 - p));
        // big operators (sums) stay beside the fraction
        List<Expr> ordinary = outside.stream().filter(f -> rank(f) == 1).toList();
        if (inside.isEmpty() && ordinary.size() == 1) {
            inside.add(ordinary.get(0));
            outside.remove(ordinary.get(0));
        } else if (!inside.isEmpty()) {
            // a parenthesized sum beside symbols goes above the bar too, first: (a + b) x / c, not x/c (a + b)
            List<Expr> sums = outside.stream().filter(f -> f instanceof Add).toList();
            outside.removeAll(sums);
            inside.addAll(0, sums);
        }
        boolean chainInside = inside.isEmpty() && outside.isEmpty() && chain.size() == 1;
        if (chainInside) inside.addAll(chain);
        List<Piece> top = new ArrayList<>();
        if (!c.num().equals(BigInteger.ONE) || inside.isEmpty()) top.add(new Piece(c.num().toString(), ATOM));
        for (Expr f : inside) top.add(render(f));
        List<Piece> bottom = new ArrayList<>();
        if (!c.den().equals(BigInteger.ONE)) bottom.add(new Piece(c.den().toString(), ATOM));
        for (Expr f : denominators) bottom.add(render(f));
        String num = top.size() == 1 ? top.get(0).text : juxtapose(top).text;
        String den = bottom.size() == 1 ? bottom.get(0).text : juxtapose(bottom).text;
        Piece frac = new Piece("\\frac{" + num + "}{" + den + "}", ATOM, true, false, false);
        List<Piece> parts = new ArrayList<>(List.of(frac));
        for (Expr f : outside) parts.add(render(f));
        if (!chainInside) for (Expr f : chain) parts.add(render(f));
        return juxtapose(parts);
    }

    private Piece inlineQuotient(Rational c, List<Expr> numerators, List<Expr> chain, List<Expr> denominators) {
        List<Piece> top = new ArrayList<>();
        if (!c.num().equals(BigInteger.ONE) || (numerators.isEmpty() && chain.isEmpty())) {
            top.add(new Piece(c.num().toString(), ATOM));
        }
        for (Expr f : numerators) top.add(render(f));
        for (Expr f : chain) top.add(render(f));
        List<Piece> bottom = new ArrayList<>();
        if (!c.den().equals(BigInteger.ONE)) bottom.add(new Piece(c.den().toString(), ATOM));
        for (Expr f : denominators) bottom.add(render(f));
        Piece num = juxtapose(top);
        Piece den = juxtapose(bottom);
        return new Piece(num.at(PRODUCT) + "/" + den.at(POWER), PRODUCT, num.tall || den.tall, false, false);
    }

    // ---------------------------------------------------------------- powers, functions, norms

    private Piece power(Pow p) {
        if (p.isScalar() && p.exponent() instanceof Num k && k.value().signum() < 0) {
            return product(new Mul(List.of(Num.ONE, p), p.pos()));
        }
        if (p.exponent() instanceof Num k && k.value().equals(Rational.of(1, 2)) && p.isScalar()) {
            Piece b = render(p.base());
            return new Piece("\\sqrt{" + b.text + "}", ATOM, b.tall, false, false);
        }
        Piece b = render(p.base());
        Piece x = scripts().render(p.exponent());
        String exp = x.text.length() == 1 ? x.text : "{" + x.text + "}";
        // a fraction to a power needs its brackets: \frac{1}{p}^2 reads as 1/(p^2) or worse
        String head = b.text.startsWith("\\frac") || b.text.startsWith("\\tfrac") ? parens(b) : base(b, false);
        return new Piece(head + "^" + exp, ATOM, b.tall, true, false);
    }

    private Piece apply(Apply a) {
        List<Piece> args = a.args().stream().map(this::render).toList();
        String inner = args.stream().map(p -> p.text).collect(Collectors.joining(", "));
        boolean tall = args.stream().anyMatch(p -> p.tall);
        String open = tall ? "\\left(" : "(", close = tall ? "\\right)" : ")";
        if (a.fn() instanceof UserFunc u) {
            String n = names.name(u.name());
            String primes = u.derivative() <= 3 ? "'".repeat(u.derivative()) : "^{(" + u.derivative() + ")}";
            String head = LatexNames.isAtom(n) ? n : "(" + n + ")";
            return new Piece(head + primes + open + inner + close, ATOM, tall, false, false);
        }
        Builtin b = (Builtin) a.fn();
        if (b.entrywiseBinary()) {
            String op = b == Builtin.HADAMARD ? " \\odot " : " \\oslash ";
            return new Piece(args.get(0).at(POWER) + op + args.get(1).at(POWER), PRODUCT, tall, false, false);
        }
        String head = switch (b) {
            case LOG -> "\\log";
            case EXP -> "\\exp";
            case SIN -> "\\sin";
            case COS -> "\\cos";
            case TANH -> "\\tanh";
            case COSH -> "\\cosh";
            case SINH -> "\\sinh";
            case TAN -> "\\tan";
            case ATAN -> "\\arctan";
            case SOFTPLUS -> "\\operatorname{softplus}";
            case LOG1P -> "\\operatorname{log1p}";
            case ERF -> "\\operatorname{erf}";
            case NORMCDF -> "\\Phi";
            case NORMPDF -> "\\varphi";
            case LOGSUMEXP -> "\\operatorname{logsumexp}";
            case MAX -> "\\max";
            case MIN -> "\\min";
            case SIGN -> "\\operatorname{sign}";
            case SIGMOID -> sigmoidAsSigma ? "\\sigma" : "\\operatorname{sigmoid}";
            case LOGIT -> "\\operatorname{logit}";
            case RELU -> "\\operatorname{ReLU}";
            case SOFTMAX -> "\\operatorname{softmax}";
            case TRACE -> "\\operatorname{tr}";
            case SV -> "\\operatorname{sv}";
            case ARGMAX -> "\\operatorname{argmax}";
            case DIAG -> "\\operatorname{diag}";
            case HADAMARD, EDIVIDE -> null;
            case LOWRANK -> null;
            case SQRT -> null;
            case ABS -> null;
            case SUM -> null;
        };
        if (b == Builtin.SQRT) return new Piece("\\sqrt{" + inner + "}", ATOM, tall, false, false);
        if (b == Builtin.ABS) {
            return new Piece(tall ? "\\left|" + inner + "\\right|" : "|" + inner + "|", ATOM, tall, false, false);
        }
        if (b == Builtin.LOWRANK) {
            // [X]_r: the best rank-r approximation
            String x = args.get(0).text, r = scripts().render(a.args().get(1)).text;
            String br = tall ? "\\left[" + x + "\\right]" : "[" + x + "]";
            return new Piece(br + "_{" + r + "}", ATOM, tall, false, true);
        }
        if (b == Builtin.SUM) return new Piece("\\mathbf{1}^\\top " + args.get(0).at(POWER), PREFIX, tall, false, false);
        return new Piece(head + open + inner + close, ATOM, tall, false, false);
    }

    private Piece norm(Norm n) {
        Piece a = render(n.arg());
        String sub = switch (n.kind()) {
            case L2 -> "";
            case L1 -> "_1";
            case LINF -> "_\\infty";
            case FROBENIUS -> "_F";
        };
        String text = a.tall ? "\\left\\|" + a.text + "\\right\\|" : "\\|" + a.text + "\\|";
        return new Piece(text + sub, ATOM, a.tall, false, !sub.isEmpty());
    }

    private Piece index(Index i) {
        LatexPrinter s = scripts();
        String inside = i.indices().stream().map(x -> s.render(x).text).collect(Collectors.joining(","));
        String sub = inside.length() == 1 ? inside : "{" + inside + "}";
        // row k of the identity is the unit vector e_k, as sheets write it
        if (i.base() instanceof Identity && i.indices().size() == 1) return new Piece("e_" + sub, ATOM, false, false, true);
        Piece b = render(i.base());
        String head = i.base() instanceof Sym && b.level >= ATOM && !b.sub ? b.text
                : b.level >= ATOM && !b.sub && !b.sup ? b.text : parens(b);
        // x^{(i)}_j already carries a superscript: a power must not stack another one onto it
        boolean sup = head.equals(b.text) && (b.sup || topLevelSuperscript(b.text));
        return new Piece(head + "_" + sub, ATOM, b.tall, sup, true);
    }

    /** Does the text have a ^ outside any braces (a superscript at its own level)? */
    private static boolean topLevelSuperscript(String t) {
        int depth = 0;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == '^' && depth == 0) return true;
        }
        return false;
    }

    private Piece bigSum(Sum s) {
        LatexPrinter sc = scripts();
        Piece body = render(s.body());
        String text = "\\sum_{" + names.symbol(s.index()) + "=" + sc.print(s.lo()) + "}^{" + sc.print(s.hi()) + "} "
                + body.at(PRODUCT);
        return new Piece(text, PREFIX, true, false, false);
    }

    private Piece cases(Piecewise p) {
        StringBuilder b = new StringBuilder("\\begin{cases}");
        for (int k = 0; k < p.arms().size(); k++) {
            Piecewise.Arm a = p.arms().get(k);
            if (k > 0) b.append(" \\\\ ");
            b.append(print(a.value())).append(" & ");
            b.append(a.guard().isEmpty() ? "\\text{otherwise}" : "\\text{if } " + conjunction(a.guard()));
        }
        return new Piece(b.append("\\end{cases}").toString(), ATOM, true, false, false);
    }

    private static Piece bracket(String head, Piece arg) {
        String text = arg.tall ? head + "\\left[" + arg.text + "\\right]" : head + "[" + arg.text + "]";
        return new Piece(text, ATOM, arg.tall, false, false);
    }

    private Piece grad(Grad g) {
        if (g.f() instanceof Grad inner && inner.wrt().equals(g.wrt())) return hessian(inner.f(), g.wrt());
        Piece f = render(g.f());
        String wrt = scripts().print(g.wrt());
        if (g.wrt().isScalar() && !inline) {
            if (f.level >= ATOM && !f.tall) {
                return new Piece("\\frac{\\partial " + f.text + "}{\\partial " + wrt + "}", ATOM, true, false, false);
            }
            return new Piece("\\frac{\\partial}{\\partial " + wrt + "} " + f.at(ATOM), PREFIX, true, false, false);
        }
        String head = "\\nabla_{" + wrt + "}";
        return new Piece(head + " " + (f.level >= POWER ? f.text : parens(f)), PREFIX, f.tall, false, false);
    }

    /** grad(grad(f, w), w): \\frac{\\partial^2 f}{\\partial w^2} for a scalar w, else the Hessian \\nabla^2_{w} f. */
    private Piece hessian(Expr fn, Expr w) {
        Piece f = render(fn);
        String wrt = scripts().print(w);
        String sq = wrt.matches("[A-Za-z]|\\\\[A-Za-z]+") ? wrt + "^2" : "(" + wrt + ")^2";
        if (w.isScalar() && !inline) {
            if (f.level >= ATOM && !f.tall) {
                return new Piece("\\frac{\\partial^2 " + f.text + "}{\\partial " + sq + "}", ATOM, true, false, false);
            }
            return new Piece("\\frac{\\partial^2}{\\partial " + sq + "} " + f.at(ATOM), PREFIX, true, false, false);
        }
        String head = "\\nabla^2_{" + wrt + "}";
        return new Piece(head + " " + (f.level >= POWER ? f.text : parens(f)), PREFIX, f.tall, false, false);
    }
}
