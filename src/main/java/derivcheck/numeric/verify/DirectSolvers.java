package derivcheck.numeric.verify;

import derivcheck.algebra.LowRankForm;
import derivcheck.model.Objective;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import derivcheck.numeric.Env;
import derivcheck.numeric.OptimizationResult;
import derivcheck.numeric.Rng;
import derivcheck.numeric.Value;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Direct numeric methods for original problems whose general re-solve (BOBYQA over every entry,
 * inside an augmented Lagrangian) would be slow at realistic sizes. Each is a numeric method of
 * its own, independent of any derivation and of the theorem a derivation cites:
 * <ul>
 *   <li>a vector unknown on the open simplex (sum(x) = c next to x > 0 or a domain (0, …)): the
 *       change of variables x = c·softmax(z) with z free (see {@link OriginalProblem#solveOnSimplex});</li>
 *   <li>min over A, B of c·||X − A·B||_F² (c > 0): alternating least squares from several seeded
 *       random starts, B ← A⁺X, A ← XB⁺ (pseudo-inverses), until the objective stops falling. Each
 *       half-step is an exact least-squares solve, so the objective never rises; for this problem
 *       every local minimum is global, and the best of the starts is kept.</li>
 * </ul>
 * Empty when no direct method applies (the general optimizer is used then).
 */
final class DirectSolvers {
    private DirectSolvers() {}

    static final int MAX_SWEEPS = 3000;

    static Optional<OptimizationResult> solve(Problem p, OriginalProblem op, Model model, Env env, long seed, int starts) {
        Optional<OptimizationResult> simplex = op.solveOnSimplex(seed, starts);
        if (simplex.isPresent()) return simplex;
        if (p.objective().isEmpty() || p.objective().get().sense() != Objective.Sense.MINIMIZE) return Optional.empty();
        if (p.unknowns().size() != 2 || !p.constraints().isEmpty()) return Optional.empty();
        SymbolDecl da = p.unknowns().get(0), db = p.unknowns().get(1);
        if (da.domain().isPresent() || db.domain().isPresent()) return Optional.empty();
        if (!da.sym().shape().isMatrix() || !db.sym().shape().isMatrix()) return Optional.empty();
        var expr = p.objective().get().expr();
        Optional<LowRankForm> f = LowRankForm.of(expr, da.sym(), db.sym());
        String a = da.name(), b = db.name();
        if (f.isEmpty()) {
            f = LowRankForm.of(expr, db.sym(), da.sym());
            a = db.name();
            b = da.name();
        }
        if (f.isEmpty()) return Optional.empty();
        double c = model.evalScalar(f.get().coefficient(), env);
        if (!(c > 0)) return Optional.empty();
        Value xv = model.eval(f.get().data(), env);
        if (!(xv instanceof Value.Mat xm)) return Optional.empty();
        RealMatrix x = xm.matrix();
        double[] zero = new double[op.layout.size()];
        Value av = op.layout.value(a, zero);
        int rows = x.getRowDimension(), r = ((Value.Mat) av).matrix().getColumnDimension();
        Rng rng = new Rng(seed);
        double[] best = null;
        double bestF = Double.POSITIVE_INFINITY;
        for (int s = 0; s < Math.max(1, starts); s++) {
            Rng start = rng.fork("als/" + s);
            RealMatrix am = new Array2DRowRealMatrix(rows, r);
            for (int i = 0; i < rows; i++) for (int j = 0; j < r; j++) am.setEntry(i, j, start.normal());
            RealMatrix bm = pinv(am).multiply(x);
            double prev = Double.POSITIVE_INFINITY;
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                am = x.multiply(pinv(bm));
                bm = pinv(am).multiply(x);
                double now = x.subtract(am.multiply(bm)).getFrobeniusNorm();
                if (prev - now <= 1e-15 * Math.max(1.0, now)) break;
                prev = now;
            }
            double[] flat = new double[op.layout.size()];
            put(flat, op.layout.offset(a), am);
            put(flat, op.layout.offset(b), bm);
            double v = op.minimized.applyAsDouble(flat);
            if (v < bestF) {
                bestF = v;
                best = flat;
            }
        }
        if (best == null || !Double.isFinite(bestF)) return Optional.empty();
        return Optional.of(new OptimizationResult(best, bestF, 0.0, OptimizationResult.Status.OPTIMAL,
                "alternating least squares", Math.max(1, starts)));
    }

    private static RealMatrix pinv(RealMatrix m) { return new SingularValueDecomposition(m).getSolver().getInverse(); }

    /** A matrix into the flat layout, row by row. */
    private static void put(double[] flat, int offset, RealMatrix m) {
        int cols = m.getColumnDimension();
        for (int i = 0; i < m.getRowDimension(); i++) {
            for (int j = 0; j < cols; j++) flat[offset + i * cols + j] = m.getEntry(i, j);
        }
    }
}
