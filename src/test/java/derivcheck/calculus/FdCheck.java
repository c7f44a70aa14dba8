package derivcheck.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Expr;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.numeric.Comparison;
import derivcheck.numeric.Compiled;
import derivcheck.numeric.Env;
import derivcheck.numeric.FiniteDifference;
import derivcheck.numeric.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * Checks a symbolic gradient against central finite differences (package numeric) on random
 * instances at random sizes. Seeded: a failure names the trial, the sizes and the gradient.
 */
final class FdCheck {
    static final double TOL = 1e-5;

    private final Expr f;
    private final Sym x;
    private final Set<String> positive = new HashSet<>();
    private final Set<String> unit = new HashSet<>();
    private final Map<String, Double> nearIdentity = new HashMap<>();
    private int trials = 12;
    private long seed = 20240601L;
    private int minSize = 1, maxSize = 5;

    private FdCheck(Expr f, Sym x) {
        this.f = f;
        this.x = x;
    }

    static FdCheck of(Expr f, Sym x) { return new FdCheck(f, x); }

    /** Symbols whose entries are drawn from (0.5, 2). */
    FdCheck positive(String... names) { positive.addAll(java.util.List.of(names)); return this; }

    /** Symbols whose entries are drawn from (0.1, 0.9). */
    FdCheck unitInterval(String... names) { unit.addAll(java.util.List.of(names)); return this; }

    /** A square matrix drawn as I + scale*(random): well conditioned. */
    FdCheck nearIdentity(String name, double scale) { nearIdentity.put(name, scale); return this; }

    FdCheck trials(int k) { trials = k; return this; }

    FdCheck seed(long s) { seed = s; return this; }

    FdCheck sizes(int lo, int hi) { minSize = lo; maxSize = hi; return this; }

    /** The user function rho (and derivatives) used in every check: rho(t) = t^3/3 + sin(t). */
    static Env withRho(Env env) {
        DoubleUnaryOperator r0 = t -> t * t * t / 3 + Math.sin(t);
        DoubleUnaryOperator r1 = t -> t * t + Math.cos(t);
        DoubleUnaryOperator r2 = t -> 2 * t - Math.sin(t);
        return env.function("rho", r0, r1, r2);
    }

    /** A random point: sizes for every dimension name, values for every free symbol. */
    Env instance(Random r, Expr... exprs) {
        Map<String, Sym> syms = new LinkedHashMap<>();
        Set<String> dims = new TreeSet<>();
        for (Expr e : exprs) collect(e, syms, dims, new HashSet<>());
        dims.addAll(x.shape().rows().terms().keySet());
        dims.addAll(x.shape().cols().terms().keySet());
        syms.put(x.name(), x);
        Env env = withRho(new Env());
        Map<String, Integer> sizes = new HashMap<>();
        for (String d : dims) {
            int n = minSize + r.nextInt(maxSize - minSize + 1);
            sizes.put(d, n);
            env.size(d, n);
        }
        for (Sym s : syms.values()) {
            if (s.kind() == SymKind.DIM) continue;
            env.set(s.name(), draw(r, s, sizes));
        }
        return env;
    }

    private Value draw(Random r, Sym s, Map<String, Integer> sizes) {
        Shape shape = s.shape();
        int rows = shape.rows().evaluate(sizes), cols = shape.cols().evaluate(sizes);
        double[][] d = new double[rows][cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) d[i][j] = entry(r, s.name());
        Double scale = nearIdentity.get(s.name());
        if (scale != null) {
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) d[i][j] = (i == j ? 1 : 0) + scale * r.nextGaussian();
        }
        if (shape.isScalar()) return Value.of(d[0][0]);
        if (shape.isVector()) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) v[i] = d[i][0];
            return Value.vector(v);
        }
        return Value.matrix(d);
    }

    private double entry(Random r, String name) {
        if (positive.contains(name)) return 0.5 + 1.5 * r.nextDouble();
        if (unit.contains(name)) return 0.1 + 0.8 * r.nextDouble();
        double v;
        do { v = r.nextGaussian(); } while (Math.abs(v) < 0.05); // away from the kinks of abs, sign, relu
        return v;
    }

    private static void collect(Expr e, Map<String, Sym> syms, Set<String> dims, Set<String> bound) {
        if (e instanceof Sym s && !bound.contains(s.name()) && s.kind() != SymKind.INDEX) {
            syms.putIfAbsent(s.name(), s);
            if (s.kind() == SymKind.DIM) dims.add(s.name());
            dims.addAll(s.shape().rows().terms().keySet());
            dims.addAll(s.shape().cols().terms().keySet());
        }
        if (e instanceof Sum s) {
            Set<String> inner = new HashSet<>(bound);
            inner.add(s.index().name());
            collect(s.lo(), syms, dims, bound);
            collect(s.hi(), syms, dims, bound);
            collect(s.body(), syms, dims, inner);
            return;
        }
        for (Expr c : e.children()) collect(c, syms, dims, bound);
    }

    /** The largest scaled error of {@code claimed} against finite differences over all trials. */
    double worstError(Expr claimed) {
        Compiled cf = Compiled.of(f), cg = Compiled.of(claimed);
        double worst = 0;
        for (int k = 0; k < trials; k++) {
            Random r = new Random(seed * 7919 + k);
            Env env = instance(r, f, claimed);
            Value fd = FiniteDifference.gradient(cf, env, x.name());
            Value an = cg.evaluate(env);
            if (an.isReal() && !fd.isReal() && fd.size() == 1) an = fd.unflatten(an.flatten());
            Comparison c = FiniteDifference.compare(an, fd);
            worst = Math.max(worst, c.maxScaled());
        }
        return worst;
    }

    /** Asserts that Gradient.of (and the unsimplified gradient) agree with finite differences. */
    Expr verify() {
        Expr g = Gradient.of(f, x);
        assertEquals(x.shape(), g.shape(), "shape of " + X.str(g));
        assertAgrees(g, "gradient");
        assertAgrees(Gradient.raw(f, x), "unsimplified gradient");
        return g;
    }

    /** Asserts that a claimed gradient agrees with finite differences. */
    void assertAgrees(Expr claimed, String what) {
        double err = worstError(claimed);
        assertTrue(err <= TOL, what + " of " + X.str(f) + " w.r.t. " + x.name() + " = " + X.str(claimed)
                + " differs from finite differences by " + err);
    }

    /** Asserts that a claimed gradient is caught as wrong by finite differences. */
    void assertRejects(Expr claimed) {
        double err = worstError(claimed);
        assertTrue(err > 1e-2, "the finite-difference check did not catch the wrong gradient " + X.str(claimed)
                + " (error " + err + ")");
    }

    static Set<String> names(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        if (e instanceof Sym s) out.add(s.name());
        for (Expr c : e.children()) out.addAll(names(c));
        return out;
    }
}
