package derivcheck.judge;

import java.util.Arrays;

/**
 * A concrete value in some arithmetic: rows-by-cols entries, row-major. A scalar is 1x1 with
 * {@code kind} SCALAR, a column vector n x 1, a transposed vector 1 x n.
 */
final class Block<T> {
    enum Kind { SCALAR, VECTOR, MATRIX }

    final Kind kind;
    final int rows, cols;
    final Object[] data;

    Block(Kind kind, int rows, int cols, Object[] data) {
        this.kind = kind;
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    static <T> Block<T> scalar(T x) { return new Block<>(Kind.SCALAR, 1, 1, new Object[] {x}); }

    static <T> Block<T> of(int rows, int cols, Object[] data) {
        Kind k = rows == 1 && cols == 1 ? Kind.SCALAR : cols == 1 ? Kind.VECTOR : Kind.MATRIX;
        return new Block<>(k, rows, cols, data);
    }

    boolean isScalar() { return kind == Kind.SCALAR; }

    int size() { return data.length; }

    @SuppressWarnings("unchecked")
    T at(int i) { return (T) data[i]; }

    @SuppressWarnings("unchecked")
    T at(int r, int c) { return (T) data[r * cols + c]; }

    T scalarValue() {
        if (data.length != 1) throw new Decline("a " + rows + "x" + cols + " value where a scalar is needed");
        return at(0);
    }

    @Override public String toString() { return rows + "x" + cols + Arrays.toString(data); }
}
