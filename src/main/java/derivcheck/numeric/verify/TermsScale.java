package derivcheck.numeric.verify;

import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.numeric.Env;
import derivcheck.numeric.EvaluationException;
import derivcheck.numeric.Value;

/**
 * The error measure of an equality checked by evaluating both sides, the one the judge uses:
 * relative to the size of the compared values, and where that is above the tolerance (the target
 * is near 0, the terms cancel), relative to the size of the terms, i.e. the larger of the two
 * sides and of their top-level summands. So 1e-300 against 2e-300 is a disagreement (no absolute
 * floor), while a - b = 1e-17 against 0 with a, b of size 1 is rounding.
 *
 * <p>Where finite differences or a numeric optimizer are involved, their error is absolute at the
 * scale of the drawn values (of size about 1), so the scale there is floored at 1:
 * |a - b| / max(1, |a|, |b|, terms).
 */
final class TermsScale {
    private TermsScale() {}

    /** More summands than this are not evaluated one by one for the scale. */
    private static final int MAX_TERMS = 16;

    /**
     * The error of l = h (the values of lhs and rhs at env) by this measure.
     *
     * @param floorAtOne where finite differences or an optimizer are involved (absolute for small values)
     */
    static double error(Model model, Expr lhs, Expr rhs, Value l, Value h, Env env, double tol, boolean floorAtOne) {
        int n = Math.max(l.size(), h.size());
        double[] a = Claims.entries(l, n), b = Claims.entries(h, n);
        double rel = 0, diff = 0, size = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] == b[i] ? 0 : Math.abs(a[i] - b[i]);
            double m = Math.max(Math.abs(a[i]), Math.abs(b[i]));
            diff = Math.max(diff, d);
            size = Math.max(size, m);
            if (d > 0) rel = Math.max(rel, d / (floorAtOne ? Math.max(1, m) : m));
        }
        if (rel <= tol || diff == 0) return rel;
        // the target is near 0 (or entries of different sizes): relative to the terms' size
        double scale = Math.max(size, Math.max(terms(model, lhs, env), terms(model, rhs, env)));
        if (floorAtOne) scale = Math.max(1, scale);
        return Math.min(rel, diff / scale);
    }

    /** The largest entry of a top-level summand of e at env (0 for a single term or when one cannot be evaluated). */
    private static double terms(Model model, Expr e, Env env) {
        if (!(e instanceof Add add) || add.terms().size() > MAX_TERMS) return 0;
        double m = 0;
        for (Expr t : add.terms()) {
            try {
                for (double d : model.eval(t, env).flatten()) if (Double.isFinite(d)) m = Math.max(m, Math.abs(d));
            } catch (EvaluationException | IllegalArgumentException | ArithmeticException ex) {
                return m;
            }
        }
        return m;
    }
}
