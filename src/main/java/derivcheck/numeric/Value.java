package derivcheck.numeric;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A concrete value: a real number, a column vector or a matrix. A row vector (the transpose of
 * a vector) is a 1-by-n {@link Mat}. Values are treated as immutable: nothing in this package
 * writes into a vector or matrix it did not create.
 */
public sealed interface Value {

    /** A real number. */
    record Real(double value) implements Value {
        @Override public int size() { return 1; }
        @Override public double[] flatten() { return new double[] {value}; }
        @Override public String toString() { return Double.toString(value); }
    }

    /** A column vector. */
    record Vec(RealVector vector) implements Value {
        public Vec {
            if (vector == null) throw new IllegalArgumentException("null vector");
        }
        @Override public int size() { return vector.getDimension(); }
        @Override public double[] flatten() { return vector.toArray(); }
        @Override public String toString() { return Arrays.toString(vector.toArray()); }
        @Override public boolean equals(Object o) { return o instanceof Vec v && vector.equals(v.vector); }
        @Override public int hashCode() { return vector.hashCode(); }
    }

    /** A matrix (also a 1-by-n row). */
    record Mat(RealMatrix matrix) implements Value {
        public Mat {
            if (matrix == null) throw new IllegalArgumentException("null matrix");
        }
        @Override public int size() { return matrix.getRowDimension() * matrix.getColumnDimension(); }
        /** Row-major. */
        @Override public double[] flatten() {
            int r = matrix.getRowDimension(), c = matrix.getColumnDimension();
            double[] out = new double[derivcheck.limits.InputLimits.entries(r, c)];
            for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[i * c + j] = matrix.getEntry(i, j);
            return out;
        }
        @Override public String toString() { return Arrays.deepToString(matrix.getData()); }
        @Override public boolean equals(Object o) { return o instanceof Mat m && matrix.equals(m.matrix); }
        @Override public int hashCode() { return matrix.hashCode(); }
    }

    static Value of(double x) { return new Real(x); }

    /** A vector (the array is copied). */
    static Value vector(double... entries) { return new Vec(new ArrayRealVector(entries, true)); }

    static Value of(RealVector v) { return new Vec(v); }

    static Value of(RealMatrix m) { return new Mat(m); }

    /** A matrix from rows (copied). */
    static Value matrix(double[][] rows) { return new Mat(new Array2DRowRealMatrix(rows, true)); }

    /** Number of entries. */
    int size();

    /** Rows of a matrix (the length of a vector, 1 for a number). */
    default int rows() { return this instanceof Mat m ? m.matrix().getRowDimension() : size(); }

    /** Columns of a matrix (1 for a vector or a number). */
    default int cols() { return this instanceof Mat m ? m.matrix().getColumnDimension() : 1; }

    /** The entries; a matrix row by row. A fresh array. */
    double[] flatten();

    /** A value of the same kind and size as this one, filled from {@code entries} (row-major). */
    default Value unflatten(double[] entries) {
        if (entries.length != size()) {
            throw new IllegalArgumentException("need " + size() + " entries, got " + entries.length);
        }
        if (this instanceof Real) return new Real(entries[0]);
        if (this instanceof Vec) return new Vec(new ArrayRealVector(entries, true));
        RealMatrix m = ((Mat) this).matrix;
        int r = m.getRowDimension(), c = m.getColumnDimension();
        double[][] d = new double[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(entries, i * c, d[i], 0, c);
        return new Mat(new Array2DRowRealMatrix(d, false));
    }

    default boolean isReal() { return this instanceof Real; }

    /** The number, or the single entry of a 1-entry vector or matrix. */
    default double asDouble() {
        if (this instanceof Real r) return r.value;
        if (size() == 1) return flatten()[0];
        throw new EvaluationException("expected a number, got a value with " + size() + " entries");
    }

    /** This value as a vector: a vector itself, or a matrix with one column or one row. */
    default RealVector asVector() {
        if (this instanceof Vec v) return v.vector;
        if (this instanceof Mat m && m.matrix.getColumnDimension() == 1) return m.matrix.getColumnVector(0);
        if (this instanceof Mat m && m.matrix.getRowDimension() == 1) return m.matrix.getRowVector(0);
        if (this instanceof Real r) return new ArrayRealVector(new double[] {r.value}, false);
        throw new EvaluationException("expected a vector, got a " + describe());
    }

    /** This value as a matrix; a vector is a column, a number is 1-by-1. */
    default RealMatrix asMatrix() {
        if (this instanceof Mat m) return m.matrix;
        if (this instanceof Vec v) {
            int n = v.vector.getDimension();
            double[][] d = new double[n][1];
            for (int i = 0; i < n; i++) d[i][0] = v.vector.getEntry(i);
            return new Array2DRowRealMatrix(d, false);
        }
        return new Array2DRowRealMatrix(new double[][] {{((Real) this).value}}, false);
    }

    /** True when no entry is NaN or infinite. */
    default boolean isFinite() {
        if (this instanceof Real r) return Double.isFinite(r.value);
        for (double d : flatten()) if (!Double.isFinite(d)) return false;
        return true;
    }

    /** "number", "vector[3]" or "matrix[2,3]". */
    default String describe() {
        if (this instanceof Real) return "number";
        if (this instanceof Vec v) return "vector[" + v.vector.getDimension() + "]";
        RealMatrix m = ((Mat) this).matrix;
        return "matrix[" + m.getRowDimension() + "," + m.getColumnDimension() + "]";
    }
}
