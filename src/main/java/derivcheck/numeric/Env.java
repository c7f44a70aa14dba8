package derivcheck.numeric;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Where an expression is evaluated: concrete sizes of the dimension names, values of symbols
 * (also of bound indices) by name, and implementations of user-declared scalar functions and
 * their derivatives ({@code rho}, {@code rho'}, ...). Mutable and fluent; {@link #copy()} for a
 * variant. Not thread-safe.
 */
public final class Env {
    private final Map<String, Integer> sizes;
    private final Map<String, Value> values;
    private final Map<String, DoubleUnaryOperator> functions; // key: name + "#" + derivative order

    public Env() { this(new HashMap<>(), new HashMap<>(), new HashMap<>()); }

    private Env(Map<String, Integer> sizes, Map<String, Value> values, Map<String, DoubleUnaryOperator> functions) {
        this.sizes = sizes;
        this.values = values;
        this.functions = functions;
    }

    public Env copy() { return new Env(new HashMap<>(sizes), new HashMap<>(values), new HashMap<>(functions)); }

    /** Sets the size of a dimension name. */
    public Env size(String dim, int n) {
        if (n < 0) throw new IllegalArgumentException("negative size for " + dim);
        sizes.put(dim, n);
        return this;
    }

    public Env set(String name, Value v) { values.put(name, v); return this; }
    public Env set(String name, double x) { return set(name, Value.of(x)); }
    public Env set(String name, RealVector v) { return set(name, Value.of(v)); }
    public Env set(String name, RealMatrix m) { return set(name, Value.of(m)); }
    public Env setVector(String name, double... entries) { return set(name, Value.vector(entries)); }

    /** Implements the {@code order}-th derivative of the user function {@code name}. */
    public Env function(String name, int order, DoubleUnaryOperator f) {
        if (order < 0) throw new IllegalArgumentException("negative derivative order");
        functions.put(name + "#" + order, f);
        return this;
    }

    /** Implements {@code name} and its first derivatives: f, f', f'', ... */
    public Env function(String name, DoubleUnaryOperator... fAndDerivatives) {
        for (int k = 0; k < fAndDerivatives.length; k++) function(name, k, fAndDerivatives[k]);
        return this;
    }

    public Map<String, Integer> sizes() { return java.util.Collections.unmodifiableMap(sizes); }
    public Map<String, Value> values() { return java.util.Collections.unmodifiableMap(values); }

    public Integer sizeOf(String dim) { return sizes.get(dim); }
    public Value get(String name) { return values.get(name); }
    public DoubleUnaryOperator function(String name, int order) { return functions.get(name + "#" + order); }

    @Override public String toString() { return "Env{sizes=" + sizes + ", values=" + values + "}"; }
}
