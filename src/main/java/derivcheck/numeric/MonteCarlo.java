package derivcheck.numeric;

import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Monte Carlo estimates of E[f] and Var[f] with standard errors. Samples come from a supplier
 * (typically a closure that draws with a seeded {@link Rng} and evaluates a {@link Compiled}).
 * A check fails only when |z| > {@link #Z_LIMIT} = 5: with a dozen checks per problem the
 * chance of a false alarm is about 1e-5.
 */
public final class MonteCarlo {
    public static final double Z_LIMIT = 5.0;

    private MonteCarlo() {}

    /** E[f] by the sample mean; standard error s/sqrt(n). NaN samples make the estimate NaN. */
    public static Estimate mean(int n, DoubleSupplier sample) { return mean(draw(n, sample)); }

    public static Estimate mean(double[] x) {
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("need at least 2 samples");
        double m = mean0(x);
        double ss = 0;
        for (double d : x) ss += (d - m) * (d - m);
        double var = ss / (n - 1);
        return new Estimate(m, Math.sqrt(var / n), n);
    }

    /**
     * Var[f] by the unbiased sample variance; standard error from the fourth central moment,
     * sqrt((m4 - s^4 (n-3)/(n-1)) / n).
     */
    public static Estimate variance(int n, DoubleSupplier sample) { return variance(draw(n, sample)); }

    public static Estimate variance(double[] x) {
        int n = x.length;
        if (n < 4) throw new IllegalArgumentException("need at least 4 samples");
        double m = mean0(x);
        double m2 = 0, m4 = 0;
        for (double d : x) {
            double c = (d - m) * (d - m);
            m2 += c;
            m4 += c * c;
        }
        m4 /= n;
        double s2 = m2 / (n - 1);
        double v = (m4 - s2 * s2 * (n - 3.0) / (n - 1.0)) / n;
        return new Estimate(s2, Math.sqrt(Math.max(v, 0)), n);
    }

    /** Entrywise E[f] of a vector-valued sample. */
    public static Estimate[] meanEach(int n, Supplier<double[]> sample) {
        double[][] cols = columns(n, sample);
        Estimate[] out = new Estimate[cols.length];
        for (int k = 0; k < cols.length; k++) out[k] = mean(cols[k]);
        return out;
    }

    /** Entrywise Var[f] of a vector-valued sample. */
    public static Estimate[] varianceEach(int n, Supplier<double[]> sample) {
        double[][] cols = columns(n, sample);
        Estimate[] out = new Estimate[cols.length];
        for (int k = 0; k < cols.length; k++) out[k] = variance(cols[k]);
        return out;
    }

    /** The z-score of an estimate against a claimed value. */
    public static double zScore(Estimate e, double expected) { return e.zScore(expected); }

    /** True unless |z| > 5. */
    public static boolean agrees(Estimate e, double expected) { return e.agreesWith(expected); }

    private static double[] draw(int n, DoubleSupplier sample) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = sample.getAsDouble();
        return x;
    }

    private static double[][] columns(int n, Supplier<double[]> sample) {
        double[][] cols = null;
        for (int i = 0; i < n; i++) {
            double[] s = sample.get();
            if (cols == null) cols = new double[s.length][n];
            if (s.length != cols.length) throw new IllegalArgumentException("samples of different sizes");
            for (int k = 0; k < s.length; k++) cols[k][i] = s[k];
        }
        if (cols == null) throw new IllegalArgumentException("need samples");
        return cols;
    }

    private static double mean0(double[] x) {
        double s = 0;
        for (double d : x) s += d;
        double m = s / x.length;
        double c = 0; // one correction pass
        for (double d : x) c += d - m;
        return m + c / x.length;
    }
}
