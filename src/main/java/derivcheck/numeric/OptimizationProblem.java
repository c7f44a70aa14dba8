package derivcheck.numeric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A minimization problem over R^n in flat coordinates (a vector unknown as is, a matrix
 * unknown row by row, several unknowns concatenated): an objective, inequality constraints
 * g(x) <= 0, equality constraints h(x) = 0 and simple bounds. Linear pieces can be declared as
 * such ({@link #linear}, {@link #linearInequality}, {@link #linearEquality}); a problem whose
 * objective and constraints are all linear goes to the simplex method. Mutable builder.
 */
public final class OptimizationProblem {
    /** a·x <= b or a·x = b. */
    public record LinearConstraint(double[] a, double b) {
        public double residual(double[] x) {
            double s = -b;
            for (int i = 0; i < a.length; i++) s += a[i] * x[i];
            return s;
        }
    }

    private final int dim;
    private final ToDoubleFunction<double[]> objective;
    private final double[] linearObjective;
    private final List<ToDoubleFunction<double[]>> inequalities = new ArrayList<>();
    private final List<ToDoubleFunction<double[]>> equalities = new ArrayList<>();
    private final List<LinearConstraint> linearInequalities = new ArrayList<>();
    private final List<LinearConstraint> linearEqualities = new ArrayList<>();
    private final double[] lower;
    private final double[] upper;
    private double[] start;
    private double scale = 1.0;

    private OptimizationProblem(int dim, ToDoubleFunction<double[]> objective, double[] linearObjective) {
        if (dim < 1) throw new IllegalArgumentException("dimension must be at least 1");
        this.dim = dim;
        this.objective = objective;
        this.linearObjective = linearObjective;
        this.lower = new double[dim];
        this.upper = new double[dim];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
    }

    /** Minimize a general objective of n variables. */
    public static OptimizationProblem minimize(int dim, ToDoubleFunction<double[]> objective) {
        return new OptimizationProblem(dim, objective, null);
    }

    /** Minimize c·x. */
    public static OptimizationProblem linear(double[] c) {
        double[] cc = c.clone();
        return new OptimizationProblem(cc.length, x -> dot(cc, x), cc);
    }

    /** g(x) <= 0. */
    public OptimizationProblem inequality(ToDoubleFunction<double[]> g) { inequalities.add(g); return this; }

    /** h(x) = 0. */
    public OptimizationProblem equality(ToDoubleFunction<double[]> h) { equalities.add(h); return this; }

    /** a·x <= b. */
    public OptimizationProblem linearInequality(double[] a, double b) {
        checkLength(a);
        linearInequalities.add(new LinearConstraint(a.clone(), b));
        return this;
    }

    /** a·x = b. */
    public OptimizationProblem linearEquality(double[] a, double b) {
        checkLength(a);
        linearEqualities.add(new LinearConstraint(a.clone(), b));
        return this;
    }

    /** lo <= x_i <= hi for every i (infinite for none). */
    public OptimizationProblem bounds(double lo, double hi) {
        for (int i = 0; i < dim; i++) bounds(i, lo, hi);
        return this;
    }

    /** lo <= x_i <= hi for one coordinate (0-based). */
    public OptimizationProblem bounds(int i, double lo, double hi) {
        if (!(lo <= hi)) throw new IllegalArgumentException("empty bounds [" + lo + ", " + hi + "]");
        lower[i] = lo;
        upper[i] = hi;
        return this;
    }

    public OptimizationProblem bounds(double[] lo, double[] hi) {
        checkLength(lo);
        checkLength(hi);
        for (int i = 0; i < dim; i++) bounds(i, lo[i], hi[i]);
        return this;
    }

    /** A starting point to try first (others are drawn at random). */
    public OptimizationProblem start(double[] x0) {
        checkLength(x0);
        start = x0.clone();
        return this;
    }

    /** Typical magnitude of the coordinates, for random starts and trust regions (default 1). */
    public OptimizationProblem scale(double s) {
        if (!(s > 0)) throw new IllegalArgumentException("scale must be positive");
        scale = s;
        return this;
    }

    public int dim() { return dim; }
    public double value(double[] x) { return objective.applyAsDouble(x); }
    public double scale() { return scale; }
    public double[] start() { return start == null ? null : start.clone(); }
    public double[] lower() { return lower.clone(); }
    public double[] upper() { return upper.clone(); }
    double lower(int i) { return lower[i]; }
    double upper(int i) { return upper[i]; }
    ToDoubleFunction<double[]> objective() { return objective; }
    double[] linearObjective() { return linearObjective; }
    List<LinearConstraint> linearInequalities() { return linearInequalities; }
    List<LinearConstraint> linearEqualities() { return linearEqualities; }

    /** True when objective and every constraint are declared linear. */
    public boolean isLinear() { return linearObjective != null && inequalities.isEmpty() && equalities.isEmpty(); }

    public boolean hasBounds() {
        for (int i = 0; i < dim; i++) if (lower[i] > Double.NEGATIVE_INFINITY || upper[i] < Double.POSITIVE_INFINITY) return true;
        return false;
    }

    /** All inequality constraints (general and linear) as functions g(x) <= 0. */
    List<ToDoubleFunction<double[]>> allInequalities() {
        List<ToDoubleFunction<double[]>> out = new ArrayList<>(inequalities);
        for (LinearConstraint c : linearInequalities) out.add(c::residual);
        return out;
    }

    /** All equality constraints as functions h(x) = 0. */
    List<ToDoubleFunction<double[]>> allEqualities() {
        List<ToDoubleFunction<double[]>> out = new ArrayList<>(equalities);
        for (LinearConstraint c : linearEqualities) out.add(c::residual);
        return out;
    }

    /** The largest violation of any constraint or bound at x (0 when feasible; NaN counts as infinite). */
    public double violation(double[] x) {
        double v = 0;
        for (int i = 0; i < dim; i++) v = Math.max(v, Math.max(lower[i] - x[i], x[i] - upper[i]));
        for (var g : allInequalities()) v = Math.max(v, nanInf(g.applyAsDouble(x)));
        for (var h : allEqualities()) v = Math.max(v, nanInf(Math.abs(h.applyAsDouble(x))));
        return v;
    }

    private static double nanInf(double d) { return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d; }

    static double dot(double[] a, double[] x) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * x[i];
        return s;
    }

    private void checkLength(double[] a) {
        if (a.length != dim) throw new IllegalArgumentException("need " + dim + " entries, got " + a.length);
    }
}
