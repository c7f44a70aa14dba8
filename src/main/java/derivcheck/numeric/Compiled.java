package derivcheck.numeric;

import derivcheck.expr.Expr;
import derivcheck.expr.Shape;
import derivcheck.expr.SymKind;
import derivcheck.expr.UserFunc;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * An expression compiled by {@link Compiler}: evaluate it in an {@link Env} as often as needed.
 * A compiled expression is immutable and may be shared between threads; each evaluation binds
 * its own frame. The functions from {@link #asFunctionOf} reuse one frame and are not
 * thread-safe.
 */
public final class Compiled {
    private final Expr expr;
    private final VNode root;
    private final SNode scalarRoot;
    private final List<Slot> slots;
    private final List<UserFunc> functions;
    private final int scalars;
    private final int values;

    Compiled(Expr expr, VNode root, SNode scalarRoot, List<Slot> slots, List<UserFunc> functions, int scalars, int values) {
        this.expr = expr;
        this.root = root;
        this.scalarRoot = scalarRoot;
        this.slots = slots;
        this.functions = functions;
        this.scalars = scalars;
        this.values = values;
    }

    public static Compiled of(Expr e) { return Compiler.compile(e); }

    public Expr expr() { return expr; }

    public Shape shape() { return expr.shape(); }

    /** Names of the free symbols (dimension symbols included), in order of first use. */
    public Set<String> symbols() {
        Set<String> out = new LinkedHashSet<>();
        for (Slot s : slots) out.add(s.name());
        return out;
    }

    /** The user functions (with derivative order) the expression calls. */
    public List<UserFunc> userFunctions() { return functions; }

    public Value evaluate(Env env) { return root.eval(bind(env)); }

    /** Evaluates a scalar-shaped expression without boxing. */
    public double evaluateScalar(Env env) {
        if (scalarRoot == null) throw new EvaluationException("the expression is a " + expr.shape() + ", not a number");
        return scalarRoot.eval(bind(env));
    }

    /**
     * The scalar expression as a function of the entries of one symbol (row-major for a
     * matrix), everything else fixed as in {@code base}. The size of the symbol is taken from
     * its value in {@code base} or else from its declared shape at the sizes of {@code base}.
     */
    public ToDoubleFunction<double[]> asFunctionOf(Env base, String symbol) {
        if (scalarRoot == null) throw new EvaluationException("the expression is a " + expr.shape() + ", not a number");
        Slot slot = slots.stream().filter(s -> s.name().equals(symbol)).findFirst().orElse(null);
        Env env = base;
        if (slot != null && base.get(symbol) == null) {
            env = base.copy().set(symbol, Ops.filled(slot.shape(), base.sizes(), 0.0));
        }
        Frame f = bind(env);
        if (slot == null) {
            double c = scalarRoot.eval(f);
            return x -> c;
        }
        int k = slot.index();
        if (slot.scalar()) {
            return x -> {
                f.s[k] = x[0];
                return scalarRoot.eval(f);
            };
        }
        Value template = f.v[k];
        return x -> {
            f.v[k] = template.unflatten(x);
            return scalarRoot.eval(f);
        };
    }

    /**
     * The scalar expression as a function of several symbols laid out by {@code layout}, the
     * others fixed as in {@code base} (which is not changed). Not thread-safe.
     */
    public ToDoubleFunction<double[]> asFunctionOf(Env base, FlatLayout layout) {
        if (scalarRoot == null) throw new EvaluationException("the expression is a " + expr.shape() + ", not a number");
        Env work = base.copy();
        return x -> evaluateScalar(layout.assign(work, x));
    }

    /** Resolves every slot against an environment. */
    Frame bind(Env env) {
        Map<String, Integer> sizes = env.sizes();
        Frame f = new Frame(sizes, scalars, values, functions.size());
        for (Slot s : slots) {
            if (s.kind() == SymKind.DIM && env.sizeOf(s.name()) != null) {
                f.s[s.index()] = env.sizeOf(s.name());
                continue;
            }
            Value v = env.get(s.name());
            if (v == null) {
                throw new EvaluationException(s.kind() == SymKind.DIM
                        ? "no size for dimension " + s.name()
                        : "no value for " + s.name() + " (a " + s.shape() + ")");
            }
            v = conform(s, v, sizes);
            if (s.scalar()) f.s[s.index()] = ((Value.Real) v).value(); else f.v[s.index()] = v;
        }
        for (int i = 0; i < functions.size(); i++) {
            UserFunc u = functions.get(i);
            DoubleUnaryOperator op = env.function(u.name(), u.derivative());
            if (op == null) {
                throw new EvaluationException("no implementation for " + u.name() + "'".repeat(u.derivative()));
            }
            f.fn[i] = op;
        }
        return f;
    }

    /** Checks a value against a symbol's declared shape (sizes where known) and normalizes it. */
    private static Value conform(Slot s, Value v, Map<String, Integer> sizes) {
        Shape shape = s.shape();
        boolean kindOk = shape.isScalar() ? v.size() == 1
                : shape.isVector() ? !(v instanceof Value.Mat m) || m.matrix().getColumnDimension() == 1
                : !(v instanceof Value.Real);
        if (!kindOk) throw new EvaluationException(s.name() + " is a " + shape + " but its value is a " + v.describe());
        Value n = Ops.normalize(v, shape);
        if (!shape.isScalar() && known(shape, sizes)) {
            int r = shape.rows().evaluate(sizes);
            int c = shape.cols().evaluate(sizes);
            int vr = n instanceof Value.Vec ? n.size() : ((Value.Mat) n).matrix().getRowDimension();
            int vc = n instanceof Value.Vec ? 1 : ((Value.Mat) n).matrix().getColumnDimension();
            if (r != vr || c != vc) {
                throw new EvaluationException(s.name() + " is a " + shape + " = " + (shape.isVector() ? "vector[" + r + "]"
                        : "matrix[" + r + "," + c + "]") + " at these sizes, but its value is a " + n.describe());
            }
        }
        return n;
    }

    private static boolean known(Shape shape, Map<String, Integer> sizes) {
        return sizes.keySet().containsAll(shape.rows().terms().keySet())
                && sizes.keySet().containsAll(shape.cols().terms().keySet());
    }

    @Override public String toString() { return "Compiled[" + expr + "]"; }
}
