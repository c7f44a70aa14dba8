package derivcheck.numeric;

import derivcheck.expr.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How several unknowns (numbers, vectors, matrices) are laid out one after another in the flat
 * double[] that {@link FiniteDifference} and {@link Optimizer} work on; a matrix row by row.
 */
public final class FlatLayout {
    private final List<String> names;
    private final List<Value> templates;
    private final int[] offsets;
    private final int size;

    private FlatLayout(List<String> names, List<Value> templates) {
        this.names = List.copyOf(names);
        this.templates = List.copyOf(templates);
        this.offsets = new int[names.size()];
        int k = 0;
        for (int i = 0; i < names.size(); i++) {
            offsets[i] = k;
            k += templates.get(i).size();
        }
        this.size = k;
    }

    /** A layout of the named symbols with the sizes of their values in env. */
    public static FlatLayout of(Env env, List<String> names) {
        List<Value> t = new ArrayList<>();
        for (String n : names) {
            Value v = env.get(n);
            if (v == null) throw new EvaluationException("no value for " + n + " to take its size from");
            t.add(v);
        }
        return new FlatLayout(names, t);
    }

    /** A layout of symbols with declared shapes, at concrete sizes. */
    public static FlatLayout of(Map<String, Shape> shapes, Map<String, Integer> sizes) {
        List<String> n = new ArrayList<>();
        List<Value> t = new ArrayList<>();
        shapes.forEach((name, shape) -> {
            n.add(name);
            t.add(Ops.filled(shape, sizes, 0.0));
        });
        return new FlatLayout(n, t);
    }

    public List<String> names() { return names; }

    /** Total number of coordinates. */
    public int size() { return size; }

    public int offset(String name) { return offsets[indexOf(name)]; }

    /** The values of the symbols in env, concatenated. */
    public double[] flatten(Env env) {
        double[] out = new double[size];
        for (int i = 0; i < names.size(); i++) {
            Value v = env.get(names.get(i));
            if (v == null) throw new EvaluationException("no value for " + names.get(i));
            double[] d = v.flatten();
            if (d.length != templates.get(i).size()) {
                throw new EvaluationException(names.get(i) + " has " + d.length + " entries, the layout " + templates.get(i).size());
            }
            System.arraycopy(d, 0, out, offsets[i], d.length);
        }
        return out;
    }

    /** The value of one symbol in a flat point. */
    public Value value(String name, double[] x) {
        int i = indexOf(name);
        Value t = templates.get(i);
        double[] d = new double[t.size()];
        System.arraycopy(x, offsets[i], d, 0, d.length);
        return t.unflatten(d);
    }

    /** Writes the symbols' values from a flat point into env (which is changed and returned). */
    public Env assign(Env env, double[] x) {
        if (x.length != size) throw new IllegalArgumentException("need " + size + " coordinates, got " + x.length);
        for (String n : names) env.set(n, value(n, x));
        return env;
    }

    private int indexOf(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException(name + " is not in the layout " + names);
        return i;
    }
}
