package derivcheck.numeric;

import java.util.function.ToDoubleFunction;

/**
 * Central-difference gradients. The step for entry x_i is cbrt(machine eps) * max(1, |x_i|)
 * (about 6e-6 near 1), rounded so that x+h and x-h are exactly representable; the truncation
 * and rounding errors are then both about eps^(2/3), i.e. a relative accuracy near 1e-10 for
 * smooth, well-scaled functions. Near a kink (|x_i| below the step from a switch point) the
 * difference is meaningless: samplers keep draws away from switch points.
 */
public final class FiniteDifference {
    /** cbrt(2^-52), about 6.06e-6. */
    public static final double STEP = Math.cbrt(Math.ulp(1.0));

    private FiniteDifference() {}

    /** The step used for a coordinate with value x. */
    public static double step(double x) { return STEP * Math.max(1.0, Math.abs(x)); }

    /** The gradient of f at x by central differences; x is not modified (it is copied). */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] p = x.clone();
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double h = step(xi);
            double up = xi + h, down = xi - h;
            p[i] = up;
            double fu = f.applyAsDouble(p);
            p[i] = down;
            double fd = f.applyAsDouble(p);
            p[i] = xi;
            g[i] = (fu - fd) / (up - down);
        }
        return g;
    }

    /** The base step of {@link #accurateGradient}: eps^(1/5), about 7.4e-4 (optimal for a fourth-order rule). */
    public static final double RICHARDSON_STEP = Math.pow(Math.ulp(1.0), 0.2);

    /**
     * The gradient by Richardson extrapolation of central differences: with D(h) the central
     * difference, (4 D(h/2) - D(h)) / 3 cancels the h^2 error term, leaving O(h^4) truncation
     * and O(eps/h) rounding, both near 1e-13 for smooth, well-scaled functions (plain central
     * differences reach about 1e-10). Where the extrapolated and the plain small-step values
     * disagree by more than 1e-6 (a switch point within the larger step) the plain value is kept.
     */
    public static double[] accurateGradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] p = x.clone();
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double h = RICHARDSON_STEP * Math.max(1.0, Math.abs(xi));
            double d1 = central(f, p, i, h), d2 = central(f, p, i, h / 2);
            double r = (4 * d2 - d1) / 3;
            double c = central(f, p, i, step(xi));
            double scale = Math.max(1.0, Math.max(Math.abs(r), Math.abs(c)));
            g[i] = Math.abs(r - c) <= 1e-6 * scale || Double.isNaN(c) ? r : c;
            if (Double.isNaN(g[i])) g[i] = c;
        }
        return g;
    }

    /**
     * The gradient by Ridders' method: central differences at steps h, h/1.4, h/1.4², … (from
     * h = 0.01·max(1,|x_i|)) extrapolated in a Neville tableau, keeping the entry with the
     * smallest error estimate and stopping when the error grows. Costs about 20 evaluations
     * per coordinate; used to re-check a discrepancy close to the tolerance before it counts.
     */
    public static double[] refinedGradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] p = x.clone();
        double[] g = new double[x.length];
        final int n = 10;
        final double con = 1.4, con2 = con * con;
        for (int i = 0; i < x.length; i++) {
            double h = 0.01 * Math.max(1.0, Math.abs(x[i]));
            double[][] a = new double[n][n];
            a[0][0] = central(f, p, i, h);
            double best = a[0][0], err = Double.MAX_VALUE;
            for (int k = 1; k < n; k++) {
                h /= con;
                a[0][k] = central(f, p, i, h);
                double fac = con2;
                for (int j = 1; j <= k; j++) {
                    a[j][k] = (a[j - 1][k] * fac - a[j - 1][k - 1]) / (fac - 1);
                    fac *= con2;
                    double e = Math.max(Math.abs(a[j][k] - a[j - 1][k]), Math.abs(a[j][k] - a[j - 1][k - 1]));
                    if (e <= err) { err = e; best = a[j][k]; }
                }
                if (Math.abs(a[k][k] - a[k - 1][k - 1]) >= 2 * err) break;
            }
            g[i] = best;
        }
        return g;
    }

    /**
     * The transposed Jacobian of a vector function f at x, entry [k][j] = d f_j / d x_k (so the
     * Hessian when f is a gradient), by {@link #accurateGradient}'s rule applied to every entry of f:
     * Richardson-extrapolated central differences, the plain small-step value where they disagree.
     */
    public static double[][] accurateJacobian(java.util.function.Function<double[], double[]> f, double[] x) {
        double[] p = x.clone();
        double[][] out = new double[x.length][];
        for (int k = 0; k < x.length; k++) {
            double xk = x[k];
            double h = RICHARDSON_STEP * Math.max(1.0, Math.abs(xk));
            double[] d1 = centralVector(f, p, k, h), d2 = centralVector(f, p, k, h / 2), c = centralVector(f, p, k, step(xk));
            double[] row = new double[c.length];
            for (int j = 0; j < c.length; j++) {
                double r = (4 * d2[j] - d1[j]) / 3;
                double scale = Math.max(1.0, Math.max(Math.abs(r), Math.abs(c[j])));
                row[j] = Math.abs(r - c[j]) <= 1e-6 * scale || Double.isNaN(c[j]) ? r : c[j];
                if (Double.isNaN(row[j])) row[j] = c[j];
            }
            out[k] = row;
        }
        return out;
    }

    /** {@link #accurateJacobian} with Ridders' method ({@link #refinedGradient}) entry by entry: for re-checks. */
    public static double[][] refinedJacobian(java.util.function.Function<double[], double[]> f, double[] x, int m) {
        double[][] out = new double[x.length][m];
        for (int j = 0; j < m; j++) {
            final int jj = j;
            double[] g = refinedGradient(xs -> f.apply(xs)[jj], x);
            for (int k = 0; k < x.length; k++) out[k][j] = g[k];
        }
        return out;
    }

    private static double[] centralVector(java.util.function.Function<double[], double[]> f, double[] p, int i, double h) {
        double xi = p[i];
        double up = xi + h, down = xi - h;
        p[i] = up;
        double[] fu = f.apply(p).clone();
        p[i] = down;
        double[] fd = f.apply(p).clone();
        p[i] = xi;
        double[] out = new double[fu.length];
        for (int j = 0; j < out.length; j++) out[j] = (fu[j] - fd[j]) / (up - down);
        return out;
    }

    /** (f(x + h e_i) - f(x - h e_i)) / (actual step), leaving p as it was. */
    private static double central(ToDoubleFunction<double[]> f, double[] p, int i, double h) {
        double xi = p[i];
        double up = xi + h, down = xi - h;
        p[i] = up;
        double fu = f.applyAsDouble(p);
        p[i] = down;
        double fd = f.applyAsDouble(p);
        p[i] = xi;
        return (fu - fd) / (up - down);
    }

    /** The derivative of a function of one variable. */
    public static double derivative(java.util.function.DoubleUnaryOperator f, double x) {
        double h = step(x);
        double up = x + h, down = x - h;
        return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (up - down);
    }

    /**
     * The gradient of a compiled scalar expression with respect to the symbol {@code symbol}
     * at the point {@code env}: a value of the symbol's shape (number, vector or matrix).
     */
    public static Value gradient(Compiled f, Env env, String symbol) {
        Value at = env.get(symbol);
        if (at == null) throw new EvaluationException("no value for " + symbol + " to differentiate at");
        double[] g = gradient(f.asFunctionOf(env, symbol), at.flatten());
        return at.unflatten(g);
    }

    /** Compares an expected value (say, an analytic gradient) with an actual one (say, from differences). */
    public static Comparison compare(Value expected, Value actual) { return Comparison.of(expected, actual); }

    public static Comparison compare(double[] expected, double[] actual) { return Comparison.of(expected, actual); }
}
