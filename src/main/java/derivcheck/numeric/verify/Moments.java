package derivcheck.numeric.verify;

import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Pos;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Variance;
import derivcheck.model.RandomDecl;
import derivcheck.numeric.Env;
import derivcheck.numeric.Estimate;
import derivcheck.numeric.MonteCarlo;
import derivcheck.numeric.NotEvaluableException;
import derivcheck.numeric.Rng;
import derivcheck.numeric.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Monte Carlo for claims with E[.] and Var[.]: every outermost E/Var node becomes a slot whose
 * value is the sample mean (variance) over {@code draws} joint draws of all random symbols
 * (common random numbers for all nodes), with its standard error. A claim is then compared
 * with a z-test: |lhs - rhs| against the sum over nodes of |change of lhs - rhs when that node
 * moves by one standard error| (a bound that holds whatever the correlation of the estimates);
 * it fails only when |z| > {@link MonteCarlo#Z_LIMIT}.
 */
final class Moments {
    static final String SLOT = "__mc";

    record Node(boolean variance, Expr arg, String slot) {}

    /** The relations with E/Var nodes replaced by slots. */
    record Replaced(List<Relation> relations, List<Node> nodes) {}

    private Moments() {}

    static Replaced replace(List<Relation> rels) {
        List<Node> nodes = new ArrayList<>();
        List<Relation> out = new ArrayList<>();
        for (Relation r : rels) out.add(new Relation(r.op(), replace(r.lhs(), nodes), replace(r.rhs(), nodes), r.pos()));
        return new Replaced(out, nodes);
    }

    private static Expr replace(Expr e, List<Node> nodes) {
        return Exprs.transform(e, x -> {
            Expr arg = x instanceof Expectation ex ? ex.arg() : x instanceof Variance v ? v.arg() : null;
            if (arg == null) return null;
            if (Model.hasMoments(arg)) throw new NotEvaluableException("a nested E[...] or Var[...] is not estimated");
            for (Node n : nodes) if (n.arg().equals(arg) && n.variance() == (x instanceof Variance)) return new Sym(n.slot(), x.shape(), SymKind.GIVEN, Pos.NONE);
            Node n = new Node(x instanceof Variance, arg, SLOT + nodes.size());
            nodes.add(n);
            return new Sym(n.slot(), x.shape(), SymKind.GIVEN, Pos.NONE);
        });
    }

    /** Estimates of the nodes at one sample: per node, entrywise values and standard errors. */
    record Estimates(List<Value> values, List<double[]> stdErrors, List<Boolean> random) {}

    /** Draws of one node's argument: entries by draw, and a value of its shape. */
    record Columns(double[][] cols, Value template) {}

    /**
     * Estimates the nodes from {@code draws} joint draws. {@code cache} (may be null) holds the
     * columns of arguments already drawn with the same rng label and environment: the draws are
     * replayed identically, so cached and fresh columns come from the same random numbers.
     */
    static Estimates estimate(Model model, List<Node> nodes, Env env, java.util.function.Supplier<Rng> rngs, int draws, int variant,
                              java.util.Map<Expr, Columns> cache) {
        List<Node> missing = new ArrayList<>();
        for (Node n : nodes) if (cache == null || !cache.containsKey(n.arg())) missing.add(n);
        java.util.Map<Expr, Columns> fresh = missing.isEmpty() ? java.util.Map.of() : drawColumns(model, missing, env, rngs.get(), draws, variant);
        if (cache != null) cache.putAll(fresh);
        List<double[][]> cols = new ArrayList<>();
        List<Value> templates = new ArrayList<>();
        for (Node n : nodes) {
            Columns c = fresh.containsKey(n.arg()) ? fresh.get(n.arg()) : cache.get(n.arg());
            cols.add(c.cols());
            templates.add(c.template());
        }
        Set<String> randomNames = new LinkedHashSet<>();
        for (RandomDecl r : model.problem().randoms()) randomNames.add(r.sym().name());
        return summarize(model, nodes, cols, templates, randomNames);
    }

    private static java.util.Map<Expr, Columns> drawColumns(Model model, List<Node> nodes, Env env, Rng rng, int draws, int variant) {
        List<RandomDecl> randoms = model.problem().randoms();
        Set<String> randomNames = new LinkedHashSet<>();
        for (RandomDecl r : randoms) randomNames.add(r.sym().name());
        List<RandomDraws.Drawer> drawers = new ArrayList<>();
        for (RandomDecl r : randoms) drawers.add(new RandomDraws.Drawer(r, env, model));
        Set<String> recompute = new LinkedHashSet<>();
        Set<String> dependents = model.dependents(randomNames);
        for (Node n : nodes) for (String d : model.closure(n.arg())) if (dependents.contains(d)) recompute.add(d);
        Env work = env.copy();
        List<double[][]> cols = new ArrayList<>();
        List<Value> templates = new ArrayList<>();
        Set<String> none = new HashSet<>();
        for (int t = 0; t < draws; t++) {
            for (RandomDraws.Drawer d : drawers) work.set(d.name, d.draw(rng, variant));
            model.recompute(work, recompute, none);
            for (int k = 0; k < nodes.size(); k++) {
                Value v = model.eval(nodes.get(k).arg(), work);
                double[] f = v.flatten();
                if (t == 0) { cols.add(new double[f.length][draws]); templates.add(v); }
                double[][] c = cols.get(k);
                for (int j = 0; j < f.length; j++) c[j][t] = f[j];
            }
        }
        java.util.Map<Expr, Columns> out = new java.util.HashMap<>();
        for (int k = 0; k < nodes.size(); k++) out.put(nodes.get(k).arg(), new Columns(cols.get(k), templates.get(k)));
        return out;
    }

    private static Estimates summarize(Model model, List<Node> nodes, List<double[][]> cols, List<Value> templates, Set<String> randomNames) {
        List<Value> values = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        List<Boolean> random = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            double[][] c = cols.get(k);
            double[] v = new double[c.length], se = new double[c.length];
            for (int j = 0; j < c.length; j++) {
                boolean var = nodes.get(k).variance();
                Estimate e = var ? MonteCarlo.variance(c[j]) : MonteCarlo.mean(c[j]);
                v[j] = e.value();
                se[j] = Math.max(e.stdError(), batchError(c[j], var));
            }
            values.add(templates.get(k).unflatten(v));
            errors.add(se);
            random.add(model.dependsOn(nodes.get(k).arg(), randomNames));
        }
        return new Estimates(values, errors, random);
    }

    static final int BATCHES = 20;

    /**
     * The batch-means standard error: the spread of the estimate over 20 batches of the draws,
     * divided by sqrt(20). The plug-in error of a variance collapses where the fourth moment
     * nearly equals the squared variance (a two-point law near p = 1/2) while the estimate still
     * errs at second order; the batch error does not collapse there.
     */
    static double batchError(double[] x, boolean variance) {
        int n = x.length, size = n / BATCHES;
        if (size < (variance ? 4 : 2)) return 0;
        double[] est = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            double[] part = java.util.Arrays.copyOfRange(x, b * size, (b + 1) * size);
            est[b] = variance ? MonteCarlo.variance(part).value() : MonteCarlo.mean(part).value();
        }
        return MonteCarlo.mean(est).stdError();
    }

    /** Sets the estimates into env. */
    static Env bind(Env env, List<Node> nodes, Estimates est) {
        Env out = env.copy();
        for (int k = 0; k < nodes.size(); k++) out.set(nodes.get(k).slot(), est.values().get(k));
        return out;
    }

    /**
     * The z-test of one relation at estimated node values.
     *
     * @return the verdict of this relation: agree (with errors), disagree (with lhs and rhs), or degenerate
     */
    record ZTest(boolean agree, boolean degenerate, Value lhs, Value rhs, double maxAbs, double maxRel, double maxZ) {}

    static ZTest test(Model model, Relation r, Env bound, List<Node> nodes, Estimates est) {
        Value l = model.eval(r.lhs(), bound), h = model.eval(r.rhs(), bound);
        int n = Math.max(l.size(), h.size());
        double[] d0 = diff(l, h, n);
        double[] sens = new double[n];
        for (int k = 0; k < nodes.size(); k++) {
            Value v = est.values().get(k);
            double[] se = est.stdErrors().get(k);
            double[] base = v.flatten();
            for (int j = 0; j < base.length; j++) {
                if (se[j] == 0) continue;
                double[] moved = base.clone();
                moved[j] += se[j];
                Env e2 = bound.copy().set(nodes.get(k).slot(), v.unflatten(moved));
                double[] d1 = diff(model.eval(r.lhs(), e2), model.eval(r.rhs(), e2), n);
                for (int i = 0; i < n; i++) sens[i] += Math.abs(d1[i] - d0[i]);
            }
        }
        double[] a = Claims.entries(l, n), b = Claims.entries(h, n);
        double maxAbs = 0, maxRel = 0, maxZ = 0;
        boolean agree = true, degenerate = false;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(d0[i]);
            double scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
            maxAbs = Math.max(maxAbs, d);
            if (scale > 0) maxRel = Math.max(maxRel, d / scale);
            if (Double.isNaN(d)) { agree = false; continue; }
            if (d <= 1e-9 * Math.max(1.0, scale)) continue;
            if (sens[i] == 0) {
                // every draw gave the same value: the quantity is constant under this law (a rare
                // event would have to have probability below ~1e-2 to be missed by 2000 draws,
                // and the sampler keeps parameters 2% away from the ends of their ranges)
                agree = false;
                maxZ = Double.POSITIVE_INFINITY;
                continue;
            }
            double z = d / sens[i];
            maxZ = Math.max(maxZ, z);
            if (z > MonteCarlo.Z_LIMIT) agree = false;
        }
        return new ZTest(agree, degenerate && agree, l, h, maxAbs, maxRel, maxZ);
    }

    private static double[] diff(Value l, Value h, int n) {
        double[] a = Claims.entries(l, n), b = Claims.entries(h, n);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = a[i] - b[i];
        return d;
    }
}
