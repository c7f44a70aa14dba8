package derivcheck.spec;

import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.grammar.SpecParser;
import derivcheck.model.Claim;
import derivcheck.model.Constraint;
import derivcheck.model.DimDecl;
import derivcheck.model.Distribution;
import derivcheck.model.Domain;
import derivcheck.model.FunctionDecl;
import derivcheck.model.IndexRange;
import derivcheck.model.LetDef;
import derivcheck.model.MatrixFact;
import derivcheck.model.MatrixProperty;
import derivcheck.model.Mistake;
import derivcheck.model.Objective;
import derivcheck.model.Points;
import derivcheck.model.Problem;
import derivcheck.model.RandomDecl;
import derivcheck.model.SolveFor;
import derivcheck.model.SuchThat;
import derivcheck.model.SymbolDecl;
import derivcheck.source.Diagnostic;
import derivcheck.expr.Pos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Turns a parse tree into a {@link Problem}. Declarations are read first (so items may use
 * names declared further down), then definitions in order, then everything else. An error in
 * one item is recorded and the builder goes on with the next, so one run reports them all.
 */
final class ProblemBuilder {
    private final String file;
    private final Scope scope = new Scope();
    private final ExprBuilder exprs;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private String title = "";
    private String source = "";
    private Optional<String> statement = Optional.empty();
    private final List<DimDecl> dims = new ArrayList<>();
    private final Map<String, SymbolDecl> givens = new LinkedHashMap<>();
    private final List<SymbolDecl> unknowns = new ArrayList<>();
    private final List<FunctionDecl> functions = new ArrayList<>();
    private final List<RandomDecl> randoms = new ArrayList<>();
    private final List<Relation> assumptions = new ArrayList<>();
    private final List<LetDef> lets = new ArrayList<>();
    private Optional<Objective> objective = Optional.empty();
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<Expr> targets = new ArrayList<>();
    private final List<SuchThat> conditions = new ArrayList<>();
    private final List<SolveFor> solves = new ArrayList<>();
    private final List<Claim> shows = new ArrayList<>();
    private final List<Claim> expects = new ArrayList<>();
    private final List<Mistake> mistakes = new ArrayList<>();
    private final List<MatrixFact> matrixFacts = new ArrayList<>();
    private final List<Points> points = new ArrayList<>();
    /** The let and defined-given items whose names were declared, with those names. */
    private final Map<SpecParser.ItemContext, String> definitions = new LinkedHashMap<>();

    ProblemBuilder(String file) {
        this.file = file;
        this.exprs = new ExprBuilder(scope, file);
    }

    List<Diagnostic> diagnostics() { return diagnostics; }

    Optional<Problem> build(SpecParser.SpecContext spec) {
        SpecParser.ProblemContext p = spec.problem();
        for (SpecParser.HeaderContext h : p.header()) header(h);
        List<SpecParser.ItemContext> items = p.item();
        scope.hasObjective = items.stream().anyMatch(i -> i instanceof SpecParser.ObjectiveItemContext);
        // the dimensions first: a shape may name one declared further down (every name is known everywhere in a file)
        for (SpecParser.ItemContext i : items) if (i instanceof SpecParser.DimItemContext) guarded(() -> declare(i));
        for (SpecParser.ItemContext i : items) if (!(i instanceof SpecParser.DimItemContext)) guarded(() -> declare(i));
        // Definitions are built when first used (a where clause or another definition may use
        // one written further down), the rest in file order.
        for (var d : definitions.entrySet()) scope.defer(d.getValue(), () -> define(d.getKey()));
        for (SpecParser.ItemContext i : items) guarded(() -> qualify(i));
        for (var d : definitions.entrySet()) guarded(() -> scope.define(d.getValue()));
        for (SpecParser.ItemContext i : items) guarded(() -> state(i));
        if (!diagnostics.isEmpty()) return Optional.empty();
        return Optional.of(new Problem(p.name.getText(), title, source, statement, file, exprs.pos(p),
                dims, List.copyOf(givens.values()), unknowns, functions, randoms, assumptions, lets, objective,
                constraints, targets, conditions, solves, shows, expects, mistakes, matrixFacts, points));
    }

    /**
     * After {@link #build}: one more `expect` item read against the built problem's names (a
     * checked answer), without reading the spec again and without keeping anything the claim
     * declares. Errors go to {@code out}.
     */
    Optional<Claim> extraExpect(SpecParser.ExpectItemContext item, List<Diagnostic> out) {
        int before = diagnostics.size();
        int count = expects.size();
        // Each claim is read in a fresh copy of the spec's scope: names it declares (the loss L of
        // grad(L, x)) are forgotten afterwards, so one answer never changes how the next is read.
        Scope.Mark mark = scope.mark();
        try {
            guarded(() -> state(item));
        } finally {
            scope.restore(mark);
        }
        if (diagnostics.size() > before) {
            out.addAll(diagnostics.subList(before, diagnostics.size()));
            diagnostics.subList(before, diagnostics.size()).clear();
            return Optional.empty();
        }
        if (expects.size() == count) return Optional.empty();
        return Optional.of(expects.remove(expects.size() - 1));
    }

    /** The grading points of a find item's target, when it has a points clause. */
    private void points(SpecParser.PointsClauseContext p, Expr target) {
        if (p == null) return;
        double v = Double.parseDouble(p.NUMBER().getText());
        if (!(v >= 0) || Double.isInfinite(v)) throw exprs.error(p, "points must be a number >= 0");
        points.add(new Points(target, v, exprs.pos(p)));
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (SpecException e) {
            diagnostics.add(e.diagnostic());
        }
    }

    private void header(SpecParser.HeaderContext h) {
        if (h instanceof SpecParser.TitleContext t) title = unquote(t.STRING().getSymbol());
        else if (h instanceof SpecParser.SourceContext s) source = unquote(s.STRING().getSymbol());
        else if (h instanceof SpecParser.StatementContext s) statement = Optional.of(unquote(s.STRING().getSymbol()));
    }

    // ---- pass 1: names and shapes ---------------------------------------------------------

    private void declare(SpecParser.ItemContext item) {
        if (item instanceof SpecParser.DimItemContext d) {
            for (SpecParser.DimDeclContext dd : d.dimDecl()) {
                Token t = dd.ID().getSymbol();
                scope.declare(new Sym(t.getText(), Shape.SCALAR, SymKind.DIM, exprs.pos(t)), exprs.pos(t), t.getText().length());
            }
        } else if (item instanceof SpecParser.GivenItemContext g) {
            Shape shape = shape(g.shape());
            List<String> latex = latexNames(g.latexNames(), g.names());
            for (int k = 0; k < g.names().ID().size(); k++) {
                Sym s = declareName(g.names().ID(k).getSymbol(), shape, SymKind.GIVEN);
                givens.put(s.name(), new SymbolDecl(s, Optional.empty(), at(latex, k), Optional.empty()));
                if (declaresPositiveDefinite(g.matrixProperties())) scope.positiveDefinite(s.name());
            }
        } else if (item instanceof SpecParser.FunctionItemContext f) {
            List<String> latex = latexNames(f.latexNames(), f.names());
            for (int k = 0; k < f.names().ID().size(); k++) {
                Token t = f.names().ID(k).getSymbol();
                scope.declareFunction(t.getText(), exprs.pos(t), t.getText().length());
                functions.add(new FunctionDecl(t.getText(), at(latex, k), exprs.pos(t)));
            }
        } else if (item instanceof SpecParser.RandomItemContext r) {
            Shape shape = shape(r.shape());
            for (int k = 0; k < r.names().ID().size(); k++) {
                declareName(r.names().ID(k).getSymbol(), shape, SymKind.RANDOM);
            }
        } else if (item instanceof SpecParser.FindVariableItemContext f) {
            Shape shape = shape(f.shape());
            List<String> latex = latexNames(f.latexNames(), f.names());
            for (int k = 0; k < f.names().ID().size(); k++) {
                Sym s = declareName(f.names().ID(k).getSymbol(), shape, SymKind.UNKNOWN);
                unknowns.add(new SymbolDecl(s, Optional.empty(), at(latex, k), Optional.empty()));
                points(f.pointsClause(), s);
            }
        } else if (item instanceof SpecParser.FindSuchThatItemContext f) {
            Token t = f.ID().getSymbol();
            if (scope.symbol(t.getText()).isEmpty()) {
                Sym s = declareName(t, Shape.SCALAR, SymKind.UNKNOWN);
                List<String> latex = f.latexNames() == null ? List.of() : strings(f.latexNames());
                unknowns.add(new SymbolDecl(s, Optional.empty(), at(latex, 0), Optional.empty()));
            }
        } else if (item instanceof SpecParser.DefinedGivenItemContext g) {
            // the shape comes from the definition, known after pass 3; scalar until then
            Sym s = declareName(g.ID().getSymbol(), Shape.SCALAR, SymKind.GIVEN);
            givens.put(s.name(), new SymbolDecl(s, Optional.empty(), Optional.empty(), Optional.empty()));
            definitions.put(item, s.name());
        } else if (item instanceof SpecParser.LetItemContext l) {
            Token t = letName(l);
            scope.declare(new Sym(t.getText(), Shape.SCALAR, SymKind.LET, exprs.pos(t)), exprs.pos(t), t.getText().length());
            definitions.put(item, t.getText());
        }
    }

    private Sym declareName(Token t, Shape shape, SymKind kind) {
        Sym s = new Sym(t.getText(), shape, kind, exprs.pos(t));
        scope.declare(s, s.pos(), t.getText().length());
        return s;
    }

    private Shape shape(SpecParser.ShapeContext ctx) {
        if (ctx instanceof SpecParser.VectorShapeContext v) return new Shape.Vector(positive(v.expr()));
        if (ctx instanceof SpecParser.MatrixShapeContext m) {
            return new Shape.Matrix(positive(m.expr(0)), positive(m.expr(1)));
        }
        return Shape.SCALAR;
    }

    private Dim positive(SpecParser.ExprContext ctx) {
        Dim d = exprs.dim(ctx);
        if (d.isConstant() && d.constant() < 1) throw exprs.error(ctx, "a size must be at least 1, not " + d.constant());
        return d;
    }

    // ---- pass 2: domains, bounds, distributions ---------------------------------------------

    private void qualify(SpecParser.ItemContext item) {
        if (item instanceof SpecParser.DimItemContext d) {
            for (SpecParser.DimDeclContext dd : d.dimDecl()) {
                // a name whose declaration failed (dim n, K after an earlier dim n) was reported in pass 1
                Optional<Sym> declared = scope.symbol(dd.ID().getText());
                if (declared.isEmpty()) continue;
                Sym s = declared.get();
                List<Relation> bounds = new ArrayList<>();
                if (dd.relOp() != null) {
                    Expr bound = exprs.build(dd.expr());
                    bounds.add(new Relation(RelOp.parse(dd.relOp().getText()), s, bound, exprs.pos(dd)));
                }
                dims.add(new DimDecl(s, bounds));
            }
        } else if (item instanceof SpecParser.GivenItemContext g) {
            Optional<Domain> domain = domain(g.domain());
            List<MatrixProperty> props = matrixProperties(g.matrixProperties(), g.shape());
            for (var id : g.names().ID()) {
                SymbolDecl d = givens.get(id.getText());
                if (d == null) continue; // its declaration failed and was reported
                givens.put(d.name(), new SymbolDecl(d.sym(), domain, d.latex(), d.definition()));
                for (MatrixProperty mp : props) matrixFacts.add(new MatrixFact(d.sym(), mp, exprs.pos(g.matrixProperties())));
            }
            if (g.whereClause() != null) {
                for (var c : g.whereClause().condition()) assumptions.addAll(exprs.conditions(c));
            }
        } else if (item instanceof SpecParser.FindVariableItemContext f) {
            Optional<Domain> domain = domain(f.domain());
            for (int k = 0; k < unknowns.size(); k++) {
                SymbolDecl d = unknowns.get(k);
                if (f.names().ID().stream().anyMatch(id -> id.getText().equals(d.name()))) {
                    unknowns.set(k, new SymbolDecl(d.sym(), domain, d.latex(), d.definition()));
                }
            }
            if (f.whereClause() != null) {
                for (var c : f.whereClause().condition()) assumptions.addAll(exprs.conditions(c));
            }
        } else if (item instanceof SpecParser.RandomItemContext r) {
            Distribution dist = distribution(r.distribution());
            Optional<Domain> domain = domain(r.domain());
            List<String> latex = latexNames(r.latexNames(), r.names());
            for (int k = 0; k < r.names().ID().size(); k++) {
                Optional<Sym> declared = scope.symbol(r.names().ID(k).getText());
                if (declared.isEmpty() || declared.get().kind() != SymKind.RANDOM) continue; // reported in pass 1
                Sym s = declared.get();
                randoms.add(new RandomDecl(s, dist, domain, at(latex, k)));
            }
        }
    }

    /**
     * Do the words after a matrix shape say positive definite (so the matrix may weight a norm,
     * ||v||_D)? Read leniently in pass 1; a wrong word is reported by {@link #matrixProperties}.
     */
    private static boolean declaresPositiveDefinite(SpecParser.MatrixPropertiesContext ctx) {
        if (ctx == null) return false;
        List<String> words = new ArrayList<>();
        for (var id : ctx.ID()) words.add(id.getText());
        for (int k = 0; k < words.size(); ) {
            Optional<MatrixProperty> p = MatrixProperty.at(words, k);
            if (p.isEmpty()) return false;
            if (p.get().closure().contains(MatrixProperty.POSITIVE_DEFINITE)) return true;
            k += p.get().words().size();
        }
        return false;
    }

    /** Reads the words after a matrix shape as property phrases ("symmetric positive definite"). */
    private List<MatrixProperty> matrixProperties(SpecParser.MatrixPropertiesContext ctx, SpecParser.ShapeContext shape) {
        if (ctx == null) return List.of();
        if (!(shape instanceof SpecParser.MatrixShapeContext m)) {
            throw exprs.error(ctx, "only a matrix has properties such as '" + ctx.ID(0).getText() + "'");
        }
        List<String> words = new ArrayList<>();
        for (var id : ctx.ID()) words.add(id.getText());
        List<MatrixProperty> out = new ArrayList<>();
        boolean square = m.expr(0).getText().equals(m.expr(1).getText());
        for (int k = 0; k < words.size(); ) {
            Optional<MatrixProperty> p = MatrixProperty.at(words, k);
            Token t = ctx.ID(k).getSymbol();
            if (p.isEmpty()) {
                throw new SpecException(exprs.pos(t), "'" + t.getText() + "' is not a matrix property; known: "
                        + MatrixProperty.known(), t.getText().length());
            }
            if (p.get().needsSquare() && !square) {
                throw new SpecException(exprs.pos(t), "'" + p.get().phrase() + "' needs a square matrix (matrix[n, n])",
                        t.getText().length());
            }
            out.add(p.get());
            k += p.get().words().size();
        }
        return out;
    }

    private Optional<Domain> domain(SpecParser.DomainContext ctx) {
        if (ctx == null) return Optional.empty();
        Optional<Expr> lo = bound(ctx.expr(0));
        Optional<Expr> hi = bound(ctx.expr(1));
        return Optional.of(new Domain(lo, ctx.lo.getText().equals("("), hi, ctx.hi.getText().equals(")")));
    }

    private Optional<Expr> bound(SpecParser.ExprContext ctx) {
        String t = ctx.getText();
        if (t.equals("inf") || t.equals("-inf") || t.equals("+inf")) return Optional.empty();
        Expr e = exprs.build(ctx);
        if (!e.isScalar()) throw exprs.error(ctx, "an interval bound must be a scalar");
        return Optional.of(e);
    }

    private Distribution distribution(SpecParser.DistributionContext ctx) {
        boolean iid = ctx.getStart().getText().equals("iid");
        if (ctx instanceof SpecParser.MomentDistributionContext m) {
            return new Distribution.Moments(scalar(m.mean), scalar(m.variance), iid);
        }
        SpecParser.NamedDistributionContext n = (SpecParser.NamedDistributionContext) ctx;
        String name = n.ID().getText();
        Distribution.Family family = Distribution.Family.bySpelling(name).orElseThrow(() -> exprs.error(n,
                "unknown distribution '" + name + "'; known: normal(mean, variance), bernoulli(p), uniform(a, b), "
                        + "or 'mean M var V'"));
        if (n.expr().size() != family.params()) {
            throw exprs.error(n, name + " takes " + family.params() + " parameter(s), not " + n.expr().size());
        }
        List<Expr> params = new ArrayList<>();
        for (var e : n.expr()) params.add(scalar(e));
        return new Distribution.Named(family, params, iid);
    }

    private Expr scalar(SpecParser.ExprContext ctx) {
        Expr e = exprs.build(ctx);
        if (!e.isScalar()) throw exprs.error(ctx, "expected a scalar here, not a " + ExprBuilder.describe(e.shape()));
        return e;
    }

    // ---- pass 3: definitions, each after those it uses ---------------------------------------

    private void define(SpecParser.ItemContext item) {
        if (item instanceof SpecParser.LetItemContext l) let(l);
        else if (item instanceof SpecParser.DefinedGivenItemContext g) {
            Expr def = exprs.build(g.expr());
            Sym old = scope.symbol(g.ID().getText()).orElseThrow();
            Sym s = new Sym(old.name(), def.shape(), SymKind.GIVEN, old.pos());
            scope.redefine(s);
            List<String> latex = g.latexNames() == null ? List.of() : strings(g.latexNames());
            givens.put(s.name(), new SymbolDecl(s, Optional.empty(), at(latex, 0), Optional.of(def)));
        }
    }

    private Token letName(SpecParser.LetItemContext l) {
        SpecParser.ExprContext lhs = l.lhs;
        if (lhs instanceof SpecParser.SubscriptedContext s && s.expr() instanceof SpecParser.AtomExprContext a
                && a.atom() instanceof SpecParser.NameContext n) {
            return n.ID().getSymbol();
        }
        if (lhs instanceof SpecParser.AtomExprContext a && a.atom() instanceof SpecParser.NameContext n) {
            Token t = n.ID().getSymbol();
            if (l.forRange() != null) {
                String suffix = "_" + l.forRange().ID().getText();
                if (t.getText().endsWith(suffix)) return renamed(t, t.getText().substring(0, t.getText().length() - suffix.length()));
            }
            return t;
        }
        throw exprs.error(lhs, "a definition names what it defines: 'let a = …' or 'let y_i = … for i in 1..n'");
    }

    private static Token renamed(Token t, String text) {
        org.antlr.v4.runtime.CommonToken c = new org.antlr.v4.runtime.CommonToken(t);
        c.setText(text);
        return c;
    }

    private void let(SpecParser.LetItemContext l) {
        Token name = letName(l);
        Sym declared = scope.symbol(name.getText()).orElseThrow();
        List<String> latex = l.latexNames() == null ? List.of() : strings(l.latexNames());
        if (l.forRange() == null) {
            if (!(l.lhs instanceof SpecParser.AtomExprContext)) {
                throw exprs.error(l.lhs, "an indexed definition needs its range: 'for i in 1..n'");
            }
            Expr body = exprs.build(l.rhs);
            Sym s = new Sym(declared.name(), body.shape(), SymKind.LET, declared.pos());
            scope.redefine(s);
            lets.add(new LetDef(s, Optional.empty(), body, at(latex, 0), exprs.pos(l)));
            return;
        }
        SpecParser.ForRangeContext r = l.forRange();
        if (l.lhs instanceof SpecParser.SubscriptedContext sub && !sub.subscript().getText().equals(r.ID().getText())
                && !sub.subscript().getText().equals("{" + r.ID().getText() + "}")) {
            throw exprs.error(sub.subscript(), "the defined entry must be indexed by '" + r.ID().getText() + "'");
        }
        Expr lo = exprs.build(r.expr(0));
        Expr hi = exprs.build(r.expr(1));
        Dim loDim = exprs.toDim(lo, r.expr(0));
        if (!loDim.equals(Dim.of(1))) throw exprs.error(r.expr(0), "an indexed definition starts at index 1");
        Dim length = exprs.toDim(hi, r.expr(1));
        Sym index = exprs.boundIndex(r.ID().getSymbol());
        scope.pushIndex(index);
        Expr body;
        try {
            body = exprs.build(l.rhs);
        } finally {
            scope.popIndex();
        }
        Shape shape;
        if (body.isScalar()) shape = new Shape.Vector(length);
        else if (body.shape() instanceof Shape.Vector v) shape = new Shape.Matrix(length, v.n());
        else throw exprs.error(l.rhs, "an indexed definition defines scalars or vectors entry by entry");
        Sym s = new Sym(declared.name(), shape, SymKind.LET, declared.pos());
        scope.redefine(s);
        lets.add(new LetDef(s, Optional.of(new IndexRange(index, lo, hi)), body, at(latex, 0), exprs.pos(l)));
    }

    // ---- pass 4: what is asked and expected --------------------------------------------------

    private void state(SpecParser.ItemContext item) {
        if (item instanceof SpecParser.AssumeItemContext a) {
            for (var c : a.condition()) assumptions.addAll(exprs.conditions(c));
        } else if (item instanceof SpecParser.ObjectiveItemContext o) {
            if (objective.isPresent()) throw exprs.error(o, "a problem has one objective; this is the second");
            Expr f = exprs.build(o.expr());
            if (!f.isScalar()) throw exprs.error(o.expr(), "the objective must be a scalar, not a " + ExprBuilder.describe(f.shape()));
            objective = Optional.of(new Objective(o.kind.getText().equals("minimize")
                    ? Objective.Sense.MINIMIZE : Objective.Sense.MAXIMIZE, f, exprs.pos(o)));
        } else if (item instanceof SpecParser.ConstraintItemContext c) {
            constraint(c);
        } else if (item instanceof SpecParser.FindTargetsItemContext f) {
            for (var e : f.expr()) {
                Expr t = exprs.build(e);
                targets.add(t);
                points(f.pointsClause(), t);
            }
        } else if (item instanceof SpecParser.FindSuchThatItemContext f) {
            Sym unknown = scope.symbol(f.ID().getText()).orElseThrow();
            if (!unknown.isScalar()) throw exprs.error(f, "'such that' finds a scalar");
            List<Relation> bounds = new ArrayList<>();
            if (f.relOp() != null) {
                bounds.add(new Relation(RelOp.parse(f.relOp().getText()), unknown, scalar(f.expr()), exprs.pos(f.relOp())));
            }
            conditions.add(new SuchThat(unknown, bounds, exprs.conditions(f.condition()), exprs.pos(f)));
            points(f.pointsClause(), unknown);
        } else if (item instanceof SpecParser.SolveItemContext s) {
            List<Relation> eq = exprs.conditions(s.condition());
            if (eq.size() != 1 || eq.get(0).op() != RelOp.EQ) throw exprs.error(s.condition(), "solve needs one equation a = b");
            Token id = s.ID().getSymbol();
            Sym unknown = scope.symbol(id.getText()).orElseThrow(() -> new SpecException(exprs.pos(id),
                    "unknown name '" + id.getText() + "'; solve for a declared name", id.getText().length()));
            solves.add(new SolveFor(eq.get(0), unknown, exprs.pos(s)));
        } else if (item instanceof SpecParser.ShowItemContext s) {
            shows.add(claim(s.condition(), s.forRange()));
        } else if (item instanceof SpecParser.ExpectItemContext e) {
            expects.add(answerClaim(e.condition(), e.forRange(), "expect"));
        } else if (item instanceof SpecParser.MistakeItemContext m) {
            mistakes.add(new Mistake(answerClaim(m.condition(), m.forRange(), "mistake"), unquote(m.STRING().getSymbol())));
        }
    }

    /**
     * An expect or mistake; an unknown name at its very start (a wrong target, such as
     * {@code theta = …} where the problem asks for delta) says what the problem asks for and how
     * each is written.
     */
    private Claim answerClaim(SpecParser.ConditionContext cond, SpecParser.ForRangeContext range, String keyword) {
        try {
            return claim(cond, range);
        } catch (SpecException ex) {
            Diagnostic d = ex.diagnostic();
            Pos start = exprs.pos(cond);
            if (!d.message().startsWith("unknown name '") || d.pos().line() != start.line() || d.pos().col() != start.col()) throw ex;
            List<String> asked = new ArrayList<>();
            for (SymbolDecl u : unknowns) {
                asked.add("'" + keyword + " " + u.name() + " = …'" + u.latex().map(l -> " (printed " + l + ")").orElse(""));
            }
            for (Expr t : targets) asked.add("'" + keyword + " " + derivcheck.expr.TextPrinter.print(t) + " = …'");
            for (SuchThat c : conditions) asked.add("'" + keyword + " " + c.unknown().name() + " …' (find … such that)");
            for (SolveFor sv : solves) asked.add("'" + keyword + " " + sv.unknown().name() + " = …' (solve … for)");
            String hint = asked.isEmpty() ? "; the problem asks for nothing yet: declare it with 'find NAME : shape' or 'find grad(L, x)'"
                    : "; an answer names what the problem asks for: " + String.join(", ", asked);
            throw new SpecException(d.pos(), d.message() + hint, d.length());
        }
    }

    private void constraint(SpecParser.ConstraintItemContext c) {
        Optional<Sym> index = Optional.empty();
        if (c.forAll() != null) index = Optional.of(exprs.boundIndex(c.forAll().ID().getSymbol()));
        index.ifPresent(scope::pushIndex);
        try {
            for (var cond : c.condition()) {
                constraints.add(new Constraint(exprs.conditions(cond), index, exprs.pos(cond)));
            }
        } finally {
            index.ifPresent(i -> scope.popIndex());
        }
    }

    private Claim claim(SpecParser.ConditionContext cond, SpecParser.ForRangeContext range) {
        Optional<IndexRange> r = Optional.empty();
        if (range != null) {
            Expr lo = exprs.build(range.expr(0));
            Expr hi = exprs.build(range.expr(1));
            r = Optional.of(new IndexRange(exprs.boundIndex(range.ID().getSymbol()), lo, hi));
        }
        r.ifPresent(x -> scope.pushIndex(x.index()));
        try {
            return new Claim(exprs.conditions(cond), r, text(cond), exprs.pos(cond));
        } finally {
            r.ifPresent(x -> scope.popIndex());
        }
    }

    // ---- small helpers ----------------------------------------------------------------------

    private static String text(ParserRuleContext ctx) {
        return ctx.getStart().getInputStream().getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()))
                .replaceAll("\\s+", " ");
    }

    private List<String> latexNames(SpecParser.LatexNamesContext ctx, SpecParser.NamesContext names) {
        if (ctx == null) return List.of();
        List<String> l = strings(ctx);
        if (l.size() != names.ID().size()) {
            throw exprs.error(ctx, "give one LaTeX name per declared name: " + names.ID().size() + " name(s), "
                    + l.size() + " LaTeX name(s)");
        }
        return l;
    }

    private static List<String> strings(SpecParser.LatexNamesContext ctx) {
        List<String> l = new ArrayList<>();
        for (var s : ctx.STRING()) l.add(unquote(s.getSymbol()));
        return l;
    }

    private static Optional<String> at(List<String> l, int k) {
        return k < l.size() ? Optional.of(l.get(k)) : Optional.empty();
    }

    /** A string literal's contents: only \" is an escape, so LaTeX backslashes stay as written. */
    static String unquote(Token t) {
        String s = t.getText();
        return s.substring(1, s.length() - 1).replace("\\\"", "\"");
    }
}
