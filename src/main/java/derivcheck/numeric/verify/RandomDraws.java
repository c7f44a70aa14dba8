package derivcheck.numeric.verify;

import derivcheck.limits.InputLimits;
import derivcheck.expr.Expr;
import derivcheck.expr.Shape;
import derivcheck.model.Distribution;
import derivcheck.model.Problem;
import derivcheck.model.RandomDecl;
import derivcheck.numeric.Env;
import derivcheck.numeric.EvaluationException;
import derivcheck.numeric.Rng;
import derivcheck.numeric.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws realizations of a problem's random symbols. A named family is drawn as stated. When only
 * the mean and variance are given, variant 0 draws normal entries and variant 1 scaled
 * Rademacher entries (mean ± sd): two different distributions with the same two moments, so a
 * claim that needs more than the moments fails for one of them.
 */
final class RandomDraws {
    private RandomDraws() {}

    /** Are some randoms known only by their moments (so two variants are checked)? */
    static boolean momentsOnly(Problem p) {
        return p.randoms().stream().anyMatch(r -> r.distribution() instanceof Distribution.Moments);
    }

    static String variantName(int variant) { return variant == 0 ? "normal" : "scaled Rademacher"; }

    /** A random symbol with its parameters evaluated at one sample. */
    static final class Drawer {
        final String name;
        final int rows, cols;
        final boolean scalar, vector;
        final Distribution dist;
        final double[] a, b; // per entry: mean/sd, p, lo/hi

        Drawer(RandomDecl r, Env env, Model m) {
            this.name = r.sym().name();
            Shape s = r.sym().shape();
            scalar = s.isScalar();
            vector = s.isVector();
            rows = scalar ? 1 : s.rows().evaluate(env.sizes());
            cols = scalar || vector ? 1 : s.cols().evaluate(env.sizes());
            dist = r.distribution();
            int n = InputLimits.entries(rows, cols);
            a = new double[n];
            b = new double[n];
            List<Expr> ps = new ArrayList<>();
            if (dist instanceof Distribution.Moments mo) { ps.add(mo.mean()); ps.add(mo.variance()); }
            else ps.addAll(((Distribution.Named) dist).params());
            double[][] vals = new double[ps.size()][];
            for (int k = 0; k < ps.size(); k++) vals[k] = entries(m.eval(ps.get(k), env), n);
            for (int i = 0; i < n; i++) {
                if (dist instanceof Distribution.Moments) { a[i] = vals[0][i]; b[i] = sqrtVar(vals[1][i]); }
                else switch (((Distribution.Named) dist).family()) {
                    case NORMAL -> { a[i] = vals[0][i]; b[i] = sqrtVar(vals[1][i]); }
                    case BERNOULLI -> {
                        a[i] = vals[0][i];
                        if (!(a[i] >= 0 && a[i] <= 1)) throw new EvaluationException("bernoulli(p) needs 0 <= p <= 1, not " + a[i]);
                    }
                    case UNIFORM -> { a[i] = vals[0][i]; b[i] = vals[1][i]; }
                }
            }
        }

        private static double sqrtVar(double v) {
            if (!(v >= 0)) throw new EvaluationException("a variance must be >= 0, not " + v);
            return Math.sqrt(v);
        }

        private static double[] entries(Value v, int n) {
            double[] d = v.flatten();
            if (d.length == n) return d;
            if (d.length == 1) { double[] out = new double[n]; java.util.Arrays.fill(out, d[0]); return out; }
            throw new EvaluationException("a distribution parameter has " + d.length + " entries for " + n + " draws");
        }

        Value draw(Rng rng, int variant) {
            int n = InputLimits.entries(rows, cols);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = one(rng, variant, i);
            if (scalar) return new Value.Real(x[0]);
            if (vector) return Value.vector(x);
            double[][] d = new double[rows][cols];
            for (int i = 0; i < rows; i++) System.arraycopy(x, i * cols, d[i], 0, cols);
            return Value.matrix(d);
        }

        private double one(Rng rng, int variant, int i) {
            if (dist instanceof Distribution.Moments) {
                return variant == 0 ? a[i] + b[i] * rng.normal() : a[i] + (rng.generator().nextBoolean() ? b[i] : -b[i]);
            }
            return switch (((Distribution.Named) dist).family()) {
                case NORMAL -> a[i] + b[i] * rng.normal();
                case BERNOULLI -> rng.generator().nextDouble() < a[i] ? 1.0 : 0.0;
                case UNIFORM -> a[i] + (b[i] - a[i]) * rng.generator().nextDouble();
            };
        }
    }
}
