package derivcheck.numeric.verify;

import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Inner;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.limits.InputLimits;
import derivcheck.model.DimDecl;
import derivcheck.model.Domain;
import derivcheck.model.FunctionDecl;
import derivcheck.model.Problem;
import derivcheck.model.RandomDecl;
import derivcheck.model.SuchThat;
import derivcheck.model.SymbolDecl;
import derivcheck.numeric.Env;
import derivcheck.numeric.EvaluationException;
import derivcheck.numeric.NotEvaluableException;
import derivcheck.numeric.Rng;
import derivcheck.numeric.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Draws sizes and values for a problem so that its domains and assumptions hold.
 *
 * <ul>
 *   <li>Sizes: sample 0 at every dimension's minimum (e.g. {@code N >= 4} gives 4), the others
 *       uniform in min..max(min, maxSize); {@link VerifyOptions#sizes()} fixes them.</li>
 *   <li>Each given (and each unknown a check does not set, and each random once) gets entries
 *       from its domain intersected with the sign facts about it ({@code lambda > 0}); a bounded
 *       interval keeps 2% of its width away from each end, a half-line is its end plus a
 *       log-uniform draw in [0.1, 3], the whole line standard normal away from 0.</li>
 *   <li>Structural facts are made to hold by construction, in dependency order: a norm
 *       ({@code ||w0|| = 1}, {@code ||g|| = a}: a is drawn first, any norm kind, 0 gives the zero
 *       vector), orthogonality ({@code <g, w0> = 0}: the later-declared one is projected), a sum
 *       ({@code sum(q) = 1}: rescaled), an equality to an expression ({@code v = lam*w}: computed).</li>
 *   <li>Every other assumption (and every domain and dimension bound, again) is checked after
 *       the definitions are computed; a draw where one fails is redrawn, at most
 *       {@link VerifyOptions#retries()} times, then {@link SamplingException}.</li>
 *   <li>Each declared function gets a random smooth member of
 *       rho(t) = a*t^2 + d*t^3 + c*log(1 + t^2), a in [0.1, 1], d in [0, 0.2], c in [0, 0.5]
 *       (rho'(0) = 0, so rho(||x||) is smooth; nearly convex), with its first three derivatives.</li>
 * </ul>
 * Draws come from {@code new Rng(seed).fork(problem/sample/try)}, so they are reproducible and
 * a sample does not change when the number of samples does.
 */
public final class ProblemSampler {
    /** Fraction of a bounded interval kept free at each end. */
    static final double EDGE = 0.02;

    private record Bound(RelOp op, Expr value) {}

    private static final class Recipe {
        final Sym sym;
        final Optional<Domain> domain;
        final List<Bound> bounds = new ArrayList<>();
        Expr norm;
        NormKind normKind;
        Expr sum;
        Expr equalTo;
        final List<String> orthogonalTo = new ArrayList<>();

        Recipe(Sym sym, Optional<Domain> domain) {
            this.sym = sym;
            this.domain = domain;
        }

        Set<String> deps() {
            Set<String> d = new LinkedHashSet<>(orthogonalTo);
            for (Bound b : bounds) d.addAll(Model.symbols(b.value()));
            domain.ifPresent(dm -> { dm.lo().ifPresent(e -> d.addAll(Model.symbols(e))); dm.hi().ifPresent(e -> d.addAll(Model.symbols(e))); });
            if (norm != null) d.addAll(Model.symbols(norm));
            if (sum != null) d.addAll(Model.symbols(sum));
            if (equalTo != null) d.addAll(Model.symbols(equalTo));
            d.remove(sym.name());
            return d;
        }
    }

    private final Problem problem;
    private final VerifyOptions options;
    private final Model model;
    private final List<Recipe> order;
    private final List<Relation> checks = new ArrayList<>();
    private final Set<String> exponents;

    public ProblemSampler(Problem p, VerifyOptions options) { this(p, options, new Model(p)); }

    ProblemSampler(Problem p, VerifyOptions options, Model model) {
        this.problem = p;
        this.options = options;
        this.model = model;
        this.exponents = exponentSymbols(p);
        Map<String, Recipe> recipes = new LinkedHashMap<>();
        for (SymbolDecl d : p.givens()) recipes.put(d.name(), new Recipe(d.sym(), d.domain()));
        for (SymbolDecl d : p.unknowns()) recipes.putIfAbsent(d.name(), new Recipe(d.sym(), d.domain()));
        for (SuchThat st : p.conditions()) {
            Recipe r = recipes.computeIfAbsent(st.unknown().name(), k -> new Recipe(st.unknown(), Optional.empty()));
            for (Relation rel : st.bounds()) classify(rel, recipes, r.sym.name());
            checks.addAll(st.bounds());
        }
        for (Relation a : p.assumptions()) classify(a, recipes, null);
        checks.addAll(p.assumptions());
        for (DimDecl d : p.dims()) checks.addAll(d.bounds());
        this.order = topological(recipes);
    }

    Model model() { return model; }

    // ------------------------------------------------------------------ classifying facts

    private void classify(Relation r, Map<String, Recipe> recipes, String only) {
        if (fact(r.lhs(), r.op(), r.rhs(), recipes, only)) return;
        fact(r.rhs(), r.op().flipped(), r.lhs(), recipes, only);
    }

    /** Records "lhs op rhs" as a constructive fact if it is one; true if it was. */
    private boolean fact(Expr lhs, RelOp op, Expr rhs, Map<String, Recipe> recipes, String only) {
        if (lhs instanceof Sym s && recipes.containsKey(s.name()) && (only == null || only.equals(s.name()))
                && !Model.symbols(rhs).contains(s.name()) && !mentionsDefinitionOrRandom(rhs)) {
            Recipe rc = recipes.get(s.name());
            if (s.isScalar() && rhs.isScalar() && op != RelOp.EQ && op != RelOp.NE) {
                rc.bounds.add(new Bound(op, rhs));
                return true;
            }
            if (op == RelOp.EQ && rhs.shape().equals(s.shape()) && rc.equalTo == null) {
                rc.equalTo = rhs;
                return true;
            }
            return false;
        }
        if (op != RelOp.EQ || only != null) return false;
        if (lhs instanceof Norm n && n.arg() instanceof Sym v && recipes.containsKey(v.name()) && !v.isScalar()
                && !Model.symbols(rhs).contains(v.name()) && !mentionsDefinitionOrRandom(rhs) && rhs.isScalar()) {
            Recipe rc = recipes.get(v.name());
            if (rc.norm != null || rc.sum != null) return false;
            rc.norm = rhs;
            rc.normKind = n.kind();
            return true;
        }
        if (lhs instanceof Apply a && a.fn() == Builtin.SUM && a.args().get(0) instanceof Sym v && recipes.containsKey(v.name())
                && !Model.symbols(rhs).contains(v.name()) && !mentionsDefinitionOrRandom(rhs)) {
            Recipe rc = recipes.get(v.name());
            if (rc.norm != null || rc.sum != null) return false;
            rc.sum = rhs;
            return true;
        }
        if (lhs instanceof Inner in && Exprs.isZero(rhs) && in.left() instanceof Sym u && in.right() instanceof Sym v
                && recipes.containsKey(u.name()) && recipes.containsKey(v.name()) && !u.name().equals(v.name())) {
            List<String> names = new ArrayList<>(recipes.keySet());
            String first = names.indexOf(u.name()) < names.indexOf(v.name()) ? u.name() : v.name();
            String second = first.equals(u.name()) ? v.name() : u.name();
            recipes.get(second).orthogonalTo.add(first);
            return true;
        }
        return false;
    }

    private boolean mentionsDefinitionOrRandom(Expr e) {
        for (String s : Model.symbols(e)) {
            if (model.isDefined(s)) return true;
            if (problem.randoms().stream().anyMatch(r -> r.sym().name().equals(s))) return true;
        }
        return false;
    }

    private static List<Recipe> topological(Map<String, Recipe> recipes) {
        List<Recipe> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<Recipe> left = new ArrayList<>(recipes.values());
        while (!left.isEmpty()) {
            Recipe next = null;
            for (Recipe r : left) {
                Set<String> deps = r.deps();
                deps.retainAll(recipes.keySet());
                if (done.containsAll(deps)) { next = r; break; }
            }
            if (next == null) next = left.get(0); // a cycle: declared order; the checks catch the rest
            left.remove(next);
            done.add(next.sym.name());
            out.add(next);
        }
        return out;
    }

    // ------------------------------------------------------------------ drawing

    /** The k-th sample: reproducible for a seed, independent of the other samples. */
    public Sample draw(int k) {
        Rng base = new Rng(options.seed()).fork(problem.name() + "/sample/" + k);
        Map<String, Integer> failures = new LinkedHashMap<>();
        String lastError = null;
        for (int t = 0; t < options.retries(); t++) {
            Rng rng = base.fork("try/" + t);
            try {
                Sample s = attempt(k, t, rng, failures);
                if (s != null) return s;
            } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
                lastError = e.getMessage();
            } catch (Retry e) {
                failures.merge(e.getMessage(), 1, Integer::sum);
            }
        }
        String worst = failures.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(lastError == null ? "no draw could be evaluated" : lastError);
        throw new SamplingException("could not sample the assumptions in " + options.retries() + " tries: " + worst);
    }

    private static final class Retry extends RuntimeException {
        Retry(String m) { super(m, null, false, false); }
    }

    private Sample attempt(int k, int t, Rng rng, Map<String, Integer> failures) {
        Env env = new Env();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Rng sr = rng.fork("sizes");
        for (DimDecl d : problem.dims()) {
            String n = d.sym().name();
            int min;
            try {
                min = Math.max(d.minimum(), d.minimum(sizes));
            } catch (ArithmeticException e) {
                throw new SamplingException("dimension " + n + " has a lower bound beyond any size the numeric check samples (line "
                        + d.sym().pos().line() + ")");
            }
            int size;
            if (!options.sizes().containsKey(n) && min > InputLimits.MAX_SAMPLED_DIM) {
                // sampling below the stated minimum would test the claim where its assumptions fail
                throw new SamplingException("dimension " + n + " must be at least " + min + " (line " + d.sym().pos().line()
                        + "), but the numeric check samples sizes up to " + InputLimits.MAX_SAMPLED_DIM);
            }
            if (options.sizes().containsKey(n)) size = options.sizes().get(n);
            else if (k == 0 && t < 10) size = min;
            else size = sr.integer(min, Math.max(min, Math.min(options.maxSize(), InputLimits.MAX_SAMPLED_DIM)));
            sizes.put(n, size);
            env.size(n, size);
        }
        Map<String, Value> drawn = new LinkedHashMap<>();
        List<String> functions = new ArrayList<>();
        for (FunctionDecl f : problem.functions()) functions.add(function(f, env, rng.fork("function/" + f.name())));
        for (Recipe r : order) {
            Value v = drawOne(r, env, rng.fork("value/" + r.sym.name()));
            env.set(r.sym.name(), v);
            drawn.put(r.sym.name(), v);
        }
        for (RandomDecl r : problem.randoms()) {
            Value v = new RandomDraws.Drawer(r, env, model).draw(rng.fork("random/" + r.sym().name()), 0);
            env.set(r.sym().name(), v);
            drawn.put(r.sym().name(), v);
        }
        model.computeAll(env);
        for (Relation c : checks) {
            Boolean ok = holds(c, env);
            if (ok != null && !ok) throw new Retry(describe(c));
        }
        for (Recipe r : order) {
            if (r.domain.isPresent() && r.equalTo == null && r.norm == null && r.sum == null) continue; // drawn inside
            if (r.domain.isPresent() && !inDomain(env.get(r.sym.name()), r.domain.get(), env)) {
                throw new Retry(r.sym.name() + " in its domain");
            }
        }
        return new Sample(k, sizes, env, drawn, functions, t + 1);
    }

    /** Does the relation hold at env (with a tolerance for equalities)? null if it cannot be evaluated. */
    Boolean holds(Relation c, Env env) {
        Value l, r;
        try {
            l = model.eval(c.lhs(), env);
            r = model.eval(c.rhs(), env);
        } catch (NotEvaluableException e) {
            return null;
        }
        return Claims.holds(c.op(), l, r, 1e-8);
    }

    private static String describe(Relation r) {
        return "the assumption '" + Claims.print(r) + "'";
    }

    private boolean inDomain(Value v, Domain d, Env env) {
        double lo = d.lo().map(e -> model.evalScalar(e, env)).orElse(Double.NEGATIVE_INFINITY);
        double hi = d.hi().map(e -> model.evalScalar(e, env)).orElse(Double.POSITIVE_INFINITY);
        for (double x : v.flatten()) {
            if (d.loOpen() ? !(x > lo) : !(x >= lo)) return false;
            if (d.hiOpen() ? !(x < hi) : !(x <= hi)) return false;
        }
        return true;
    }

    private Value drawOne(Recipe r, Env env, Rng rng) {
        Shape shape = r.sym.shape();
        if (r.equalTo != null) return model.eval(r.equalTo, env);
        double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        boolean loOpen = true, hiOpen = true;
        if (r.domain.isPresent()) {
            Domain d = r.domain.get();
            if (d.lo().isPresent()) { lo = model.evalScalar(d.lo().get(), env); loOpen = d.loOpen(); }
            if (d.hi().isPresent()) { hi = model.evalScalar(d.hi().get(), env); hiOpen = d.hiOpen(); }
        }
        for (Bound b : r.bounds) {
            double c = model.evalScalar(b.value(), env);
            switch (b.op()) {
                case GT, GE -> { if (c > lo || (c == lo && b.op() == RelOp.GT)) { lo = c; loOpen = b.op() == RelOp.GT; } }
                case LT, LE -> { if (c < hi || (c == hi && b.op() == RelOp.LT)) { hi = c; hiOpen = b.op() == RelOp.LT; } }
                default -> { }
            }
        }
        if (lo > hi || (lo == hi && (loOpen || hiOpen))) throw new Retry("an empty range for " + r.sym.name());
        int rows = shape.isScalar() ? 1 : shape.rows().evaluate(env.sizes());
        int cols = shape.isScalar() || shape.isVector() ? 1 : shape.cols().evaluate(env.sizes());
        Value declared = withProperties(r, rows, cols, rng);
        if (declared != null) return declared;
        double[] x = new double[InputLimits.entries(rows, cols)];
        boolean exponent = shape.isScalar() && exponents.contains(r.sym.name());
        for (int i = 0; i < x.length; i++) x[i] = exponent ? exponentEntry(rng, lo, hi, loOpen, hiOpen) : entry(rng, lo, hi, loOpen, hiOpen);
        if (!r.orthogonalTo.isEmpty()) {
            double before = norm2(x);
            for (int pass = 0; pass < 2; pass++) {
                for (String o : r.orthogonalTo) {
                    double[] u = env.get(o).flatten();
                    if (u.length != x.length) throw new Retry("orthogonality of differently sized " + r.sym.name() + " and " + o);
                    double uu = dot(u, u);
                    if (uu == 0) continue;
                    double c = dot(x, u) / uu;
                    for (int i = 0; i < x.length; i++) x[i] -= c * u[i];
                }
            }
            if (norm2(x) < 1e-6 * before) throw new Retry("a nonzero " + r.sym.name() + " orthogonal to " + r.orthogonalTo);
        }
        if (r.norm != null) {
            double target = model.evalScalar(r.norm, env);
            if (target < 0 || Double.isNaN(target)) throw new Retry("a negative norm for " + r.sym.name());
            double n = norm(x, r.normKind);
            if (n == 0) throw new Retry("a nonzero " + r.sym.name());
            for (int i = 0; i < x.length; i++) x[i] *= target / n;
        }
        if (r.sum != null) {
            double target = model.evalScalar(r.sum, env);
            double s = 0;
            for (double d : x) s += d;
            if (Math.abs(s) < 1e-9) throw new Retry("a nonzero sum of " + r.sym.name());
            for (int i = 0; i < x.length; i++) x[i] *= target / s;
        }
        if (shape.isScalar()) return new Value.Real(x[0]);
        if (shape.isVector()) return Value.vector(x);
        double[][] d = new double[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(x, i * cols, d[i], 0, cols);
        return Value.matrix(d);
    }

    /**
     * A matrix with declared properties (symmetric, positive definite, full column rank, …),
     * constructed by {@link MatrixDraws}; null for a symbol without properties.
     */
    private Value withProperties(Recipe r, int rows, int cols, Rng rng) {
        if (!r.sym.shape().isMatrix()) return null;
        var props = problem.properties(r.sym.name());
        if (props.isEmpty()) return null;
        double[][] m = MatrixDraws.draw(props, rows, cols, rng);
        if (m == null) {
            throw new Retry("full column rank of " + r.sym.name() + " (it needs at least as many rows as columns: "
                    + "state a dimension relation such as 'dim n >= d')");
        }
        return Value.matrix(m);
    }

    /** One entry from an interval (see the class comment). */
    /**
     * A scalar that appears in an exponent of the problem ((x^b)^c): in 40% of draws a small nonzero integer or a
     * half-integer inside its range, so that a^b with a &lt; 0 is met where it is defined. Without them, a
     * draw with x &lt; 0 leaves (x^b)^c undefined and is skipped, and x^(b*c) is accepted though ((-2)^2)^(1/2) = 2
     * differs from (-2)^1 (issue 11, item 14; the judge's FreeSpace draws the same way).
     */
    static double exponentEntry(Rng rng, double lo, double hi, boolean loOpen, boolean hiOpen) {
        double u = rng.uniform();
        if (u < 0.4) {
            double sign = rng.uniform() < 0.5 ? -1 : 1;
            double v = u < 0.25 ? sign * (1 + Math.floor(rng.uniform() * 3)) : sign * (2 * Math.floor(rng.uniform() * 3) + 1) / 2.0;
            boolean aboveLo = loOpen ? v > lo : v >= lo;
            boolean belowHi = hiOpen ? v < hi : v <= hi;
            if (aboveLo && belowHi) return v;
        }
        return entry(rng, lo, hi, loOpen, hiOpen);
    }

    /** The scalar symbols written in an exponent anywhere in the problem's statement, lets and claims. */
    private static Set<String> exponentSymbols(Problem p) {
        List<Expr> all = new ArrayList<>();
        p.lets().forEach(l -> all.add(l.body()));
        p.objective().ifPresent(o -> all.add(o.expr()));
        all.addAll(p.targets());
        for (var c : p.expects()) for (Relation r : c.relations()) { all.add(r.lhs()); all.add(r.rhs()); }
        for (var c : p.shows()) for (Relation r : c.relations()) { all.add(r.lhs()); all.add(r.rhs()); }
        Set<String> out = new LinkedHashSet<>();
        for (Expr e : all) {
            Exprs.anyNode(e, x -> {
                if (x instanceof derivcheck.expr.Pow pw) {
                    Exprs.anyNode(pw.exponent(), y -> { if (y instanceof Sym sy && sy.shape().isScalar()) out.add(sy.name()); return false; });
                }
                return false;
            });
        }
        return out;
    }

    static double entry(Rng rng, double lo, double hi, boolean loOpen, boolean hiOpen) {
        boolean fl = Double.isFinite(lo), fh = Double.isFinite(hi);
        if (fl && fh) {
            if (lo == hi) return lo;
            double w = hi - lo;
            return rng.uniform(lo + EDGE * w, hi - EDGE * w);
        }
        if (fl) return lo + Math.exp(rng.uniform(Math.log(0.1), Math.log(3)));
        if (fh) return hi - Math.exp(rng.uniform(Math.log(0.1), Math.log(3)));
        return rng.nonzero();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm2(double[] a) { return Math.sqrt(dot(a, a)); }

    private static double norm(double[] x, NormKind k) {
        double s = 0;
        switch (k) {
            case L1 -> { for (double d : x) s += Math.abs(d); }
            case LINF -> { for (double d : x) s = Math.max(s, Math.abs(d)); }
            default -> s = norm2(x);
        }
        return s;
    }

    /** rho(t) = a t^2 + d t^3 + c log(1 + t^2) and its first three derivatives, registered in env. */
    private static String function(FunctionDecl f, Env env, Rng rng) {
        double a = rng.uniform(0.1, 1.0), d = rng.uniform(0.0, 0.2), c = rng.uniform(0.0, 0.5);
        env.function(f.name(),
                t -> a * t * t + d * t * t * t + c * Math.log1p(t * t),
                t -> 2 * a * t + 3 * d * t * t + 2 * c * t / (1 + t * t),
                t -> 2 * a + 6 * d * t + 2 * c * (1 - t * t) / ((1 + t * t) * (1 + t * t)),
                t -> 6 * d + 4 * c * t * (t * t - 3) / Math.pow(1 + t * t, 3));
        return String.format(Locale.ROOT, "%s(t) = %.6g*t^2 + %.6g*t^3 + %.6g*log(1 + t^2)", f.name(), a, d, c);
    }

}
