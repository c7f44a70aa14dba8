package derivcheck.numeric;

import derivcheck.expr.Builtin;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Numeric meaning of the built-in functions. Outside a function's domain the result is NaN
 * (log and sqrt of a negative, logit outside [0,1]), as with {@link Math}.
 */
public final class Builtins {
    private Builtins() {}

    /** The scalar function behind an entrywise built-in. */
    public static DoubleUnaryOperator scalar(Builtin b) {
        return switch (b) {
            case LOG -> Math::log;
            case EXP -> Math::exp;
            case SQRT -> Math::sqrt;
            case SIGN -> Math::signum;
            case ABS -> Math::abs;
            case SIGMOID -> Builtins::sigmoid;
            case LOGIT -> Builtins::logit;
            case TANH -> Math::tanh;
            case RELU -> x -> x > 0 ? x : (x <= 0 ? 0.0 : x); // NaN stays NaN
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case COSH -> Math::cosh;
            case SINH -> Math::sinh;
            case TAN -> Math::tan;
            case ATAN -> Math::atan;
            case SOFTPLUS -> Builtins::softplus;
            case LOG1P -> Math::log1p; // NaN below -1, as log
            case ERF -> Builtins::erf;
            case NORMCDF -> Builtins::normcdf;
            case NORMPDF -> x -> Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
            default -> throw new IllegalArgumentException(b.spelling() + " is not an entrywise function");
        };
    }

    /** 1/(1+e^-x), computed without overflow. */
    public static double sigmoid(double x) {
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** log(1 + e^x), computed without overflow: max(x, 0) + log1p(e^-|x|). */
    public static double softplus(double x) {
        if (Double.isNaN(x)) return x;
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** The error function (Commons Math). */
    public static double erf(double x) {
        if (Double.isNaN(x)) return x;
        return org.apache.commons.math3.special.Erf.erf(x);
    }

    /** The standard Gaussian CDF, erfc(-x/sqrt 2)/2 (accurate in the lower tail too). */
    public static double normcdf(double x) {
        if (Double.isNaN(x)) return x;
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-x / Math.sqrt(2));
    }

    /** log(sum e^x_i), shifted by the maximum for stability. */
    static double logSumExp(Value a) {
        double[] x = a.flatten();
        double m = Double.NEGATIVE_INFINITY;
        for (double d : x) m = Math.max(m, d);
        if (Double.isNaN(m) || Double.isInfinite(m)) return m;
        double s = 0;
        for (double d : x) s += Math.exp(d - m);
        return m + Math.log(s);
    }

    /** log(p/(1-p)); NaN outside [0,1], -inf at 0 and +inf at 1. */
    public static double logit(double p) {
        if (!(p >= 0 && p <= 1)) return Double.NaN;
        return Math.log(p) - Math.log1p(-p);
    }

    /** diag(v): the square matrix with v on its diagonal. */
    static Value diag(Value a) {
        double[] x = a.asVector().toArray();
        return new Value.Mat(org.apache.commons.math3.linear.MatrixUtils.createRealDiagonalMatrix(x));
    }

    /** softmax, shifted by the maximum for stability. */
    static Value softmax(Value a) {
        double[] x = a.asVector().toArray();
        double m = Double.NEGATIVE_INFINITY;
        for (double d : x) m = Math.max(m, d);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(x[i] - m);
            s += x[i];
        }
        for (int i = 0; i < x.length; i++) x[i] /= s;
        return new Value.Vec(new ArrayRealVector(x, false));
    }

    static double sum(Value a) {
        if (a instanceof Value.Real r) return r.value();
        double s = 0;
        for (double d : a.flatten()) s += d;
        return s;
    }

    static double trace(Value a) {
        RealMatrix m = a.asMatrix();
        if (m.getRowDimension() != m.getColumnDimension()) throw new EvaluationException("trace of a " + a.describe());
        return m.getTrace();
    }

    /** The largest (max) or smallest entry; NaN if any entry is NaN. */
    /** The 1-based index of the largest entry, the first of several that tie; NaN when an entry is NaN. */
    static double argmax(Value a) {
        double[] x = a.flatten();
        if (x.length == 0) throw new EvaluationException("argmax of an empty vector");
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) return Double.NaN;
            if (x[i] > x[k]) k = i;
        }
        return k + 1;
    }

    static double reduce(Value a, boolean max) {
        double[] x = a.flatten();
        if (x.length == 0) throw new EvaluationException((max ? "max" : "min") + " of an empty vector");
        double r = x[0];
        for (double d : x) r = max ? Math.max(r, d) : Math.min(r, d);
        return r;
    }

    /**
     * sv(X): the singular values of X (m x n) in descending order, a vector of n entries; when
     * m < n the last n - m are 0. NaN entries give a vector of NaN.
     */
    static Value singularValues(Value a) {
        RealMatrix x = a.asMatrix();
        int n = x.getColumnDimension();
        double[] out = new double[n];
        if (!allFinite(x)) {
            java.util.Arrays.fill(out, Double.NaN);
        } else {
            double[] s = new SingularValueDecomposition(x).getSingularValues(); // min(m, n), descending
            System.arraycopy(s, 0, out, 0, Math.min(s.length, n));
        }
        return new Value.Vec(new ArrayRealVector(out, false));
    }

    /**
     * lowrank(X, r): the best rank-r approximation of X in the Frobenius (and spectral) norm,
     * U_r diag(s_1..s_r) V_r' (Eckart-Young); X itself when r >= min(m, n). r must be a positive
     * integer. NaN entries give a matrix of NaN.
     */
    static Value lowRank(Value a, double rank) {
        int r = Ops.integer(rank, "the rank of lowrank(X, r)");
        if (r < 1) throw new EvaluationException("the rank of lowrank(X, r) must be at least 1, not " + r);
        RealMatrix x = a.asMatrix();
        int m = x.getRowDimension(), n = x.getColumnDimension();
        if (!allFinite(x)) {
            RealMatrix nan = x.createMatrix(m, n);
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) nan.setEntry(i, j, Double.NaN);
            return new Value.Mat(nan);
        }
        if (r >= Math.min(m, n)) return new Value.Mat(x.copy());
        SingularValueDecomposition svd = new SingularValueDecomposition(x);
        double[] s = svd.getSingularValues();
        RealMatrix u = svd.getU(), v = svd.getV();
        RealMatrix out = x.createMatrix(m, n);
        for (int k = 0; k < r; k++) {
            for (int i = 0; i < m; i++) {
                double us = u.getEntry(i, k) * s[k];
                if (us == 0) continue;
                for (int j = 0; j < n; j++) out.addToEntry(i, j, us * v.getEntry(j, k));
            }
        }
        return new Value.Mat(out);
    }

    private static boolean allFinite(RealMatrix x) {
        for (int i = 0; i < x.getRowDimension(); i++) {
            for (int j = 0; j < x.getColumnDimension(); j++) if (!Double.isFinite(x.getEntry(i, j))) return false;
        }
        return true;
    }
}
