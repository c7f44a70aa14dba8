package derivcheck.numeric;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** The run-time state of one evaluation: slots for symbols, bound indices and user functions. */
final class Frame {
    final Map<String, Integer> sizes;
    /** Scalar symbols, dimension symbols and bound indices. */
    final double[] s;
    /** Vector and matrix symbols. */
    final Value[] v;
    final DoubleUnaryOperator[] fn;

    Frame(Map<String, Integer> sizes, int scalars, int values, int functions) {
        this.sizes = sizes;
        this.s = new double[scalars];
        this.v = new Value[values];
        this.fn = new DoubleUnaryOperator[functions];
    }
}
