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
