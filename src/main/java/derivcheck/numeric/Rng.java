package derivcheck.numeric;

import java.nio.charset.StandardCharsets;
import java.util.function.DoubleSupplier;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Seeded, reproducible draws for numeric checks (Well19937c). Every draw that is symmetric
 * about 0 keeps at least {@link #SWITCH_GAP} away from 0, and {@link #awayFrom} keeps any
 * draw away from given switch points, so that sign, abs, relu, max and piecewise guards are
 * never sampled at (or within a finite-difference step of) their kinks.
 *
 * <p>For a spec-aware sampler: {@link #fork(String)} gives an independent stream per name, so
 * the draw of one symbol does not change when another symbol is added.
 */
public final class Rng {
    /** Minimum distance of a draw from a switch point (well above the finite-difference step). */
    public static final double SWITCH_GAP = 1e-3;
    /** Relative margin kept from an open finite end of an interval. */
    public static final double EDGE_MARGIN = 1e-3;

    private final long seed;
    private final RandomGenerator gen;

    public Rng(long seed) {
        this.seed = seed;
        this.gen = new Well19937c(seed);
    }

    public long seed() { return seed; }

    /** The underlying generator (for Commons Math distributions). */
    public RandomGenerator generator() { return gen; }

    /** An independent stream determined by this seed and the label alone. */
    public Rng fork(String label) {
        long h = seed;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) h = mix(h ^ (b & 0xff));
        return new Rng(mix(h + 0x9E3779B97F4A7C15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ scalars

    /** Uniform in (0, 1), never 0. */
    public double uniform() {
        double u;
        do { u = gen.nextDouble(); } while (u == 0.0);
        return u;
    }

    /** Uniform in the open interval (lo, hi). */
    public double uniform(double lo, double hi) {
        double x;
        do { x = lo + (hi - lo) * uniform(); } while (!(x > lo && x < hi));
        return x;
    }

    public double normal() { return gen.nextGaussian(); }

    public double normal(double mean, double sd) { return mean + sd * gen.nextGaussian(); }

    /** A standard normal draw with |x| >= {@link #SWITCH_GAP}. */
    public double nonzero() { return awayFrom(this::normal, 0.0); }

    /** A draw from {@code (0, inf)}: log-uniform in [0.1, 3]. */
    public double positive() { return in(Interval.POSITIVE); }

    /** An integer in lo..hi (inclusive). */
    public int integer(int lo, int hi) {
        if (hi < lo) throw new IllegalArgumentException("empty range " + lo + ".." + hi);
        return lo + gen.nextInt(hi - lo + 1);
    }

    /**
     * A draw from an interval. Finite ends: uniform, kept {@link #EDGE_MARGIN}·width away from
     * an open end. One infinite end: the finite end plus (or minus) a log-uniform draw in
     * [0.1, 3]. The whole line: standard normal, away from 0.
     */
    public double in(Interval iv) {
        double lo = iv.lo(), hi = iv.hi();
        boolean fl = Double.isFinite(lo), fh = Double.isFinite(hi);
        if (fl && fh) {
            if (lo == hi) return lo;
            double w = hi - lo;
            double a = iv.loOpen() ? lo + EDGE_MARGIN * w : lo;
            double b = iv.hiOpen() ? hi - EDGE_MARGIN * w : hi;
            return a + (b - a) * gen.nextDouble();
        }
        if (fl) return lo + offset();
        if (fh) return hi - offset();
        return nonzero();
    }

    /** A draw from an interval, kept {@link #SWITCH_GAP} away from each switch point. */
    public double in(Interval iv, double... switchPoints) { return awayFrom(() -> in(iv), switchPoints); }

    private double offset() { return Math.exp(uniform(Math.log(0.1), Math.log(3))); }

    /** Redraws until the value is at least {@link #SWITCH_GAP} from every switch point (at most 1000 tries). */
    public double awayFrom(DoubleSupplier draw, double... switchPoints) {
        for (int tries = 0; tries < 1000; tries++) {
            double x = draw.getAsDouble();
            boolean ok = true;
            for (double p : switchPoints) {
                if (Math.abs(x - p) < SWITCH_GAP) { ok = false; break; }
            }
            if (ok) return x;
        }
        throw new IllegalStateException("could not draw away from the switch points");
    }

    // ------------------------------------------------------------------ vectors

    /** Standard normal entries, each away from 0. */
    public RealVector vector(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = nonzero();
        return new ArrayRealVector(d, false);
    }

    /** Entries drawn independently from an interval. */
    public RealVector vector(int n, Interval iv) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = in(iv);
        return new ArrayRealVector(d, false);
    }

    /** Uniform on the unit sphere. */
    public RealVector unitVector(int n) {
        if (n < 1) throw new IllegalArgumentException("no unit vector in R^" + n);
        while (true) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = normal();
            RealVector v = new ArrayRealVector(d, false);
            double norm = v.getNorm();
            if (norm > 1e-6) return v.mapDivideToSelf(norm);
        }
    }

    /** A uniformly random direction scaled to the given norm. */
    public RealVector vectorOfNorm(int n, double norm) { return unitVector(n).mapMultiplyToSelf(norm); }

    /**
     * A random vector orthogonal to v (standard normal, projected; v may be 0). Needs n >= 2
     * when v is nonzero.
     */
    public RealVector orthogonalTo(RealVector v) {
        int n = v.getDimension();
        double vv = v.dotProduct(v);
        if (vv > 0 && n < 2) throw new IllegalArgumentException("no nonzero vector is orthogonal to a nonzero number");
        while (true) {
            RealVector z = vector(n);
            RealVector w = vv == 0 ? z : z.subtract(v.mapMultiply(z.dotProduct(v) / vv));
            if (vv > 0) w = w.subtract(v.mapMultiply(w.dotProduct(v) / vv)); // second pass for accuracy
            if (w.getNorm() > 1e-3 * z.getNorm()) return w;
        }
    }

    /** A unit vector orthogonal to v. */
    public RealVector unitOrthogonalTo(RealVector v) {
        RealVector w = orthogonalTo(v);
        return w.mapDivideToSelf(w.getNorm());
    }

    /**
     * A value of a declared shape at concrete sizes, entries drawn independently from an
     * interval (away from 0 when the interval is the whole line).
     */
    public Value value(derivcheck.expr.Shape shape, java.util.Map<String, Integer> sizes, Interval iv) {
        if (shape.isScalar()) return Value.of(in(iv));
        int r = Ops.dim(shape.rows(), sizes);
        if (shape.isVector()) return Value.of(vector(r, iv));
        int c = Ops.dim(shape.cols(), sizes);
        double[][] d = new double[r][c];
        for (double[] row : d) for (int j = 0; j < c; j++) row[j] = in(iv);
        return Value.of(new Array2DRowRealMatrix(d, false));
    }

    // ------------------------------------------------------------------ matrices

    /** Standard normal entries, each away from 0. */
    public RealMatrix matrix(int rows, int cols) {
        double[][] d = new double[rows][cols];
        for (double[] row : d) for (int j = 0; j < cols; j++) row[j] = nonzero();
        return new Array2DRowRealMatrix(d, false);
    }

    /** A symmetric matrix with standard normal entries on and above the diagonal. */
    public RealMatrix symmetric(int n) {
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) d[i][j] = d[j][i] = nonzero();
        return new Array2DRowRealMatrix(d, false);
    }

    /** A random orthogonal matrix (Q of the QR decomposition of a Gaussian matrix, sign-fixed). */
    public RealMatrix orthogonal(int n) {
        QRDecomposition qr = new QRDecomposition(matrix(n, n));
        RealMatrix q = qr.getQ().copy();
        RealMatrix r = qr.getR();
        for (int j = 0; j < n; j++) {
            if (r.getEntry(j, j) < 0) q.setColumnVector(j, q.getColumnVector(j).mapMultiply(-1));
        }
        return q;
    }

    /** A symmetric positive-definite matrix Q diag(lambda) Q' with eigenvalues uniform in [0.5, 2]. */
    public RealMatrix spd(int n) { return spd(n, 0.5, 2.0); }

    /** A symmetric positive-definite matrix with eigenvalues uniform in [minEig, maxEig] (minEig > 0). */
    public RealMatrix spd(int n, double minEig, double maxEig) {
        if (!(minEig > 0) || maxEig < minEig) throw new IllegalArgumentException("need 0 < minEig <= maxEig");
        RealMatrix q = orthogonal(n);
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) lambda[i] = minEig + (maxEig - minEig) * gen.nextDouble();
        RealMatrix a = q.multiply(MatrixUtils.createRealDiagonalMatrix(lambda)).multiply(q.transpose());
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0.5 * (a.getEntry(i, j) + a.getEntry(j, i));
                a.setEntry(i, j, s);
                a.setEntry(j, i, s);
            }
        }
        return a;
    }
}
