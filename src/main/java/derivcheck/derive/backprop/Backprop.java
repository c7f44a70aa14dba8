package derivcheck.derive.backprop;

import derivcheck.calculus.Gradient;
import derivcheck.calculus.NotDifferentiableException;
import derivcheck.derive.Attempt;
import derivcheck.derive.Calculus;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Lets;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.Strategy;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.model.IndexRange;
import derivcheck.model.LetDef;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Backpropagation through layers defined by {@code let} (seed 001 A2, A8, A9; 004 P6): a target
 * {@code grad(L, p)} of an abstract loss L with the upstream gradient given
 * ({@code given g = grad(L, y)}), or {@code grad(f, p)} of an explicit f that uses an entrywise
 * defined vector as a whole ({@code f = min(d)}, {@code let d_k = … for k in 1..K}).
 *
 * <p>The total derivative rule: {@code grad(L, p) = Σ_i g_i grad(y_i, p)}, computed as the
 * gradient of {@code Σ_i g_i y_i(p)} (or {@code <g, y(p)>}) with g held fixed. Scalar parameters
 * give closed sums; vector and matrix parameters whose gradient is a sum of unit vectors are
 * given entry by entry (row by row): the sums over Iverson brackets collapse and the entries are
 * split into non-overlapping index ranges with exact boundaries. A boundary order that the
 * declared dimension bounds do not fix is stated as a condition of the result.
 */
public final class Backprop implements Strategy {
    @Override public String name() { return "backpropagation (total derivative)"; }

    /** An upstream gradient: the let y and the entries (or the whole) of grad(F, y). */
    /** how: the sentence that introduces it, text pieces and the quantities it names (Step.explained). */
    private record Upstream(LetDef y, Function<Expr, Expr> entry, Expr whole, List<Object> how) {}

    /** A derived gradient: whole, or entrywise over an index. */
    private record Derived(Expr whole, Sym index, Expr entry, Dim size) {}

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        if (p.objective().isPresent()) return Attempt.declined("the problem is an optimization problem");
        if (p.targets().isEmpty()) return Attempt.declined("there is nothing to compute ('find …')");
        boolean layered = false;
        for (Expr t : p.targets()) layered |= throughLayer(p, t) || (t instanceof Sym s && letWithLayerGradient(p, s));
        if (!layered) return Attempt.declined("no target is a gradient through a layer defined by 'let' (with the upstream gradient given or the layer used as a whole)");
        Map<String, Integer> minimum = IndexAffine.minimums(p);
        List<Step> steps = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        Map<Expr, Derived> done = new LinkedHashMap<>();
        List<Expr> later = new ArrayList<>();
        for (Expr t : p.targets()) {
            if (t instanceof Grad g && g.wrt() instanceof Sym w && throughLayer(p, t)) {
                Optional<String> why = gradient(p, g, w, ctx, minimum, steps, results, done);
                if (why.isPresent()) return Attempt.declined(why.get());
            } else if (t instanceof Sym s && letWithLayerGradient(p, s)) {
                later.add(t);
            } else {
                return Attempt.declined("'" + TextPrinter.print(t) + "' is not a gradient through a layer");
            }
        }
        for (Expr t : later) {
            Optional<String> why = letTarget(p, (Sym) t, ctx, minimum, steps, results, done);
            if (why.isPresent()) return Attempt.declined(why.get());
        }
        return new Attempt.Derived(steps, results);
    }

    // ------------------------------------------------------------------ which targets

    private static boolean throughLayer(Problem p, Expr t) {
        if (!(t instanceof Grad g) || !(g.wrt() instanceof Sym)) return false;
        if (g.f() instanceof Sym l && l.kind() == SymKind.LOSS) return !givenUpstreams(p, l).isEmpty();
        return !wholeIndexedLets(p, Lets.inline(p, g.f())).isEmpty();
    }

    private static boolean letWithLayerGradient(Problem p, Sym s) {
        if (s.kind() != SymKind.LET) return false;
        Optional<LetDef> d = p.let(s.name());
        return d.isPresent() && d.get().range().isEmpty()
                && Exprs.anyNode(d.get().body(), x -> throughLayer(p, x));
    }

    /** Givens {@code g = grad(L, y)} with y a let. */
    private static List<SymbolDecl> givenUpstreams(Problem p, Sym loss) {
        List<SymbolDecl> out = new ArrayList<>();
        for (SymbolDecl g : p.givens()) {
            if (g.definition().isPresent() && g.definition().get() instanceof Grad d && d.f() instanceof Sym l
                    && l.name().equals(loss.name()) && d.wrt() instanceof Sym y && y.kind() == SymKind.LET
                    && p.let(y.name()).isPresent()) {
                out.add(g);
            }
        }
        return out;
    }

    /** Indexed lets that e uses as a whole vector (min(d)). */
    private static List<LetDef> wholeIndexedLets(Problem p, Expr e) {
        List<LetDef> out = new ArrayList<>();
        collectWhole(p, e, out);
        return out;
    }

    private static void collectWhole(Problem p, Expr e, List<LetDef> out) {
        if (e instanceof Sym s && s.kind() == SymKind.LET) {
            p.let(s.name()).filter(d -> d.range().isPresent()).ifPresent(d -> { if (!out.contains(d)) out.add(d); });
            return;
        }
        if (e instanceof Index ix && ix.base() instanceof Sym s && s.kind() == SymKind.LET) {
            for (Expr i : ix.indices()) collectWhole(p, i, out);
            return;
        }
        for (Expr c : e.children()) collectWhole(p, c, out);
    }

    // ------------------------------------------------------------------ one gradient

    private Optional<String> gradient(Problem p, Grad target, Sym w, DeriveContext ctx, Map<String, Integer> minimum,
                                      List<Step> steps, List<Result> results, Map<Expr, Derived> done) {
        List<Upstream> ups = new ArrayList<>();
        Expr direct = null;
        if (target.f() instanceof Sym l && l.kind() == SymKind.LOSS) {
            for (SymbolDecl g : givenUpstreams(p, l)) {
                LetDef y = p.let(((Sym) ((Grad) g.definition().get()).wrt()).name()).get();
                Sym gs = g.sym();
                ups.add(new Upstream(y, i -> gs.isScalar() ? gs : new Index(gs, List.of(i), Pos.NONE), gs,
                        List.of("the upstream gradient ", new Relation(RelOp.EQ, gs, g.definition().get(), Pos.NONE), " is given")));
            }
        } else {
            Expr f = Lets.inline(p, target.f());
            for (LetDef d : wholeIndexedLets(p, f)) {
                Optional<Expr> gd = Calculus.gradient(f, d.sym());
                if (gd.isEmpty()) return Optional.of("cannot differentiate " + TextPrinter.print(f) + " in " + d.sym().name());
                Expr whole = gd.get();
                Sym k = d.range().get().index();
                Expr gk;
                try {
                    gk = Entrywise.tidy(Entrywise.collapse(Entrywise.tidy(Entrywise.entry(whole, k, null))));
                    Optional<IndexAffine> size = IndexAffine.of(Alg.dim(d.sym().shape().rows()));
                    if (size.isPresent()) {
                        Optional<Entrywise.Split> sp = Entrywise.cases(gk, k, IndexAffine.constant(1), size.get(), minimum);
                        if (sp.isPresent() && sp.get().pieces().size() == 1 && sp.get().assumed().isEmpty()) {
                            gk = Entrywise.tidy(sp.get().pieces().get(0).value());
                        }
                    }
                } catch (Entrywise.NoEntry e) {
                    return Optional.of("cannot take the entries of " + TextPrinter.print(whole));
                }
                Expr gkFinal = gk;
                steps.add(Step.explained("outer derivative", new Relation(RelOp.EQ,
                        new Index(new Grad(target.f(), d.sym(), Pos.NONE), List.of(k), Pos.NONE), gk, Pos.NONE),
                        "differentiate ", f, " in the vector ", d.sym(), " (almost everywhere: ties have probability 0)"));
                ups.add(new Upstream(d, i -> Exprs.substitute(gkFinal, k, i), whole,
                        List.of(target.f(), " depends on ", w, " through ", d.sym())));
            }
            if (Exprs.mentions(f, w.name())) {
                // the part not through the layers (the layer symbols held fixed)
                Optional<Expr> dd = Calculus.gradient(f, w);
                if (dd.isEmpty()) return Optional.of("cannot differentiate " + TextPrinter.print(f) + " in " + w.name());
                direct = dd.get();
            }
            if (Exprs.anyNode(f, x -> x instanceof Sym s && s.kind() == SymKind.LET
                    && ups.stream().noneMatch(u -> u.y().sym().name().equals(s.name())))) {
                return Optional.of(TextPrinter.print(f) + " uses a definition that cannot be written out");
            }
        }
        if (ups.isEmpty()) return Optional.of("no upstream gradient for " + TextPrinter.print(target));
        List<Expr> parts = new ArrayList<>();
        if (direct != null) parts.add(direct);
        for (Upstream u : ups) {
            LetDef y = u.y();
            Expr total;
            Expr rule;
            if (y.range().isPresent()) {
                IndexRange r = y.range().get();
                Sym i = r.index();
                Expr body = Lets.inline(p, y.body());
                if (openLet(body)) return Optional.of("the layer " + y.sym().name() + " uses a definition that cannot be written out");
                steps.add(Step.explained("layer", new Relation(RelOp.EQ, new Index(y.sym(), List.of(i), Pos.NONE), y.body(), Pos.NONE),
                        "for ", i, " from ", r.lo(), " to ", r.hi()));
                total = new Sum(i, r.lo(), r.hi(), Exprs.mul(u.entry().apply(i), body), Pos.NONE);
                rule = new Sum(i, r.lo(), r.hi(), Exprs.mul(u.entry().apply(i),
                        new Grad(new Index(y.sym(), List.of(i), Pos.NONE), w, Pos.NONE)), Pos.NONE);
                steps.add(Step.explained("total derivative", new Relation(RelOp.EQ, target, rule, Pos.NONE),
                        with(u.how(), "; the chain rule sums over every output that depends on ", w)));
                Optional<Expr> partial = Calculus.gradient(body, w);
                if (partial.isPresent()) {
                    Expr lhs = new Grad(new Index(y.sym(), List.of(i), Pos.NONE), w, Pos.NONE);
                    Expr shown = partial.get();
                    if (!w.isScalar() && containsUnit(shown)) {
                        Sym j = freshIndex(p, shown, "j", "l", "q");
                        try {
                            shown = Entrywise.tidy(Entrywise.entry(shown, j, null));
                            lhs = new Index(lhs, List.of(j), Pos.NONE);
                        } catch (Entrywise.NoEntry e) { /* keep the vector form */ }
                    }
                    steps.add(Step.of("partial derivative", new Relation(RelOp.EQ, lhs, shown, Pos.NONE),
                            "differentiate one output" + (shown instanceof Num ? "" : "; Iverson brackets mark where indices meet")));
                }
            } else {
                Expr body = Lets.inline(p, y.body());
                if (openLet(body)) return Optional.of("the layer " + y.sym().name() + " uses a definition that cannot be written out");
                steps.add(Step.of("layer", new Relation(RelOp.EQ, y.sym(), y.body(), Pos.NONE), "the layer"));
                Expr g = u.whole();
                total = body.isScalar() ? Exprs.mul(g, body) : new Inner(g, body, Pos.NONE);
                rule = body.isScalar() ? Exprs.mul(g, new Grad(y.sym(), w, Pos.NONE))
                        : new Grad(new Inner(g, y.sym(), Pos.NONE), w, Pos.NONE);
                steps.add(Step.explained("total derivative", new Relation(RelOp.EQ, target, rule, Pos.NONE),
                        with(u.how(), "; by the chain rule the gradient is that of ", body.isScalar() ? Exprs.mul(g, y.sym())
                                : new Inner(g, y.sym(), Pos.NONE), " with ", g, " held fixed")));
            }
            try {
                parts.add(Gradient.of(total, w));
            } catch (NotDifferentiableException e) {
                return Optional.of("the layer has a part the calculus rules cannot differentiate: " + e.getMessage());
            }
        }
        Expr grad = Entrywise.tidy(Exprs.add(parts, Pos.NONE));
        if (w.isScalar() || !containsUnit(grad)) {
            Expr value = w.isScalar() ? Simplifier.scalar(grad, ctx) : Simplifier.any(grad, ctx);
            steps.add(Step.of("result", new Relation(RelOp.EQ, target, value, Pos.NONE),
                    w.isScalar() ? "differentiate and sum over the outputs" : "differentiate and collect; the sum over the outputs stays"));
            results.add(Result.of(target, value));
            done.put(target, new Derived(value, null, null, null));
            return Optional.empty();
        }
        // entry by entry (row by row for a matrix)
        Dim n = w.shape().rows();
        Sym j = freshIndex(p, grad, w.shape().isMatrix() ? "k" : "j", "j", "k", "l", "q");
        Expr raw;
        try {
            raw = Entrywise.tidy(Entrywise.entry(grad, j, null));
        } catch (Entrywise.NoEntry e) {
            return Optional.of("cannot take the entries of the gradient: " + e.getMessage());
        }
        Expr lhs = new Index(target, List.of(j), Pos.NONE);
        steps.add(Step.explained(w.shape().isMatrix() ? "row" : "entry", List.of(new Relation(RelOp.EQ, lhs, raw, Pos.NONE)),
                w.shape().isMatrix() ? "row " : "entry ", j, " of the gradient"));
        IndexAffine lo = IndexAffine.constant(1);
        Optional<IndexAffine> hi = IndexAffine.of(Alg.dim(n));
        if (hi.isEmpty()) return Optional.of("the size " + n + " is not an index expression");
        Expr collapsed = Entrywise.tidy(Entrywise.collapse(raw));
        if (!collapsed.equals(raw)) {
            // the rule: sum over i of f(i)*[i + c = j] is f(j - c) where j - c is in the range of i, else 0;
            // a bracket that every j of the gradient satisfies ([1 <= j <= n] for j = 1..n) is 1
            collapsed = Entrywise.tidy(UnitVectors.rangeGuards(collapsed, j, lo, hi.get(), p, minimum));
            steps.add(Step.explained("collapse", List.of(new Relation(RelOp.EQ, lhs, collapsed, Pos.NONE)),
                    "a sum whose terms carry an Iverson bracket that fixes the summation index in terms of ", j,
                    " keeps the one term where the bracket holds, when that index is in the range of the sum, and is 0 otherwise"));
        }
        Optional<Entrywise.Split> split = Entrywise.cases(collapsed, j, lo, hi.get(), minimum);
        if (split.isEmpty()) return Optional.of("cannot split the entries of the gradient by index range");
        List<Entrywise.Piece> pieces = new ArrayList<>();
        for (Entrywise.Piece pc : split.get().pieces()) {
            Expr decided = UnitVectors.rangeGuards(pc.value(), j, pc.from(), pc.to(), p, minimum);
            // the let-defined sums (a mean, a variance) folded back to their names, the sums split: the sheet's form
            Expr sheet = derivcheck.derive.SumLets.tidy(p, Entrywise.tidy(decided), ctx, java.util.Set.of());
            Expr simple = Simplifier.any(sheet, ctx);
            pieces.add(new Entrywise.Piece(pc.from(), pc.to(), sheet.equals(decided) ? simple
                    : derivcheck.derive.SumLets.arranged(p, simple, ctx, java.util.Set.of())));
        }
        Expr value = Entrywise.asCases(pieces, j, lo, hi.get());
        List<Relation> conditions = split.get().assumed();
        if (value instanceof derivcheck.expr.Piecewise) {
            List<Object> why = new ArrayList<>(List.of("the terms are active on different ranges of ", j,
                    ": split at every boundary, so that the cases do not overlap"));
            if (!conditions.isEmpty()) {
                why.add("; this order of the boundaries needs ");
                for (int k = 0; k < conditions.size(); k++) { if (k > 0) why.add(" and "); why.add(conditions.get(k)); }
                why.add(" (for smaller sizes some range is empty and the cases change)");
            }
            steps.add(Step.explained("case split", new Relation(RelOp.EQ, lhs, value, Pos.NONE), why.toArray()));
        }
        IndexRange range = new IndexRange(j, Num.ONE, Alg.dim(n));
        List<Object> why = new ArrayList<>(List.of("for ", j, " from ", Num.ONE, " to ", range.hi()));
        for (int k = 0; k < conditions.size(); k++) {
            why.add(k == 0 ? ", where " : " and ");
            why.add(conditions.get(k));
        }
        steps.add(Step.explained("result", List.of(new Relation(RelOp.EQ, lhs, value, Pos.NONE)), why.toArray()));
        results.add(new Result(lhs, value, conditions, Optional.of(range)));
        done.put(target, new Derived(null, j, value, n));
        return Optional.empty();
    }

    // ------------------------------------------------------------------ a let that uses a derived gradient

    private Optional<String> letTarget(Problem p, Sym s, DeriveContext ctx, Map<String, Integer> minimum,
                                       List<Step> steps, List<Result> results, Map<Expr, Derived> done) {
        LetDef d = p.let(s.name()).get();
        Expr body = d.body();
        // gradients inside that were not targets: derive them first
        List<Expr> inner = new ArrayList<>();
        Exprs.anyNode(body, x -> { if (x instanceof Grad && throughLayer(p, x) && !done.containsKey(x)) inner.add(x); return false; });
        for (Expr g : inner) {
            Optional<String> why = gradient(p, (Grad) g, (Sym) ((Grad) g).wrt(), ctx, minimum, steps, results, done);
            if (why.isPresent()) return why;
        }
        boolean entrywise = false;
        for (Map.Entry<Expr, Derived> e : done.entrySet()) {
            if (e.getValue().whole() == null && Exprs.contains(body, e.getKey())) entrywise = true;
        }
        steps.add(Step.of("definition", new Relation(RelOp.EQ, s, body, Pos.NONE), "the definition"));
        if (!entrywise) {
            Expr v = Exprs.transform(body, x -> done.containsKey(x) ? done.get(x).whole() : null);
            Optional<Expr> full = Lets.fully(p, v);
            if (full.isEmpty()) return Optional.of("'" + s.name() + "' uses a definition that cannot be written out");
            Expr value = Simplifier.any(full.get(), ctx);
            steps.add(Step.of("result", new Relation(RelOp.EQ, s, value, Pos.NONE), "insert the gradient and simplify"));
            results.add(Result.of(s, value));
            return Optional.empty();
        }
        if (s.isScalar()) return Optional.of("'" + s.name() + "' is a scalar built from gradient entries");
        Dim n = s.shape().rows();
        Sym k = freshIndex(p, body, s.shape().isMatrix() ? "k" : "j", "j", "k", "l", "q");
        Function<Expr, Function<Expr, Expr>> known = x -> {
            Derived dv = done.get(x);
            if (dv == null) return null;
            if (dv.whole() != null) return null;
            return idx -> Exprs.substitute(dv.entry(), dv.index(), idx);
        };
        Expr value;
        try {
            value = Entrywise.tidy(Entrywise.entry(body, k, known));
        } catch (Entrywise.NoEntry e) {
            return Optional.of("cannot take the entries of " + TextPrinter.print(body));
        }
        value = Simplifier.any(value, ctx);
        Expr lhs = new Index(s, List.of(k), Pos.NONE);
        steps.add(Step.explained("result", new Relation(RelOp.EQ, lhs, value, Pos.NONE),
                s.shape().isMatrix() ? "row " : "entry ", k, ": insert the derived gradient"));
        List<Relation> conditions = new ArrayList<>();
        for (Result r : results) if (r.range().isPresent()) conditions.addAll(r.conditions());
        results.add(new Result(lhs, value, conditions, Optional.of(new IndexRange(k, Num.ONE, Alg.dim(n)))));
        return Optional.empty();
    }

    // ------------------------------------------------------------------ helpers

    private static boolean openLet(Expr e) {
        return Exprs.anyNode(e, x -> x instanceof Sym s && s.kind() == SymKind.LET);
    }

    /** Does the expression contain a unit vector I_n[i] (a gradient given entry by entry)? */
    static boolean containsUnit(Expr e) {
        return Exprs.anyNode(e, x -> x instanceof Index ix && ix.base() instanceof Identity);
    }

    private static Sym freshIndex(Problem p, Expr in, String... names) {
        for (String n : names) {
            if (!Exprs.mentions(in, n) && !boundIn(in, n) && p.symbol(n).isEmpty()) {
                return new Sym(n, Shape.SCALAR, SymKind.INDEX, Pos.NONE);
            }
        }
        for (int k = 1; ; k++) {
            String n = names[0] + k;
            if (!Exprs.mentions(in, n) && !boundIn(in, n) && p.symbol(n).isEmpty()) return new Sym(n, Shape.SCALAR, SymKind.INDEX, Pos.NONE);
        }
    }

    private static boolean boundIn(Expr e, String n) {
        return Exprs.anyNode(e, x -> x instanceof Sum s && s.index().name().equals(n));
    }

    /** Sizes as index expressions. */
    public static final class Alg {
        private Alg() {}

        public static Expr dim(Dim d) {
            return Exprs.size(d);
        }
    }

    /** The parts of a sentence followed by more parts (for Step.explained). */
    private static Object[] with(List<Object> first, Object... more) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
