package derivcheck.judge;

import derivcheck.numeric.Value;
import java.util.function.ToDoubleFunction;

/** Conversions between the judge's blocks and the numeric package's values (through Value's own API: only numeric imports Commons Math). */
final class Values {
    private Values() {}

    static <T> Value toValue(Block<T> b, ToDoubleFunction<T> d) {
        double[] x = new double[b.size()];
        for (int i = 0; i < x.length; i++) x[i] = d.applyAsDouble(b.at(i));
        if (b.isScalar()) return new Value.Real(x[0]);
        if (b.cols == 1) return Value.vector(x);
        double[][] m = new double[b.rows][b.cols];
        for (int r = 0; r < b.rows; r++) System.arraycopy(x, r * b.cols, m[r], 0, b.cols);
        return Value.matrix(m);
    }

    /** A value's entries as a block (a vector a column; a 1-by-n row stays a row). */
    static <T> Block<T> fromValue(Value v, java.util.function.DoubleFunction<T> conv) {
        double[] x = v.flatten();
        Object[] d = new Object[x.length];
        for (int i = 0; i < x.length; i++) d[i] = conv.apply(x[i]);
        if (v instanceof Value.Real) return new Block<>(Block.Kind.SCALAR, 1, 1, d);
        if (v instanceof Value.Vec) return new Block<>(Block.Kind.VECTOR, x.length, 1, d);
        return Block.of(v.rows(), v.cols(), d);
    }

    static boolean finite(Value v) {
        for (double d : v.flatten()) if (!Double.isFinite(d)) return false;
        return true;
    }

    static boolean hasNaN(Value v) {
        for (double d : v.flatten()) if (Double.isNaN(d)) return true;
        return false;
    }

    static double maxAbs(Value v) {
        double m = 0;
        for (double d : v.flatten()) if (Double.isFinite(d)) m = Math.max(m, Math.abs(d));
        return m;
    }
}
