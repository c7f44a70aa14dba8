package derivcheck.numeric;

import derivcheck.expr.Builtin;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;

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
            default -> throw new IllegalArgumentException(b.spelling() + " is not an entrywise function");
        };
    }

    /** 1/(1+e^-x), computed without overflow. */
    public static double sigmoid(double x) {
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** log(p/(1-p)); NaN outside [0,1], -inf at 0 and +inf at 1. */
    public static double logit(double p) {
        if (!(p >= 0 && p <= 1)) return Double.NaN;
        return Math.log(p) - Math.log1p(-p);
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
    static double reduce(Value a, boolean max) {
        double[] x = a.flatten();
        if (x.length == 0) throw new EvaluationException((max ? "max" : "min") + " of an empty vector");
        double r = x[0];
        for (double d : x) r = max ? Math.max(r, d) : Math.min(r, d);
        return r;
    }
}
