package derivcheck.numeric.verify;

import derivcheck.model.MatrixProperty;
import derivcheck.numeric.Rng;
import java.util.Set;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Draws a matrix that has its declared properties by construction (no rejection sampling):
 * <ul>
 *   <li>diagonal: a diagonal of normal entries away from 0; positive ones (log-uniform in [0.2, 3])
 *       when it is also positive (semi)definite;</li>
 *   <li>positive definite: Q diag(λ) Qᵀ with Q a random orthogonal matrix and λ uniform in [0.3, 3];</li>
 *   <li>positive semidefinite: the same with a random number (0 to n−1) of the λ set to 0, so
 *       singular draws occur;</li>
 *   <li>symmetric: Q diag(±λ) Qᵀ (indefinite, invertible: a symmetric matrix need not be definite);</li>
 *   <li>invertible: Q₁ diag(σ) Q₂ with σ uniform in [0.3, 3] (condition number at most 10);</li>
 *   <li>full column rank (m ≥ n): U diag(σ) Vᵀ with U the first n columns of a random orthogonal m×m matrix.</li>
 * </ul>
 * The spectra are bounded away from 0 and infinity so that inverses and re-solves stay well conditioned.
 */
final class MatrixDraws {
    private MatrixDraws() {}

    /** A rows×cols matrix with the properties (closed under implication), or null if rows < cols for full column rank. */
    static double[][] draw(Set<MatrixProperty> props, int rows, int cols, Rng rng) {
        boolean pd = props.contains(MatrixProperty.POSITIVE_DEFINITE);
        boolean psd = props.contains(MatrixProperty.POSITIVE_SEMIDEFINITE);
        boolean inv = props.contains(MatrixProperty.INVERTIBLE);
        if (props.contains(MatrixProperty.DIAGONAL)) {
            double[][] d = new double[rows][cols];
            int zeros = psd && !pd && !inv ? rng.integer(0, rows - 1) : 0;
            for (int i = 0; i < Math.min(rows, cols); i++) {
                if (pd || psd) d[i][i] = i < zeros ? 0 : logUniform(rng, 0.2, 3);
                else d[i][i] = rng.nonzero();
            }
            return d;
        }
        if (pd || psd) {
            double[] lambda = new double[rows];
            int zeros = pd || inv ? 0 : rng.integer(0, rows - 1);
            for (int i = 0; i < rows; i++) lambda[i] = i < zeros ? 0 : rng.uniform(0.3, 3);
            return symmetrized(conjugate(rng.orthogonal(rows), lambda));
        }
        if (props.contains(MatrixProperty.SYMMETRIC)) {
            double[] lambda = new double[rows];
            for (int i = 0; i < rows; i++) lambda[i] = (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform(0.3, 3);
            return symmetrized(conjugate(rng.orthogonal(rows), lambda));
        }
        if (inv || props.contains(MatrixProperty.FULL_COLUMN_RANK)) {
            if (rows < cols) return null;
            double[] sigma = new double[cols];
            for (int i = 0; i < cols; i++) sigma[i] = rng.uniform(0.3, 3);
            RealMatrix u = rng.orthogonal(rows).getSubMatrix(0, rows - 1, 0, cols - 1);
            RealMatrix v = rng.orthogonal(cols);
            return u.multiply(MatrixUtils.createRealDiagonalMatrix(sigma)).multiply(v.transpose()).getData();
        }
        double[][] d = new double[rows][cols];
        for (double[] row : d) for (int j = 0; j < cols; j++) row[j] = rng.nonzero();
        return d;
    }

    private static RealMatrix conjugate(RealMatrix q, double[] lambda) {
        return q.multiply(MatrixUtils.createRealDiagonalMatrix(lambda)).multiply(q.transpose());
    }

    /** Exactly symmetric (the product above is symmetric only up to rounding). */
    private static double[][] symmetrized(RealMatrix a) {
        double[][] d = a.getData();
        for (int i = 0; i < d.length; i++) {
            for (int j = i + 1; j < d.length; j++) {
                double s = 0.5 * (d[i][j] + d[j][i]);
                d[i][j] = s;
                d[j][i] = s;
            }
        }
        return d;
    }

    private static double logUniform(Rng rng, double lo, double hi) {
        return Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));
    }
}
