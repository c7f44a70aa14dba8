package derivcheck.numeric.verify;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.model.Constraint;
import derivcheck.model.Domain;
import derivcheck.model.Objective;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import derivcheck.numeric.Compiled;
import derivcheck.numeric.Compiler;
import derivcheck.numeric.Env;
import derivcheck.numeric.FlatLayout;
import derivcheck.numeric.NotEvaluableException;
import derivcheck.numeric.OptimizationProblem;
import derivcheck.numeric.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The original optimization problem of a spec at one sample, as an {@link OptimizationProblem}
 * in the flat coordinates of its unknowns: the objective (negated for maximize), the unknowns'
 * domains and every box-shaped constraint ({@code |x_i - c_i| <= r for all i},
 * {@code ||x - c||_inf <= r}, {@code lo <= x_i <= hi}) as bounds, every other constraint as a
 * general inequality or equality for the augmented Lagrangian.
 */
final class OriginalProblem {
    final FlatLayout layout;
    final OptimizationProblem op;
    /** +1 for minimize, -1 for maximize: the problem's objective is sense * (the minimized function). */
    final double sense;
    final ToDoubleFunction<double[]> minimized;
    final Set<String> unknowns;

    private final Model model;
    private final Env env;
    private final double[] lo, hi;

    /** A numeric optimization problem is not built: say why. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String m) { super(m, null, false, false); }
    }

    OriginalProblem(Problem p, Model model, Env sampleEnv) {
        this.model = model;
        Objective obj = p.objective().orElseThrow(() -> new Unsupported("the problem has no objective"));
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (SymbolDecl u : p.unknowns()) shapes.put(u.name(), u.sym().shape());
        if (shapes.isEmpty()) throw new Unsupported("the problem has no unknown to optimize");
        this.unknowns = shapes.keySet();
        this.layout = FlatLayout.of(shapes, sampleEnv.sizes());
        this.env = sampleEnv.copy();
        for (String u : unknowns) if (env.get(u) == null) env.set(u, layout.value(u, new double[layout.size()]));
        this.sense = obj.sense() == Objective.Sense.MINIMIZE ? 1 : -1;
        ToDoubleFunction<double[]> f = scalarFunction(obj.expr());
        this.minimized = sense > 0 ? f : x -> -f.applyAsDouble(x);
        int n = layout.size();
        lo = new double[n];
        hi = new double[n];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        for (SymbolDecl u : p.unknowns()) if (u.domain().isPresent()) domain(u.name(), u.domain().get());
        List<ToDoubleFunction<double[]>> ineq = new ArrayList<>(), eq = new ArrayList<>();
        for (Constraint c : p.constraints()) constraint(c, ineq, eq);
        // sum(x) = c next to x > 0 is the open simplex: a domain, solved by a change of variables
        // (see solveOnSimplex), not an equality for the augmented Lagrangian — unless other general
        // constraints remain, or a bound other than x >= 0 would cut the simplex.
        boolean simplexOnly = ineq.isEmpty() && eq.isEmpty() && !sumCandidates.isEmpty();
        for (SumCandidate s : sumCandidates) {
            if (simplexOnly && onSimplexDomain(s)) simplices.add(s);
            else eq.add(s.residual());
        }
        if (simplices.size() != sumCandidates.size()) {
            for (SumCandidate s : simplices) eq.add(s.residual());
            simplices.clear();
        }
        OptimizationProblem q = OptimizationProblem.minimize(n, minimized);
        for (int i = 0; i < n; i++) {
            if (lo[i] > hi[i]) throw new Unsupported("the constraints leave no feasible point at this sample");
            q.bounds(i, lo[i], hi[i]);
        }
        ineq.forEach(q::inequality);
        eq.forEach(q::equality);
        double scale = 1;
        for (Value v : sampleEnv.values().values()) for (double d : v.flatten()) if (Double.isFinite(d)) scale = Math.max(scale, Math.abs(d));
        q.scale(Math.min(scale, 100));
        this.op = q;
    }

    double[] lower() { return lo.clone(); }
    double[] upper() { return hi.clone(); }

    /** The environment with the unknowns set to a flat point and the definitions recomputed. */
    Env at(double[] x) {
        Env e = env.copy();
        layout.assign(e, x);
        model.recompute(e, model.dependents(unknowns), Set.of());
        return e;
    }

    // ------------------------------------------------------------------ building

    private ToDoubleFunction<double[]> scalarFunction(Expr e) {
        Expr inlined = model.inlinePlain(e);
        if (!model.needsModel(inlined) && !Model.hasMoments(inlined)) {
            Compiled c = Compiler.compile(inlined);
            if (unknowns.size() == 1) return c.asFunctionOf(env, unknowns.iterator().next());
            return c.asFunctionOf(env, layout);
        }
        if (Model.hasMoments(e)) throw new NotEvaluableException("an objective with E[...] is not optimized numerically");
        Set<String> deps = model.dependents(unknowns);
        Env work = env.copy();
        return x -> {
            layout.assign(work, x);
            model.recompute(work, deps, Set.of());
            return model.evalScalar(e, work);
        };
    }

    /** The value of an expression as a function of the flat point (vector-valued sides allowed). */
    private java.util.function.Function<double[], double[]> valueFunction(Expr e, Env at) {
        Expr inlined = model.inlinePlain(e);
        Set<String> deps = model.dependents(unknowns);
        Env work = at.copy();
        if (!model.needsModel(inlined) && !Model.hasMoments(inlined)) {
            Compiled c = Compiler.compile(inlined);
            return x -> c.evaluate(layout.assign(work, x)).flatten();
        }
        return x -> {
            layout.assign(work, x);
            model.recompute(work, deps, Set.of());
            return model.eval(e, work).flatten();
        };
    }

    private void domain(String u, Domain d) {
        int off = layout.offset(u), size = layout.value(u, new double[layout.size()]).size();
        double l = d.lo().map(e -> model.evalScalar(e, env)).orElse(Double.NEGATIVE_INFINITY);
        double h = d.hi().map(e -> model.evalScalar(e, env)).orElse(Double.POSITIVE_INFINITY);
        if (d.loOpen() && Double.isFinite(l)) l += 1e-10 * Math.max(1.0, Math.abs(l));
        if (d.hiOpen() && Double.isFinite(h)) h -= 1e-10 * Math.max(1.0, Math.abs(h));
        for (int i = off; i < off + size; i++) { lo[i] = Math.max(lo[i], l); hi[i] = Math.min(hi[i], h); }
    }

    private void constraint(Constraint c, List<ToDoubleFunction<double[]>> ineq, List<ToDoubleFunction<double[]>> eq) {
        List<Integer> ks = new ArrayList<>();
        String idx = c.forAll().map(Sym::name).orElse(null);
        if (idx == null) ks.add(null);
        else {
            int n = rangeOf(c, idx);
            for (int k = 1; k <= n; k++) ks.add(k);
        }
        for (Integer k : ks) {
            Env ek = env.copy();
            if (k != null) ek.set(idx, k);
            for (Relation r : c.relations()) {
                if (box(r, ek)) continue;
                general(r, ek, ineq, eq);
            }
        }
    }

    private int rangeOf(Constraint c, String idx) {
        for (Relation r : c.relations()) {
            for (Expr side : List.of(r.lhs(), r.rhs())) {
                List<Integer> found = new ArrayList<>();
                Exprs.anyNode(side, x -> {
                    if (x instanceof Index ix && ix.indices().size() >= 1 && ix.indices().get(0) instanceof Sym s
                            && s.name().equals(idx) && !ix.base().isScalar()) {
                        found.add(ix.base().shape().rows().evaluate(env.sizes()));
                        return true;
                    }
                    return false;
                });
                if (!found.isEmpty()) return found.get(0);
            }
        }
        throw new Unsupported("cannot tell the range of 'for all " + idx + "'");
    }

    private boolean free(Expr e) {
        for (String u : unknowns) if (model.dependsOn(e, Set.of(u))) return false;
        return true;
    }

    /** The flat coordinates an expression X addresses if it is an unknown or an entry of one; else null. */
    private int[] coordinates(Expr x, Env ek) {
        if (x instanceof Sym s && unknowns.contains(s.name())) {
            int off = layout.offset(s.name()), n = layout.value(s.name(), new double[layout.size()]).size();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = off + i;
            return out;
        }
        if (x instanceof Index ix && ix.base() instanceof Sym s && unknowns.contains(s.name()) && s.shape().isVector()
                && ix.indices().size() == 1 && free(ix.indices().get(0))) {
            int k = Model.integer(model.evalScalar(ix.indices().get(0), ek));
            int n = layout.value(s.name(), new double[layout.size()]).size();
            if (k < 1 || k > n) throw new Unsupported("index " + k + " out of range in a constraint");
            return new int[] {layout.offset(s.name()) + k - 1};
        }
        return null;
    }

    /** Records a box-shaped relation as bounds; false if it is not one. */
    private boolean box(Relation r, Env ek) {
        Expr a, b;
        switch (r.op()) {
            case LE, LT -> { a = r.lhs(); b = r.rhs(); }
            case GE, GT -> { a = r.rhs(); b = r.lhs(); }
            default -> { return false; }
        }
        // a <= b; a strict bound moves inward as an open domain does, so that the optimizer never
        // evaluates the objective where it is undefined (x*log(x) at x = 0 on the open simplex)
        boolean strict = r.op() == RelOp.LT || r.op() == RelOp.GT;
        int[] ca = coordinates(a, ek);
        if (ca != null && free(b)) { upper(ca, open(values(b, ek, ca.length), strict, -1)); return true; }
        int[] cb = coordinates(b, ek);
        if (cb != null && free(a)) { lower(cb, open(values(a, ek, cb.length), strict, 1)); return true; }
        Expr inside = null;
        if (a instanceof Apply ap && ap.fn() == Builtin.ABS) inside = ap.args().get(0);
        if (a instanceof Norm n && n.kind() == NormKind.LINF) inside = n.arg();
        if (inside == null || !free(b)) return false;
        // inside = s*X + rest, s = +-1
        List<Expr> terms = inside instanceof Add add ? add.terms() : List.of(inside);
        int[] coords = null;
        double s = 0;
        List<Expr> rest = new ArrayList<>();
        for (Expr t : terms) {
            int[] c = coordinates(t, ek);
            double sign = 1;
            if (c == null && t instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Num k
                    && k.value().equals(derivcheck.expr.Rational.MINUS_ONE)) {
                c = coordinates(m.factors().get(1), ek);
                sign = -1;
            }
            if (c != null) {
                if (coords != null) return false;
                coords = c;
                s = sign;
            } else if (free(t)) rest.add(t);
            else return false;
        }
        if (coords == null) return false;
        double[] radius = values(b, ek, coords.length);
        double[] shift = rest.isEmpty() ? new double[coords.length]
                : values(Exprs.add(rest, Pos.NONE), ek, coords.length);
        double[] l = new double[coords.length], h = new double[coords.length];
        for (int i = 0; i < coords.length; i++) {
            double p = (-radius[i] - shift[i]) / s, q = (radius[i] - shift[i]) / s;
            l[i] = Math.min(p, q);
            h[i] = Math.max(p, q);
        }
        lower(coords, l);
        upper(coords, h);
        return true;
    }

    private static double[] open(double[] bound, boolean strict, double inward) {
        if (!strict) return bound;
        double[] out = bound.clone();
        for (int i = 0; i < out.length; i++) if (Double.isFinite(out[i])) out[i] += inward * 1e-10 * Math.max(1.0, Math.abs(out[i]));
        return out;
    }

    private double[] values(Expr e, Env ek, int n) { return Claims.entries(model.eval(e, ek), n); }

    private void upper(int[] c, double[] v) { for (int i = 0; i < c.length; i++) hi[c[i]] = Math.min(hi[c[i]], v[i]); }

    private void lower(int[] c, double[] v) { for (int i = 0; i < c.length; i++) lo[c[i]] = Math.max(lo[c[i]], v[i]); }

    /** sum(u) = total for a vector unknown u, at the flat coordinates offset..offset+size-1. */
    private record SumCandidate(int offset, int size, double total) {
        ToDoubleFunction<double[]> residual() {
            return x -> {
                double s = -total;
                for (int i = offset; i < offset + size; i++) s += x[i];
                return s;
            };
        }
    }

    private final List<SumCandidate> sumCandidates = new ArrayList<>();
    private final List<SumCandidate> simplices = new ArrayList<>();

    /** Is `sum(u) = total` with every entry bounded below by 0 (and not cut above) the open simplex? */
    private boolean onSimplexDomain(SumCandidate s) {
        if (!(s.total() > 0)) return false;
        for (int i = s.offset(); i < s.offset() + s.size(); i++) {
            if (lo[i] < 0 || lo[i] > 1e-9 * Math.max(1.0, s.total())) return false;
            if (hi[i] < s.total() * (1 - 1e-9)) return false;
        }
        return true;
    }

    /** A sum constraint `sum(u) = c` on a vector unknown, c free of the unknowns; else null. */
    private SumCandidate sumConstraint(Relation r, Env ek) {
        if (r.op() != RelOp.EQ) return null;
        for (int k = 0; k < 2; k++) {
            Expr side = k == 0 ? r.lhs() : r.rhs(), other = k == 0 ? r.rhs() : r.lhs();
            if (side instanceof Apply a && a.fn() == Builtin.SUM && a.args().get(0) instanceof Sym u
                    && unknowns.contains(u.name()) && u.shape().isVector() && other.isScalar() && free(other)) {
                int size = layout.value(u.name(), new double[layout.size()]).size();
                return new SumCandidate(layout.offset(u.name()), size, model.evalScalar(other, ek));
            }
        }
        return null;
    }

    /**
     * The problem solved on the open simplex by the change of variables u = c·softmax(z), z free
     * (so every point of the search space is feasible and strictly positive), then mapped back.
     * Empty when the problem has no simplex block.
     */
    java.util.Optional<derivcheck.numeric.OptimizationResult> solveOnSimplex(long seed, int starts) {
        if (simplices.isEmpty()) return java.util.Optional.empty();
        int n = layout.size();
        boolean[] onSimplex = new boolean[n];
        for (SumCandidate s : simplices) for (int i = s.offset(); i < s.offset() + s.size(); i++) onSimplex[i] = true;
        java.util.function.Function<double[], double[]> map = z -> {
            double[] x = z.clone();
            for (SumCandidate s : simplices) {
                double m = Double.NEGATIVE_INFINITY;
                for (int i = s.offset(); i < s.offset() + s.size(); i++) m = Math.max(m, z[i]);
                double sum = 0;
                for (int i = s.offset(); i < s.offset() + s.size(); i++) sum += (x[i] = Math.exp(z[i] - m));
                for (int i = s.offset(); i < s.offset() + s.size(); i++) x[i] *= s.total() / sum;
            }
            return x;
        };
        OptimizationProblem q = OptimizationProblem.minimize(n, z -> minimized.applyAsDouble(map.apply(z)));
        for (int i = 0; i < n; i++) if (!onSimplex[i]) q.bounds(i, lo[i], hi[i]);
        q.scale(1.0);
        derivcheck.numeric.OptimizationResult r = new derivcheck.numeric.Optimizer(seed).starts(starts).minimize(q);
        double[] x = map.apply(r.x());
        double v = minimized.applyAsDouble(x);
        return java.util.Optional.of(new derivcheck.numeric.OptimizationResult(x, v, op.violation(x), r.status(),
                r.method() + " on the simplex (u = c·softmax(z))", r.starts()));
    }

    private void general(Relation r, Env ek, List<ToDoubleFunction<double[]>> ineq, List<ToDoubleFunction<double[]>> eq) {
        if (r.op() == RelOp.NE) throw new Unsupported("a constraint with != is not optimized numerically");
        SumCandidate sum = sumConstraint(r, ek);
        if (sum != null) {
            sumCandidates.add(sum);
            return;
        }
        var l = valueFunction(r.lhs(), ek);
        var h = valueFunction(r.rhs(), ek);
        int n = Math.max(r.lhs().isScalar() ? 1 : -1, 1);
        double[] probe = new double[layout.size()];
        int size = Math.max(l.apply(probe).length, h.apply(probe).length);
        double sign = (r.op() == RelOp.GE || r.op() == RelOp.GT) ? -1 : 1;
        for (int j = 0; j < size; j++) {
            final int jj = j;
            ToDoubleFunction<double[]> g = x -> {
                double[] a = l.apply(x), b = h.apply(x);
                double av = a.length == 1 ? a[0] : a[jj], bv = b.length == 1 ? b[0] : b[jj];
                return sign * (av - bv);
            };
            if (r.op() == RelOp.EQ) eq.add(g); else ineq.add(g);
        }
        if (n < 0) throw new IllegalStateException();
    }

    static Set<String> names(List<SymbolDecl> ds) {
        Set<String> out = new LinkedHashSet<>();
        for (SymbolDecl d : ds) out.add(d.name());
        return out;
    }

    static Set<String> set() { return new HashSet<>(); }
}
