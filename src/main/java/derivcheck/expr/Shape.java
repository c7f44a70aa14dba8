package derivcheck.expr;

/**
 * The shape of a value: a scalar, a column vector of n entries, or an m-by-n matrix.
 * A transposed vector is the 1-by-n matrix; a 1-by-1 product is a scalar again.
 */
public sealed interface Shape {
    Scalar SCALAR = new Scalar();

    record Scalar() implements Shape {
        @Override public String toString() { return "real"; }
    }

    record Vector(Dim n) implements Shape {
        @Override public String toString() { return "vector[" + n + "]"; }
    }

    record Matrix(Dim rows, Dim cols) implements Shape {
        @Override public String toString() { return "matrix[" + rows + "," + cols + "]"; }
    }

    default boolean isScalar() { return this instanceof Scalar; }
    default boolean isVector() { return this instanceof Vector; }
    default boolean isMatrix() { return this instanceof Matrix; }

    /** Rows when seen as a matrix (a vector is a column). */
    default Dim rows() {
        if (this instanceof Vector v) return v.n();
        if (this instanceof Matrix m) return m.rows();
        return Dim.ONE;
    }

    /** Columns when seen as a matrix. */
    default Dim cols() {
        if (this instanceof Matrix m) return m.cols();
        return Dim.ONE;
    }

    /** Normalizes an r-by-c result: 1x1 is a scalar, r-by-1 a vector. */
    static Shape of(Dim rows, Dim cols) {
        if (cols.equals(Dim.ONE) && rows.equals(Dim.ONE)) return SCALAR;
        if (cols.equals(Dim.ONE)) return new Vector(rows);
        return new Matrix(rows, cols);
    }
}
