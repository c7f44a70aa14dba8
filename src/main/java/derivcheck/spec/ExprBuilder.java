package derivcheck.spec;

import derivcheck.expr.Add;
import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Dim;
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
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.ShapeException;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import derivcheck.expr.Apply;
import derivcheck.grammar.SpecBaseVisitor;
import derivcheck.grammar.SpecParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Builds a resolved, shape-checked {@link Expr} from a parse tree of the spec grammar. */
final class ExprBuilder extends SpecBaseVisitor<Expr> {
    /** Stands for `I` until the sum or product it sits in tells its size. */
    private static final Dim UNSIZED = Dim.of("#I");
    private static final Sym IDENTITY_PLACEHOLDER =
            new Sym("I", new Shape.Matrix(UNSIZED, UNSIZED), SymKind.GIVEN, Pos.NONE);

    private final Scope scope;
    private final String file;

    ExprBuilder(Scope scope, String file) {
        this.scope = scope;
        this.file = file;
    }

    // ---- entry points -------------------------------------------------------------------

    /** A complete expression: every `I` must have a size by now. */
    Expr build(SpecParser.ExprContext ctx) {
        Expr e = visit(ctx);
        if (Exprs.contains(e, IDENTITY_PLACEHOLDER)) throw error(ctx, unsizedMessage(e));
        return e;
    }

    /** A condition chain {@code a < b <= c} as the relations a<b and b<=c. */
    List<Relation> conditions(SpecParser.ConditionContext ctx) {
        List<Relation> out = new ArrayList<>();
        List<SpecParser.ExprContext> es = ctx.expr();
        List<Expr> sides = new ArrayList<>();
        for (SpecParser.ExprContext e : es) sides.add(visit(e));
        // an unsized I (or a unit vector I_k, the answers' e_k) takes its size from the other side
        for (int k = 0; k < sides.size(); k++) {
            if (!isPlaceholder(sides.get(k))) continue;
            for (int o = 0; o < sides.size() && isPlaceholder(sides.get(k)); o++) {
                Expr other = sides.get(o);
                if (o == k || isPlaceholder(other) || other.isScalar()) continue;
                Dim d = other.shape().rows().equals(Dim.ONE) ? other.shape().cols() : other.shape().rows();
                Expr sized = Exprs.substitute(sides.get(k), IDENTITY_PLACEHOLDER, new Identity(d, Pos.NONE));
                if (sized.shape().equals(other.shape())) sides.set(k, sized);
            }
            if (isPlaceholder(sides.get(k))) {
                throw error(es.get(k), unsizedMessage(sides.get(k)));
            }
        }
        Expr left = sides.get(0);
        for (int k = 1; k < es.size(); k++) {
            Expr right = sides.get(k);
            SpecParser.RelOpContext op = ctx.relOp(k - 1);
            Expr l = left;
            out.add(shaped(op, () -> new Relation(RelOp.parse(op.getText()), l, right, pos(op))));
            left = right;
        }
        return out;
    }

    /** A size such as {@code N-2}: dimension names and integers under + and integer *. */
    Dim dim(SpecParser.ExprContext ctx) {
        return toDim(build(ctx), ctx);
    }

    Pos pos(ParserRuleContext ctx) { return pos(ctx.getStart()); }

    Pos pos(Token t) { return new Pos(file, t.getLine(), t.getCharPositionInLine() + 1); }

    static int length(ParserRuleContext ctx) {
        Token a = ctx.getStart();
        Token b = ctx.getStop();
        if (b == null || b.getLine() != a.getLine()) return Math.max(1, a.getText().length());
        return Math.max(1, b.getStopIndex() - a.getStartIndex() + 1);
    }

    SpecException error(ParserRuleContext ctx, String message) {
        return new SpecException(pos(ctx), message, length(ctx));
    }

    // ---- the precedence ladder ------------------------------------------------------------

    @Override public Expr visitTranspose(SpecParser.TransposeContext ctx) {
        Expr arg = visit(ctx.expr());
        return shaped(ctx, () -> new Transpose(arg, pos(ctx)));
    }

    @Override public Expr visitSubscripted(SpecParser.SubscriptedContext ctx) {
        SpecParser.SubscriptContext sub = ctx.subscript();
        if (ctx.expr() instanceof SpecParser.AtomExprContext a && a.atom() instanceof SpecParser.NormContext n) {
            Optional<Expr> weight = weighting(sub);
            if (weight.isPresent()) return weighted(build(n.expr()), weight.get(), ctx);
            return norm(n, sub.getText(), ctx);
        }
        Expr base = ctx.expr() instanceof SpecParser.AtomExprContext a && a.atom() instanceof SpecParser.NameContext nm
                && unitVectorLetter(nm.getText()) ? IDENTITY_PLACEHOLDER : visit(ctx.expr());
        List<Expr> indices = new ArrayList<>();
        if (sub.NUMBER() != null) indices.add(number(sub.NUMBER().getText(), sub));
        else if (sub.ID() != null) indices.add(resolveName(sub.ID().getSymbol()));
        else for (SpecParser.ExprContext e : sub.expr()) indices.add(build(e));
        if (base.isScalar()) throw error(ctx, "cannot index a scalar");
        return shaped(ctx, () -> new Index(base, indices, pos(ctx)));
    }

    private Expr norm(SpecParser.NormContext n, String subscript, ParserRuleContext whole) {
        Expr arg = build(n.expr());
        NormKind kind = switch (subscript) {
            case "2" -> NormKind.L2;
            case "1" -> NormKind.L1;
            case "inf", "infty", "oo" -> NormKind.LINF;
            case "F", "fro" -> NormKind.FROBENIUS;
            default -> throw error(whole, "unknown norm ||.||_" + subscript + "; use _1, _2, _inf or _F");
        };
        if (arg.isScalar()) throw error(whole, "the norm of a scalar is its absolute value: write |x|");
        if (kind == NormKind.L2 && arg.shape().isMatrix() && !isRow(arg)) kind = NormKind.FROBENIUS;
        NormKind k = kind;
        return shaped(whole, () -> new Norm(arg, k, pos(whole)));
    }

    /**
     * The subscript of a norm as a weighting matrix: ||v||_D, ||v||_{inv(D)} where the subscript is a
     * declared name or an expression that is a matrix (not 1, 2, inf, F).
     */
    private Optional<Expr> weighting(SpecParser.SubscriptContext sub) {
        if (sub.ID() != null) {
            String name = sub.ID().getText();
            Optional<Sym> s = scope.symbol(name);
            if (s.isPresent() && s.get().shape().isMatrix()) return Optional.of(s.get());
            return Optional.empty();
        }
        if (sub.expr().size() == 1 && !sub.expr(0).getText().matches("2|1|inf|infty|oo|F|fro")) {
            Expr w = build(sub.expr(0));
            if (w.shape().isMatrix()) return Optional.of(w);
        }
        return Optional.empty();
    }

    /**
     * The D-weighted norm ||v||_D = sqrt(v'*D*v) (docs/spec-language.md, "Weighted norms"): a norm only
     * where D is positive definite, so D must be declared so (or be inv of such a matrix).
     */
    private Expr weighted(Expr v, Expr weight, ParserRuleContext whole) {
        return new Apply(Builtin.SQRT, List.of(quadraticForm(v, weight, whole)), pos(whole));
    }

    /** v'*D*v, the square of ||v||_D, after checking that D is a known positive definite weighting of v. */
    private Expr quadraticForm(Expr v, Expr weight, ParserRuleContext whole) {
        String shown = derivcheck.expr.TextPrinter.print(weight);
        if (!v.shape().isVector()) {
            throw error(whole, "a weighted norm ||v||_" + shown + " is of a vector, not a " + describe(v.shape()));
        }
        if (!positiveDefinite(weight)) {
            throw error(whole, "||v||_" + shown + " weights the norm by " + shown + ", which is not known to be positive definite"
                    + " (sqrt(v'*" + shown + "*v) is a norm only then); declare it, e.g. `given " + shown
                    + " : matrix[n, n] diagonal positive definite`");
        }
        Dim n = ((Shape.Vector) v.shape()).n();
        if (!weight.shape().equals(new Shape.Matrix(n, n))) {
            throw error(whole, "the weighting " + shown + " of ||v||_" + shown + " is a " + describe(weight.shape())
                    + ", but v is a " + describe(v.shape()));
        }
        return shaped(whole, () -> Exprs.mul(List.of(new Transpose(v, pos(whole)), weight, v), pos(whole)));
    }

    /** A declared positive definite matrix, or the inverse of one. */
    private boolean positiveDefinite(Expr w) {
        if (w instanceof Sym s) return scope.isPositiveDefinite(s.name());
        if (w instanceof Inverse i) return positiveDefinite(i.arg());
        return false;
    }

    /** ||v||_D^2 or norm(v, D)^2 written with a weighting: the quadratic form itself, v'*D*v. */
    private Optional<Expr> weightedSquare(SpecParser.ExprContext base, SpecParser.ExprContext exponent) {
        if (!exponent.getText().equals("2")) return Optional.empty();
        if (base instanceof SpecParser.SubscriptedContext sc && sc.expr() instanceof SpecParser.AtomExprContext a
                && a.atom() instanceof SpecParser.NormContext n) {
            Optional<Expr> weight = weighting(sc.subscript());
            if (weight.isPresent()) return Optional.of(quadraticForm(build(n.expr()), weight.get(), base));
        }
        if (base instanceof SpecParser.AtomExprContext a && a.atom() instanceof SpecParser.CallContext c
                && c.ID().getText().equals("norm") && c.expr().size() == 2 && scope.function("norm").isEmpty()) {
            Expr w = build(c.expr(1));
            if (w.shape().isMatrix()) return Optional.of(quadraticForm(build(c.expr(0)), w, base));
        }
        return Optional.empty();
    }

    private static boolean isRow(Expr e) {
        return e.shape() instanceof Shape.Matrix m && m.rows().equals(Dim.ONE);
    }

    @Override public Expr visitPower(SpecParser.PowerContext ctx) {
        Optional<Expr> square = weightedSquare(ctx.expr(0), ctx.expr(1));
        if (square.isPresent()) return square.get();
        Expr base = visit(ctx.expr(0));
        SpecParser.ExprContext expCtx = ctx.expr(1);
        // x^T means the transpose when T is not a declared name.
        if (!base.isScalar() && expCtx.getText().equals("T") && !scope.isDeclared("T")) {
            return shaped(ctx, () -> new Transpose(base, pos(ctx)));
        }
        Expr exponent = visit(expCtx);
        if (base.shape().isVector()) {
            throw error(ctx, "cannot raise a vector to a power; write ||x||^2 for the squared norm or x_i^2 for an entry");
        }
        return shaped(ctx, () -> new Pow(base, exponent, pos(ctx)));
    }

    @Override public Expr visitUnary(SpecParser.UnaryContext ctx) {
        Expr arg = visit(ctx.expr());
        if (ctx.op.getText().equals("+")) return arg;
        if (arg instanceof Num n) return new Num(n.value().negate(), pos(ctx));
        return shaped(ctx, () -> Exprs.mul(List.of(Num.MINUS_ONE, arg), pos(ctx)));
    }

    @Override public Expr visitMulDiv(SpecParser.MulDivContext ctx) {
        Expr left = visit(ctx.expr(0));
        Expr right = visit(ctx.expr(1));
        if (ctx.op.getText().equals("/")) {
            if (!right.isScalar()) {
                throw error(ctx.expr(1), "cannot divide by a " + describe(right.shape())
                        + (right.shape().isMatrix() ? "; multiply by inv(A) instead" : ""));
            }
            Expr inverse = right instanceof Num n && !n.value().isZero()
                    ? new Num(n.value().inverse(), n.pos()) : new Pow(right, Num.MINUS_ONE, pos(ctx.expr(1)));
            return sized(ctx, List.of(left, inverse), parts -> Exprs.mul(parts, pos(ctx)));
        }
        return sized(ctx, List.of(left, right), parts -> Exprs.mul(parts, pos(ctx)));
    }

    @Override public Expr visitEntrywise(SpecParser.EntrywiseContext ctx) {
        Expr left = visit(ctx.expr(0));
        Expr right = visit(ctx.expr(1));
        Builtin b = ctx.op.getText().equals(".*") ? Builtin.HADAMARD : Builtin.EDIVIDE;
        if (left.shape().isMatrix() && right.shape().isMatrix() && !left.shape().equals(right.shape())) {
            throw error(ctx, "the entrywise " + ctx.op.getText() + " needs two of one shape, not a "
                    + describe(left.shape()) + " and a " + describe(right.shape()));
        }
        return shaped(ctx, () -> new Apply(b, List.of(left, right), pos(ctx)));
    }

    @Override public Expr visitAddSub(SpecParser.AddSubContext ctx) {
        Expr left = visit(ctx.expr(0));
        Expr right = visit(ctx.expr(1));
        Expr r = ctx.op.getText().equals("-") ? negate(right, ctx) : right;
        return sized(ctx, List.of(left, r), parts -> Exprs.add(parts, pos(ctx)));
    }

    private Expr negate(Expr e, ParserRuleContext ctx) {
        if (e instanceof Num n) return new Num(n.value().negate(), n.pos());
        // as for unary minus: a - 2*b is a + (-2)*b, not a + (-1)*(2*b)
        return shaped(ctx, () -> Exprs.mul(List.of(Num.MINUS_ONE, e), e.pos()));
    }

    @Override public Expr visitAtomExpr(SpecParser.AtomExprContext ctx) { return visit(ctx.atom()); }

    // ---- atoms ------------------------------------------------------------------------------

    @Override public Expr visitNumber(SpecParser.NumberContext ctx) { return number(ctx.getText(), ctx); }

    private Expr number(String text, ParserRuleContext ctx) {
        return new Num(Rational.parse(text), pos(ctx));
    }

    @Override public Expr visitDerivativeCall(SpecParser.DerivativeCallContext ctx) {
        String name = ctx.ID().getText();
        UserFunc f = scope.function(name).orElseThrow(() -> error(ctx,
                "'" + name + "' is not a declared function; declare it with 'given " + name + " : function'"));
        Expr arg = build(ctx.expr());
        return shaped(ctx, () -> new Apply(f.differentiated(), List.of(arg), pos(ctx)));
    }

    @Override public Expr visitCall(SpecParser.CallContext ctx) {
        String name = ctx.ID().getText();
        List<SpecParser.ExprContext> argCtx = ctx.expr();
        switch (name) {
            case "grad": return grad(ctx, argCtx);
            case "inv": return unary(ctx, argCtx, a -> new Inverse(a, pos(ctx)));
            case "transpose": return unary(ctx, argCtx, a -> new Transpose(a, pos(ctx)));
            case "eye": {
                if (argCtx.size() != 1) throw error(ctx, "eye(n) takes one size");
                Dim n = dim(argCtx.get(0));
                return new Identity(n, pos(ctx));
            }
            case "ones": {
                if (argCtx.size() != 1) throw error(ctx, "ones(n) takes one size");
                return new derivcheck.expr.Ones(dim(argCtx.get(0)), pos(ctx));
            }
            case "E": case "Var":
                throw error(ctx, "write " + name + "[...] with square brackets");
            default: break;
        }
        Optional<UserFunc> user = scope.function(name);
        if (name.equals("norm") && user.isEmpty()) {
            if (argCtx.size() != 2) throw error(ctx, "norm(v, D) takes a vector and a positive definite weighting matrix; write ||v|| for the Euclidean norm");
            Expr w = build(argCtx.get(1));
            if (!w.shape().isMatrix()) throw error(ctx.expr(1), "the weighting of norm(v, D) is a positive definite matrix, not a " + describe(w.shape()));
            return weighted(build(argCtx.get(0)), w, ctx);
        }
        if (user.isPresent()) {
            if (argCtx.size() != 1) throw error(ctx, name + " takes one argument");
            Expr arg = build(argCtx.get(0));
            return shaped(ctx, () -> new Apply(user.get(), List.of(arg), pos(ctx)));
        }
        Optional<Builtin> b = Builtin.bySpelling(name);
        if (b.isEmpty()) {
            String known = java.util.Arrays.stream(Builtin.values()).map(Builtin::spelling)
                    .collect(java.util.stream.Collectors.joining(" "));
            throw error(ctx, "unknown function '" + name + "'; known: " + known + " inv eye ones transpose grad norm, and functions"
                    + " declared with 'given f : function'");
        }
        List<Expr> args = new ArrayList<>();
        // diag(v) is as long as v: an unsized unit vector in v is sized by what the diag sits in (diag(sum(k = 1..n,
        // c_k*e_k)) + eye(n), or the other side of a relation), as results print it
        for (SpecParser.ExprContext a : argCtx) args.add(b.get() == Builtin.DIAG ? visit(a) : build(a));
        return shaped(ctx, () -> new Apply(b.get(), args, pos(ctx)));
    }

    private Expr unary(ParserRuleContext ctx, List<SpecParser.ExprContext> args,
                       java.util.function.Function<Expr, Expr> make) {
        if (args.size() != 1) throw error(ctx, "takes one argument, not " + args.size());
        Expr a = build(args.get(0));
        return shaped(ctx, () -> make.apply(a));
    }

    /** grad(L, x): an undeclared first argument names an abstract loss. */
    private Expr grad(ParserRuleContext ctx, List<SpecParser.ExprContext> args) {
        if (args.size() != 2) throw error(ctx, "grad takes a scalar function and a variable: grad(L, x)");
        String fName = args.get(0).getText();
        Expr f;
        if (fName.matches("[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*") && scope.symbol(fName).isEmpty()
                && scope.function(fName).isEmpty() && !splitsIntoEntry(fName)) {
            Sym loss = new Sym(fName, Shape.SCALAR, SymKind.LOSS, pos(args.get(0)));
            scope.declare(loss, loss.pos(), fName.length());
            f = loss;
        } else {
            f = build(args.get(0));
        }
        Expr wrt = build(args.get(1));
        Expr fn = f;
        return shaped(ctx, () -> new Grad(fn, wrt, pos(ctx)));
    }

    /**
     * Whether {@code name} reads as an entry {@code NAME_SUFFIX} of a declared (or let-defined) vector or matrix,
     * as {@link #resolveName} would split it: then {@code grad(a_j, q)} is the gradient of that entry, not an
     * abstract loss named "a_j".
     */
    private boolean splitsIntoEntry(String name) {
        for (int k = name.lastIndexOf('_'); k > 0; k = name.lastIndexOf('_', k - 1)) {
            String base = name.substring(0, k);
            ensureDefined(base, Pos.NONE, base.length());
            Optional<Sym> b = scope.symbol(base);
            if (b.isPresent() && !b.get().isScalar()) return true;
        }
        return false;
    }

    @Override public Expr visitBracket(SpecParser.BracketContext ctx) {
        String name = ctx.ID().getText();
        List<Expr> args = new ArrayList<>();
        for (SpecParser.ExprContext a : ctx.expr()) args.add(build(a));
        if (name.equals("E") || name.equals("Var")) {
            if (args.size() != 1) throw error(ctx, name + "[...] takes one expression");
            return name.equals("E") ? new Expectation(args.get(0), pos(ctx)) : new Variance(args.get(0), pos(ctx));
        }
        if (scope.symbol(name).isEmpty() && (scope.function(name).isPresent() || Builtin.bySpelling(name).isPresent())) {
            // Mathematica's f[x] is not application here: brackets index a vector or matrix
            String inside = ctx.expr().stream().map(ParserRuleContext::getText).collect(java.util.stream.Collectors.joining(", "));
            throw error(ctx, "'" + name + "' is a function, and square brackets do not apply a function (they index a vector"
                    + " or matrix): write " + name + "(" + inside + ")");
        }
        Expr base = resolveName(ctx.ID().getSymbol());
        if (base.isScalar()) throw error(ctx, "cannot index the scalar '" + name + "'");
        return shaped(ctx, () -> new Index(base, args, pos(ctx)));
    }

    @Override public Expr visitName(SpecParser.NameContext ctx) { return resolveName(ctx.ID().getSymbol()); }

    @Override public Expr visitParens(SpecParser.ParensContext ctx) { return visit(ctx.expr()); }

    @Override public Expr visitInner(SpecParser.InnerContext ctx) {
        Expr a = visit(ctx.expr(0));
        Expr b = visit(ctx.expr(1));
        return sized(ctx, List.of(a, b), parts -> new Inner(parts.get(0), parts.get(1), pos(ctx)));
    }

    @Override public Expr visitNorm(SpecParser.NormContext ctx) { return norm(ctx, "2", ctx); }

    @Override public Expr visitAbs(SpecParser.AbsContext ctx) {
        Expr a = build(ctx.expr());
        if (!a.isScalar()) throw error(ctx, "|x| of a " + describe(a.shape()) + ": write abs(x) for entrywise, ||x|| for the norm");
        return shaped(ctx, () -> new Apply(Builtin.ABS, List.of(a), pos(ctx)));
    }

    @Override public Expr visitIndexSum(SpecParser.IndexSumContext ctx) {
        Expr lo = build(ctx.expr(0));
        Expr hi = build(ctx.expr(1));
        Sym index = boundIndex(ctx.ID().getSymbol());
        scope.pushIndex(index);
        try {
            Expr body = visit(ctx.expr(2)); // an unsized I in it is sized by what the sum sits in
            return shaped(ctx, () -> new Sum(index, lo, hi, body, pos(ctx)));
        } finally {
            scope.popIndex();
        }
    }

    /** A fresh index variable; it may not hide a declared name. */
    Sym boundIndex(Token name) {
        String n = name.getText();
        Optional<Sym> existing = scope.symbol(n);
        if (existing.isPresent() && existing.get().kind() != SymKind.INDEX) {
            throw new SpecException(pos(name), "index '" + n + "' hides the declared name '" + n + "'", n.length());
        }
        return new Sym(n, Shape.SCALAR, SymKind.INDEX, pos(name));
    }

    @Override public Expr visitEntrySum(SpecParser.EntrySumContext ctx) {
        Expr a = build(ctx.expr());
        return shaped(ctx, () -> new Apply(Builtin.SUM, List.of(a), pos(ctx)));
    }

    @Override public Expr visitCases(SpecParser.CasesContext ctx) {
        List<Piecewise.Arm> arms = new ArrayList<>();
        List<SpecParser.CaseArmContext> armCtx = ctx.caseArm();
        for (int k = 0; k < armCtx.size(); k++) {
            SpecParser.CaseArmContext a = armCtx.get(k);
            if (a instanceof SpecParser.GuardedArmContext g) {
                arms.add(new Piecewise.Arm(build(g.expr()), conditions(g.condition())));
            } else {
                if (k != armCtx.size() - 1) throw error(a, "'otherwise' must be the last case");
                arms.add(new Piecewise.Arm(build(((SpecParser.OtherwiseArmContext) a).expr()), List.of()));
            }
        }
        return shaped(ctx, () -> new Piecewise(arms, pos(ctx)));
    }

    @Override public Expr visitIverson(SpecParser.IversonContext ctx) {
        List<Relation> c = conditions(ctx.condition());
        return shaped(ctx, () -> new Iverson(c, pos(ctx)));
    }

    // ---- names ---------------------------------------------------------------------------

    /**
     * A name: a declared symbol or bound index; `pi`; `I`; `min`/`max` (the optimal value);
     * or an entry `x_i` of a declared vector x at a bound index or integer i.
     */
    Expr resolveName(Token token) {
        String name = token.getText();
        Pos pos = pos(token);
        ensureDefined(name, pos, name.length());
        Optional<Sym> s = scope.symbol(name);
        if (s.isPresent()) return new Sym(name, s.get().shape(), s.get().kind(), pos);
        switch (name) {
            case "pi": return new Const("pi", pos);
            case "I": return IDENTITY_PLACEHOLDER;
            case "min": case "max":
                if (scope.hasObjective) return new Sym(name, Shape.SCALAR, SymKind.OPTIMUM, pos);
                break;
            default: break;
        }
        for (int k = name.lastIndexOf('_'); k > 0; k = name.lastIndexOf('_', k - 1)) {
            if (!scope.isIndex(name.substring(0, k))) ensureDefined(name.substring(0, k), pos, name.length());
            Optional<Sym> base = scope.symbol(name.substring(0, k));
            String sub = name.substring(k + 1);
            boolean unit = base.isEmpty() && unitVectorLetter(name.substring(0, k));
            if (unit || base.isPresent() && !base.get().isScalar()) {
                Expr index;
                if (sub.matches("[0-9]+")) {
                    index = new Num(Rational.parse(sub), pos);
                } else {
                    Optional<Sym> i = scope.symbol(sub);
                    if (i.isEmpty() || !(i.get().kind() == SymKind.INDEX || i.get().kind() == SymKind.DIM)) {
                        throw new SpecException(pos, "'" + sub + "' in '" + name + "' is not a bound index; bind it with "
                                + "'for " + sub + " in 1..n' (or 'for all " + sub + "' in a constraint)", name.length());
                    }
                    index = new Sym(sub, Shape.SCALAR, i.get().kind(), pos);
                }
                Expr baseExpr = unit ? IDENTITY_PLACEHOLDER : new Sym(base.get().name(), base.get().shape(), base.get().kind(), pos);
                Expr idx = index;
                try {
                    return new Index(baseExpr, List.of(idx), pos);
                } catch (ShapeException e) {
                    throw new SpecException(pos, e.getMessage(), name.length());
                }
            }
        }
        if (scope.function(name).isPresent() || Builtin.bySpelling(name).isPresent()) {
            throw new SpecException(pos, "'" + name + "' is a function, not a value: apply it to an argument, " + name + "(...)",
                    name.length());
        }
        if (scope.isDeclared(name)) {
            throw new SpecException(pos, "'" + name + "' is declared, but not as a value this expression can use", name.length());
        }
        throw new SpecException(pos, "unknown name '" + name + "'" + suggestion(name), name.length());
    }

    /** Builds a pending definition before its first use; a definition may not use itself. */
    private void ensureDefined(String name, Pos pos, int length) {
        if (scope.isIndex(name)) return;
        if (scope.isBeingDefined(name)) {
            throw new SpecException(pos, "'" + name + "' is used in its own definition", length);
        }
        scope.define(name);
    }

    private String suggestion(String name) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : scope.names()) {
            if (candidate.equals(name)) continue; // a hint must never be the name given: that helps no one
            int d = editDistance(name, candidate);
            // 'q' is not a misspelling of 'x': an edit must leave most of the name in place
            if (d < bestDistance && d < Math.min(name.length(), candidate.length())) { best = candidate; bestDistance = d; }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    // ---- shapes ---------------------------------------------------------------------------

    private <T> T shaped(ParserRuleContext ctx, Supplier<T> make) {
        try {
            return make.get();
        } catch (ShapeException e) {
            throw error(ctx, e.getMessage());
        }
    }

    /**
     * Builds a sum or product; when it fails only because an unsized `I` sits in it, tries
     * the sizes its neighbours suggest (I + X'X is n-by-n when X'X is).
     */
    private Expr sized(ParserRuleContext ctx, List<Expr> parts,
                       java.util.function.Function<List<Expr>, Expr> make) {
        try {
            return make.apply(parts);
        } catch (ShapeException e) {
            boolean placeholder = parts.stream().anyMatch(p -> Exprs.contains(p, IDENTITY_PLACEHOLDER));
            if (placeholder) {
                for (Expr p : parts) {
                    if (Exprs.contains(p, IDENTITY_PLACEHOLDER)) continue;
                    for (Dim d : List.of(p.shape().rows(), p.shape().cols())) {
                        if (d.equals(Dim.ONE) && !p.isScalar()) continue;
                        List<Expr> tried = new ArrayList<>();
                        for (Expr q : parts) tried.add(Exprs.substitute(q, IDENTITY_PLACEHOLDER, new Identity(d, Pos.NONE)));
                        try {
                            return make.apply(tried);
                        } catch (ShapeException ignored) {
                            // try the next size
                        }
                    }
                }
            }
            throw error(ctx, e.getMessage());
        }
    }

    Dim toDim(Expr e, ParserRuleContext ctx) {
        if (e instanceof Sym s && s.kind() == SymKind.DIM) return Dim.of(s.name());
        if (e instanceof Num n && n.value().isInteger()) return Dim.of(n.value().num().intValueExact());
        if (e instanceof Add a) {
            Dim d = Dim.of(0);
            for (Expr t : a.terms()) d = d.plus(toDim(t, ctx));
            return d;
        }
        if (e instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Num n && n.value().isInteger()) {
            return toDim(m.factors().get(1), ctx).times(n.value().num().intValueExact());
        }
        throw error(ctx, "a size must be made of dimension names and integers (like n or N-2), not '" + ctx.getText() + "'");
    }

    static String describe(Shape s) {
        if (s instanceof Shape.Vector v) return "vector in R^" + v.n();
        if (s instanceof Shape.Matrix m) return "matrix in R^(" + m.rows() + "x" + m.cols() + ")";
        return "scalar";
    }

    static boolean isPlaceholder(Expr e) { return Exprs.contains(e, IDENTITY_PLACEHOLDER); }

    /** Why an expression with an unsized I (or unit vector e_k, one row of it) cannot be built. */
    private static String unsizedMessage(Expr e) {
        if (bareIdentity(e)) return "cannot tell the size of I here; write eye(n)";
        String k = unitVectorIndex(e).map(derivcheck.expr.TextPrinter::print).orElse("k");
        String unit = k.matches("[A-Za-z][A-Za-z0-9]*|[1-9][0-9]*") ? "e_" + k : "e_{" + k + "}";
        return "cannot tell the length of the unit vector " + unit + " here (no vector beside it fixes it); write eye(n)_{" + k + "}";
    }

    /** The index of the first unsized unit vector in {@code e}, as written. */
    private static Optional<Expr> unitVectorIndex(Expr e) {
        if (e instanceof Index i && i.base().equals(IDENTITY_PLACEHOLDER) && i.indices().size() == 1) return Optional.of(i.indices().get(0));
        for (Expr c : e.children()) {
            Optional<Expr> k = unitVectorIndex(c);
            if (k.isPresent()) return k;
        }
        return Optional.empty();
    }

    private static boolean bareIdentity(Expr e) {
        if (e instanceof Index i && i.base().equals(IDENTITY_PLACEHOLDER)) return false;
        if (e.equals(IDENTITY_PLACEHOLDER)) return true;
        for (Expr c : e.children()) if (bareIdentity(c)) return true;
        return false;
    }

    /**
     * {@code e} is the standard basis when the spec declares no {@code e}: {@code e_k} is the k-th unit vector,
     * row k of the identity, whose length the vectors beside it fix (like {@code I}).
     */
    private boolean unitVectorLetter(String name) {
        return name.equals("e") && scope.symbol("e").isEmpty() && !scope.isDeclared("e") && scope.function("e").isEmpty();
    }
}
