package derivcheck.numeric;

import derivcheck.expr.NormKind;
import derivcheck.expr.RelOp;
import derivcheck.expr.Shape;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/** Arithmetic on {@link Value}s: a vector is a column, a row vector a 1-by-n matrix. */
final class Ops {
    private Ops() {}

    static Value add(Value a, Value b) {
        if (a instanceof Value.Real x && b instanceof Value.Real y) return new Value.Real(x.value() + y.value());
        if (a instanceof Value.Vec x && b instanceof Value.Vec y) {
            checkSame(x.size(), y.size(), "add");
            return new Value.Vec(x.vector().add(y.vector()));
        }
        RealMatrix x = a.asMatrix(), y = b.asMatrix();
        if (x.getRowDimension() != y.getRowDimension() || x.getColumnDimension() != y.getColumnDimension()) {
            throw new EvaluationException("cannot add a " + a.describe() + " and a " + b.describe());
        }
        return new Value.Mat(x.add(y));
    }

    static Value scale(double c, Value a) {
        if (c == 1.0) return a;
        if (a instanceof Value.Real x) return new Value.Real(c * x.value());
        if (a instanceof Value.Vec x) return new Value.Vec(x.vector().mapMultiply(c));
        return new Value.Mat(((Value.Mat) a).matrix().scalarMultiply(c));
    }

    /** The matrix product (a vector being a column); numbers scale. */
    static Value times(Value a, Value b) {
        if (a instanceof Value.Real x) return scale(x.value(), b);
        if (b instanceof Value.Real y) return scale(y.value(), a);
        if (a instanceof Value.Mat m && b instanceof Value.Vec v) {
            checkSame(m.matrix().getColumnDimension(), v.size(), "multiply");
            return new Value.Vec(m.matrix().operate(v.vector()));
        }
        if (a instanceof Value.Vec v && b instanceof Value.Mat m && m.matrix().getRowDimension() == 1) {
            return new Value.Mat(v.vector().outerProduct(m.matrix().getRowVector(0)));
        }
        RealMatrix x = a.asMatrix(), y = b.asMatrix();
        if (x.getColumnDimension() != y.getRowDimension()) {
            throw new EvaluationException("cannot multiply a " + a.describe() + " by a " + b.describe());
        }
        return new Value.Mat(x.multiply(y));
    }

    /** Brings a value to the representation of its static shape (1x1 to a number, n-by-1 to a vector). */
    static Value normalize(Value v, Shape shape) {
        if (shape.isScalar()) return v instanceof Value.Real ? v : new Value.Real(v.asDouble());
        if (shape.isVector()) return v instanceof Value.Vec ? v : new Value.Vec(v.asVector());
        return v instanceof Value.Mat ? v : new Value.Mat(v.asMatrix());
    }

    static Value transpose(Value a, Shape result) {
        if (a instanceof Value.Real) return a;
        if (a instanceof Value.Vec v) {
            RealMatrix row = new Array2DRowRealMatrix(1, v.size());
            row.setRow(0, v.vector().toArray());
            return normalize(new Value.Mat(row), result);
        }
        return normalize(new Value.Mat(((Value.Mat) a).matrix().transpose()), result);
    }

    /** The inverse; a singular matrix gives a matrix of NaN. */
    static Value inverse(Value a) {
        RealMatrix m = a.asMatrix();
        if (m.getRowDimension() != m.getColumnDimension()) throw new EvaluationException("cannot invert a " + a.describe());
        DecompositionSolver s = new LUDecomposition(m).getSolver();
        if (!s.isNonSingular()) return new Value.Mat(filled(m.getRowDimension(), m.getColumnDimension(), Double.NaN));
        return new Value.Mat(s.getInverse());
    }

    /** A square matrix to an integer power (negative: a power of the inverse; 0: the identity). */
    static Value power(Value a, double k) {
        int p = integer(k, "a matrix power");
        RealMatrix m = a.asMatrix();
        if (m.getRowDimension() != m.getColumnDimension()) throw new EvaluationException("cannot raise a " + a.describe() + " to a power");
        if (p < 0) {
            m = inverse(a).asMatrix();
            p = -p;
        }
        return new Value.Mat(m.power(p));
    }

    /** Sum of entrywise products of two values of one shape. */
    static double inner(Value a, Value b) {
        if (a instanceof Value.Vec x && b instanceof Value.Vec y) {
            checkSame(x.size(), y.size(), "take the inner product of");
            return x.vector().dotProduct(y.vector());
        }
        double[] x = a.flatten(), y = b.flatten();
        checkSame(x.length, y.length, "take the inner product of");
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    /** Norms are entrywise: L2 of a matrix is its Frobenius norm, L1 the sum and LINF the max of |entries|. */
    static double norm(Value a, NormKind kind) {
        if (a instanceof Value.Real r) return Math.abs(r.value());
        double[] x = a.flatten();
        switch (kind) {
            case L1: {
                double s = 0;
                for (double d : x) s += Math.abs(d);
                return s;
            }
            case LINF: {
                double s = 0;
                for (double d : x) {
                    if (Double.isNaN(d)) return Double.NaN;
                    s = Math.max(s, Math.abs(d));
                }
                return s;
            }
            default: {
                double s = 0;
                for (double d : x) s += d * d;
                return Math.sqrt(s);
            }
        }
    }

    static Value map(Value a, DoubleUnaryOperator f) {
        if (a instanceof Value.Real r) return new Value.Real(f.applyAsDouble(r.value()));
        if (a instanceof Value.Vec v) {
            double[] d = v.vector().toArray();
            for (int i = 0; i < d.length; i++) d[i] = f.applyAsDouble(d[i]);
            return new Value.Vec(new ArrayRealVector(d, false));
        }
        double[][] d = ((Value.Mat) a).matrix().getData();
        for (double[] row : d) for (int j = 0; j < row.length; j++) row[j] = f.applyAsDouble(row[j]);
        return new Value.Mat(new Array2DRowRealMatrix(d, false));
    }

    /** Entrywise binary operation; a number on either side is broadcast. */
    static Value zip(Value a, Value b, DoubleBinaryOperator op) {
        if (a instanceof Value.Real x && b instanceof Value.Real y) return new Value.Real(op.applyAsDouble(x.value(), y.value()));
        if (b instanceof Value.Real y) return map(a, t -> op.applyAsDouble(t, y.value()));
        if (a instanceof Value.Real x) return map(b, t -> op.applyAsDouble(x.value(), t));
        double[] x = a.flatten(), y = b.flatten();
        checkSame(x.length, y.length, "combine");
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = op.applyAsDouble(x[i], y[i]);
        return a.unflatten(out);
    }

    /** Whether the relation holds for every entry (a number on the right is broadcast). */
    static boolean holds(RelOp op, Value a, Value b) {
        if (a instanceof Value.Real x && b instanceof Value.Real y) return op.holds(x.value(), y.value());
        double[] x = a.flatten();
        if (b instanceof Value.Real y) {
            for (double d : x) if (!op.holds(d, y.value())) return false;
            return true;
        }
        double[] y = b.flatten();
        checkSame(x.length, y.length, "compare");
        for (int i = 0; i < x.length; i++) if (!op.holds(x[i], y[i])) return false;
        return true;
    }

    static Value identity(int n) { return new Value.Mat(MatrixUtils.createRealIdentityMatrix(n)); }

    /** A value of a static shape, all entries {@code x}, at concrete sizes. */
    static Value filled(Shape shape, Map<String, Integer> sizes, double x) {
        if (shape.isScalar()) return new Value.Real(x);
        int r = dim(shape.rows(), sizes);
        if (shape.isVector()) {
            double[] d = new double[r];
            java.util.Arrays.fill(d, x);
            return new Value.Vec(new ArrayRealVector(d, false));
        }
        return new Value.Mat(filled(r, dim(shape.cols(), sizes), x));
    }

    static RealMatrix filled(int r, int c, double x) {
        double[][] d = new double[r][c];
        if (x != 0) for (double[] row : d) java.util.Arrays.fill(row, x);
        return new Array2DRowRealMatrix(d, false);
    }

    static int dim(derivcheck.expr.Dim d, Map<String, Integer> sizes) {
        try {
            return d.evaluate(sizes);
        } catch (IllegalArgumentException e) {
            throw new EvaluationException(e.getMessage());
        }
    }

    /** A double that must be an integer (within 1e-9). */
    static int integer(double x, String what) {
        double r = Math.rint(x);
        if (!(Math.abs(x - r) <= 1e-9) || Math.abs(r) > Integer.MAX_VALUE) {
            throw new EvaluationException(what + " must be an integer, not " + x);
        }
        return (int) r;
    }

    /** A 1-based index checked against 1..n, returned 0-based. */
    static int index(double x, int n) {
        int k = integer(x, "an index");
        if (k < 1 || k > n) throw new EvaluationException("index " + k + " is out of range 1.." + n);
        return k - 1;
    }

    private static void checkSame(int a, int b, String what) {
        if (a != b) throw new EvaluationException("cannot " + what + " values of sizes " + a + " and " + b);
    }

    static RealVector vec(Value v) { return v.asVector(); }
}
