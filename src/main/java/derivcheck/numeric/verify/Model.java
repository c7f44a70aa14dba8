package derivcheck.numeric.verify;

import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Inner;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Variance;
import derivcheck.model.IndexRange;
import derivcheck.model.LetDef;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import derivcheck.numeric.Compiled;
import derivcheck.numeric.Compiler;
import derivcheck.numeric.Env;
import derivcheck.numeric.EvaluationException;
import derivcheck.numeric.FiniteDifference;
import derivcheck.numeric.NotEvaluableException;
import derivcheck.numeric.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The computational meaning of a problem's definitions: its lets (plain and indexed) in order,
 * and, for an abstract loss L with a given upstream gradient {@code given g = grad(L, y)}, the
 * linear loss L(y) = <g, y>, whose gradient in y is g exactly. Evaluates any expression of the
 * problem at an {@link Env} holding the base values (givens, unknowns, randoms); a
 * {@code grad(f, x)} node is evaluated by central finite differences of f in x, recomputing every
 * definition between x and f. E[.] and Var[.] are not evaluated here (see {@link Moments}).
 */
final class Model {
    /** A definition: a let, or a loss L = <g, y>. */
    record Def(String name, Optional<IndexRange> range, Expr body) {}

    private record Prepared(Compiled compiled, List<Grad> grads) {}

    static final String GRAD_SLOT = "__grad";

    private final Problem problem;
    private final List<Def> defs = new ArrayList<>();
    private final Map<String, Def> byName = new HashMap<>();
    private final Map<String, Set<String>> closures = new HashMap<>();
    private final Map<Expr, Prepared> prepared = new IdentityHashMap<>();
    private final Map<Expr, Prepared> preparedByValue = new HashMap<>();
    private final Set<String> lossNames = new LinkedHashSet<>();

    Model(Problem p) {
        this.problem = p;
        // losses: L = sum of <g, y> over the defined givens g = grad(L, y)
        Map<String, List<Expr>> lossTerms = new LinkedHashMap<>();
        Map<String, String> lossAfter = new HashMap<>();
        for (SymbolDecl d : p.givens()) {
            if (d.definition().isPresent() && d.definition().get() instanceof Grad g
                    && g.f() instanceof Sym l && l.kind() == SymKind.LOSS && g.wrt() instanceof Sym y) {
                lossTerms.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(innerOf(d.sym(), y));
                if (p.let(y.name()).isPresent()) lossAfter.merge(l.name(), y.name(), (a, b) -> laterOf(p, a, b));
                else lossAfter.putIfAbsent(l.name(), null);
            }
        }
        List<Def> pending = new ArrayList<>();
        for (var e : lossTerms.entrySet()) {
            Expr body = e.getValue().size() == 1 ? e.getValue().get(0) : Exprs.add(e.getValue(), Pos.NONE);
            Def d = new Def(e.getKey(), Optional.empty(), body);
            lossNames.add(e.getKey());
            if (lossAfter.get(e.getKey()) == null) add(d); else pending.add(d);
        }
        for (LetDef l : p.lets()) {
            add(new Def(l.sym().name(), l.range(), l.body()));
            for (var it = pending.iterator(); it.hasNext(); ) {
                Def d = it.next();
                if (l.sym().name().equals(lossAfter.get(d.name()))) { add(d); it.remove(); }
            }
        }
        pending.forEach(this::add);
    }

    private static Expr innerOf(Sym g, Sym y) {
        if (g.isScalar() && y.isScalar()) return Exprs.mul(g, y);
        return new Inner(g, y, Pos.NONE);
    }

    private static String laterOf(Problem p, String a, String b) {
        List<String> order = p.lets().stream().map(l -> l.sym().name()).toList();
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    private void add(Def d) {
        defs.add(d);
        byName.put(d.name(), d);
    }

    Problem problem() { return problem; }

    List<Def> defs() { return defs; }

    boolean isDefined(String name) { return byName.containsKey(name); }

    Set<String> losses() { return lossNames; }

    // ------------------------------------------------------------------ dependencies

    /** Names of every symbol in e (bound sum indices included, harmlessly). */
    static Set<String> symbols(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        Exprs.anyNode(e, x -> {
            if (x instanceof Sym s) out.add(s.name());
            return false;
        });
        return out;
    }

    /** The definitions e depends on, directly or through other definitions. */
    Set<String> closure(Expr e) {
        Set<String> cached = exprClosures.get(e);
        if (cached != null) return cached;
        Set<String> out = new LinkedHashSet<>();
        for (String s : symbols(e)) addClosure(s, out);
        exprClosures.put(e, java.util.Collections.unmodifiableSet(out));
        return exprClosures.get(e);
    }

    private final Map<Expr, Set<String>> exprClosures = new IdentityHashMap<>();
    private final Map<Set<String>, Set<String>> dependentsCache = new HashMap<>();

    private void addClosure(String name, Set<String> out) {
        Def d = byName.get(name);
        if (d == null || out.contains(name)) return;
        out.add(name);
        for (String s : closureOf(d)) out.add(s);
    }

    private Set<String> closureOf(Def d) {
        Set<String> c = closures.get(d.name());
        if (c != null) return c;
        Set<String> out = new LinkedHashSet<>();
        closures.put(d.name(), out); // guards against cycles
        Set<String> syms = new LinkedHashSet<>(symbols(d.body()));
        d.range().ifPresent(r -> { syms.addAll(symbols(r.lo())); syms.addAll(symbols(r.hi())); });
        for (String s : syms) addClosure(s, out);
        return out;
    }

    /** All base symbols (not definitions) that e depends on, through definitions too. */
    Set<String> baseSymbols(Expr e) {
        Set<String> out = new LinkedHashSet<>(symbols(e));
        for (String d : closure(e)) {
            Def def = byName.get(d);
            out.addAll(symbols(def.body()));
        }
        out.removeIf(byName::containsKey);
        return out;
    }

    /** Does e depend on any of these names, directly or through definitions? */
    boolean dependsOn(Expr e, Set<String> names) {
        for (String s : symbols(e)) if (names.contains(s)) return true;
        for (String d : closure(e)) {
            if (names.contains(d)) return true;
            for (String s : symbols(byName.get(d).body())) if (names.contains(s)) return true;
        }
        return false;
    }

    /** The definitions (in order) that depend on one of the names. */
    Set<String> dependents(Set<String> names) {
        Set<String> cached = dependentsCache.get(names);
        if (cached != null) return cached;
        Set<String> computed = java.util.Collections.unmodifiableSet(dependents0(names));
        dependentsCache.put(Set.copyOf(names), computed);
        return computed;
    }

    private Set<String> dependents0(Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> hit = new HashSet<>(names);
        for (Def d : defs) {
            boolean dep = false;
            for (String s : symbols(d.body())) if (hit.contains(s)) { dep = true; break; }
            if (dep) { out.add(d.name()); hit.add(d.name()); }
        }
        return out;
    }

    // ------------------------------------------------------------------ evaluation

    /** Computes every definition into env (in order). */
    Env computeAll(Env env) {
        for (Def d : defs) compute(d, env);
        return env;
    }

    /** Recomputes the named definitions (in order), leaving out the overridden ones. */
    void recompute(Env env, Set<String> names, Set<String> except) {
        for (Def d : defs) if (names.contains(d.name()) && !except.contains(d.name())) compute(d, env);
    }

    private void compute(Def d, Env env) {
        if (d.range().isEmpty()) {
            env.set(d.name(), eval(d.body(), env));
            return;
        }
        IndexRange r = d.range().get();
        int lo = integer(eval(r.lo(), env).asDouble());
        int hi = integer(eval(r.hi(), env).asDouble());
        String idx = r.index().name();
        List<Value> entries = new ArrayList<>();
        Value saved = env.get(idx);
        for (int k = lo; k <= hi; k++) {
            env.set(idx, k);
            entries.add(eval(d.body(), env));
        }
        if (saved != null) env.set(idx, saved);
        if (entries.isEmpty()) throw new EvaluationException("the definition of " + d.name() + " is empty at these sizes");
        if (entries.get(0).isReal()) {
            double[] v = new double[entries.size()];
            for (int k = 0; k < v.length; k++) v[k] = entries.get(k).asDouble();
            env.set(d.name(), Value.vector(v));
        } else {
            double[][] rows = new double[entries.size()][];
            for (int k = 0; k < rows.length; k++) rows[k] = entries.get(k).flatten();
            env.set(d.name(), Value.matrix(rows));
        }
    }

    static int integer(double x) {
        long r = Math.round(x);
        if (Math.abs(x - r) > 1e-9) throw new EvaluationException("not an integer: " + x);
        return (int) r;
    }

    /** The value of e at env, all definitions of env computed; grad nodes by finite differences. */
    Value eval(Expr e, Env env) {
        if (hasBoundGrad(e)) return eval(unrollBoundGrads(e, env), env);
        Prepared p = prepare(e);
        if (p.grads().isEmpty()) return p.compiled().evaluate(env);
        Env work = env.copy();
        for (int k = 0; k < p.grads().size(); k++) work.set(GRAD_SLOT + k, gradient(p.grads().get(k), env));
        return p.compiled().evaluate(work);
    }

    double evalScalar(Expr e, Env env) { return eval(e, env).asDouble(); }

    /**
     * Does a grad node of e mention an index bound by an enclosing sum of e? Such a node has a
     * different value for every term ({@code sum(i, g_i * grad(y_i, a))}), so it cannot be
     * computed once per point like the other grad nodes.
     */
    static boolean hasBoundGrad(Expr e) { return boundGrad(e, Set.of()); }

    private static boolean boundGrad(Expr e, Set<String> bound) {
        if (e instanceof Grad g) {
            if (bound.isEmpty()) return false;
            for (String n : Exprs.freeNames(g)) if (bound.contains(n)) return true;
            return false;
        }
        if (e instanceof Sum s) {
            if (boundGrad(s.lo(), bound) || boundGrad(s.hi(), bound)) return true;
            Set<String> inner = new HashSet<>(bound);
            inner.add(s.index().name());
            return boundGrad(s.body(), inner);
        }
        for (Expr c : e.children()) if (boundGrad(c, bound)) return true;
        return false;
    }

    /**
     * The sums whose index a grad node mentions, written out term by term at the sizes of env
     * (outermost first, so inner bounds that use an outer index become numbers): each term's
     * grad then has a fixed index and is differentiated on its own.
     */
    private Expr unrollBoundGrads(Expr e, Env env) {
        return Exprs.transform(e, x -> {
            if (!(x instanceof Sum s) || !boundGrad(s.body(), Set.of(s.index().name()))) return null;
            if (hasBoundGrad(s.lo()) || hasBoundGrad(s.hi())) return null;
            int lo = integer(evalScalar(s.lo(), env));
            int hi = integer(evalScalar(s.hi(), env));
            if (hi - lo > 10_000) throw new EvaluationException("a sum over " + (hi - lo + 1) + " terms with a gradient in each term");
            List<Expr> terms = new ArrayList<>();
            for (int k = lo; k <= hi; k++) terms.add(unrollBoundGrads(Exprs.substitute(s.body(), s.index(), derivcheck.expr.Num.of(k)), env));
            if (terms.isEmpty()) return Exprs.mul(List.of(derivcheck.expr.Num.ZERO, s.body()), Pos.NONE);
            return Exprs.add(terms, Pos.NONE);
        });
    }

    private Prepared prepare(Expr e) {
        Prepared p = prepared.get(e);
        if (p != null) return p;
        p = preparedByValue.get(e);
        if (p == null) {
            if (Exprs.anyNode(e, x -> x instanceof Expectation || x instanceof Variance)) {
                throw new NotEvaluableException("E[...] and Var[...] are estimated by Monte Carlo, not evaluated pointwise");
            }
            List<Grad> grads = new ArrayList<>();
            Expr replaced = Exprs.transform(e, x -> {
                if (x instanceof Grad g) {
                    grads.add(g);
                    return new Sym(GRAD_SLOT + (grads.size() - 1), g.shape(), SymKind.GIVEN, Pos.NONE);
                }
                return null;
            });
            p = new Prepared(Compiler.compile(replaced), List.copyOf(grads));
            preparedByValue.put(e, p);
        }
        prepared.put(e, p);
        return p;
    }

    /**
     * grad(f, x) at env. Where the definitions inline to a closed expression, the symbolic
     * gradient of the original statement (package calculus, not the derivation) is evaluated
     * exactly, after agreeing with finite differences to 1e-5 (so a wrong calculus rule cannot
     * confirm a wrong derivation); otherwise, or when they disagree, the finite-difference value
     * (Richardson-extrapolated central differences, recomputing what depends on x) is used.
     */
    Value gradient(Grad g, Env env) {
        Value fd = differences(g, env);
        Optional<Compiled> exact = exactGradient(g);
        if (exact.isEmpty()) return fd;
        Value v;
        try {
            v = exact.get().evaluate(env);
        } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
            return fd;
        }
        double[] a = v.flatten(), b = fd.flatten();
        if (a.length != b.length) return fd;
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k]) || !(Math.abs(a[k] - b[k]) <= 1e-5 * Math.max(1, Math.max(Math.abs(a[k]), Math.abs(b[k]))))) return fd;
        }
        return v;
    }

    private final Map<Grad, Optional<Compiled>> exactGradients = new HashMap<>();

    /** When set, finite differences use Ridders' extrapolation (slower, more accurate): for re-checks. */
    private boolean refined;

    /** Runs f with refined finite differences, restoring the plain ones afterwards. */
    <T> T refined(java.util.function.Supplier<T> f) {
        boolean was = refined;
        refined = true;
        try {
            return f.get();
        } finally {
            refined = was;
        }
    }

    /** The compiled symbolic gradient of g's function with every definition written out, or empty. */
    private Optional<Compiled> exactGradient(Grad g) {
        Optional<Compiled> cached = exactGradients.get(g);
        if (cached != null) return cached;
        Optional<Compiled> out = Optional.empty();
        try {
            if (g.wrt() instanceof Sym x) {
                Expr f = Gradients.expand(inlineAll(g.f(), 0));
                if (!Exprs.anyNode(f, n -> n instanceof Grad || n instanceof Expectation || n instanceof Variance)) {
                    Expr d = derivcheck.calculus.Gradient.of(f, x);
                    if (!Exprs.anyNode(d, n -> n instanceof Grad || n instanceof Expectation || n instanceof Variance)) {
                        out = Optional.of(Compiler.compile(d));
                    }
                }
            }
        } catch (NotInlinable | derivcheck.calculus.NotDifferentiableException | EvaluationException
                 | derivcheck.expr.ShapeException | IllegalArgumentException | IllegalStateException e) {
            out = Optional.empty();
        }
        exactGradients.put(g, out);
        return out;
    }

    private static final class NotInlinable extends RuntimeException {
        NotInlinable() { super(null, null, false, false); }
    }

    /** Every definition written out; NotInlinable for a definition by entries used as a whole. */
    private Expr inlineAll(Expr e, int depth) {
        if (depth > 64) throw new NotInlinable();
        return Exprs.transform(e, x -> {
            if (x instanceof Sym s && byName.containsKey(s.name())) {
                Def d = byName.get(s.name());
                if (d.range().isPresent()) throw new NotInlinable();
                return inlineAll(d.body(), depth + 1);
            }
            if (x instanceof derivcheck.expr.Index ix && ix.base() instanceof Sym s && byName.containsKey(s.name())
                    && ix.indices().size() == 1 && byName.get(s.name()).range().isPresent()) {
                Def d = byName.get(s.name());
                Expr k = inlineAll(ix.indices().get(0), depth + 1);
                return inlineAll(Exprs.substitute(d.body(), d.range().get().index(), k), depth + 1);
            }
            return null;
        });
    }

    /** Nested grad nodes replaced by their symbolic gradients, innermost first. */
    private static final class Gradients {
        static Expr expand(Expr e) { return derivcheck.calculus.Gradient.expandGrads(e); }
    }

    /** grad(f, x) at env by finite differences of f in x, recomputing what depends on x. */
    Value differences(Grad g, Env env) {
        if (!(g.wrt() instanceof Sym x) || x.kind() == SymKind.DIM || x.kind() == SymKind.INDEX) {
            throw new NotEvaluableException("a gradient with respect to something other than a declared symbol");
        }
        if (g.f() instanceof Sym l && l.kind() == SymKind.LOSS && !byName.containsKey(l.name())) {
            throw new NotEvaluableException("the abstract loss " + l.name() + " has no given gradient (given g = grad("
                    + l.name() + ", y)) to make it concrete");
        }
        Value x0 = env.get(x.name());
        if (x0 == null) throw new EvaluationException("no value for " + x.name() + " to differentiate at");
        Set<String> needed = new LinkedHashSet<>(closure(g.f()));
        needed.retainAll(dependents(Set.of(x.name())));
        Set<String> except = Set.of(x.name());
        Env work = env.copy();
        double[] at = x0.flatten();
        java.util.function.ToDoubleFunction<double[]> fx = xs -> {
            work.set(x.name(), x0.unflatten(xs));
            recompute(work, needed, except);
            return evalScalar(g.f(), work);
        };
        if (!g.f().isScalar()) {
            // a vector function (a Hessian grad(grad(L, x), x)): the transposed Jacobian, column j = grad(f_j, x)
            java.util.function.Function<double[], double[]> vx = xs -> {
                work.set(x.name(), x0.unflatten(xs));
                recompute(work, needed, except);
                return eval(g.f(), work).flatten();
            };
            int m = eval(g.f(), env).flatten().length;
            double[][] jac = refined ? FiniteDifference.refinedJacobian(vx, at, m) : FiniteDifference.accurateJacobian(vx, at);
            return Value.matrix(jac);
        }
        double[] grad = refined ? FiniteDifference.refinedGradient(fx, at) : FiniteDifference.accurateGradient(fx, at);
        return x0.unflatten(grad);
    }

    /** The definitions and E/Var-free parts are inlined where plain: used to compile objectives once. */
    Expr inlinePlain(Expr e) {
        return Exprs.transform(e, x -> {
            if (x instanceof Sym s && byName.containsKey(s.name()) && byName.get(s.name()).range().isEmpty()) {
                return inlinePlain(byName.get(s.name()).body());
            }
            return null;
        });
    }

    /** Does e (after inlining) still need definitions computed entry by entry, or gradients? */
    boolean needsModel(Expr inlined) {
        return Exprs.anyNode(inlined, x -> x instanceof Grad || (x instanceof Sym s && byName.containsKey(s.name())));
    }

    static boolean hasMoments(Expr e) {
        return Exprs.anyNode(e, x -> x instanceof Expectation || x instanceof Variance);
    }

    static boolean isSumIndex(Expr e, String name) {
        return Exprs.anyNode(e, x -> x instanceof Sum s && s.index().name().equals(name));
    }

    static Shape shapeOf(Expr e) { return e.shape(); }
}
