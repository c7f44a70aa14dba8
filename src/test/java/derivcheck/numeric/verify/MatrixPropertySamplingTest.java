package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import derivcheck.numeric.Value;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** Matrices with declared properties are constructed (first try), at every size, and have the properties. */
class MatrixPropertySamplingTest {
    private static final VerifyOptions O = VerifyOptions.defaults().withSamples(30).withSeed(11).withMaxSize(5);

    private static RealMatrix m(Sample s, String name) {
        return new Array2DRowRealMatrix(((Value.Mat) s.env().get(name)).matrix().getData());
    }

    private static double asymmetry(RealMatrix a) { return a.subtract(a.transpose()).getNorm(); }

    @Test
    void symmetricPositiveDefiniteSemidefiniteAndDiagonalAreDrawnByConstruction() {
        Problem p = VerifyTesting.spec("""
                problem t
                  dim n >= 2
                  given H : matrix[n, n] symmetric positive definite
                  given P : matrix[n, n] positive semidefinite
                  given S : matrix[n, n] symmetric
                  given D : matrix[n, n] diagonal positive definite
                """);
        ProblemSampler sampler = new ProblemSampler(p, O);
        boolean sawSingular = false, sawIndefinite = false, sawLarge = false;
        for (int k = 0; k < 30; k++) {
            Sample s = sampler.draw(k);
            assertEquals(1, s.tries(), "no rejection sampling");
            sawLarge |= s.sizes().get("n") >= 4;
            RealMatrix h = m(s, "H"), pp = m(s, "P"), sy = m(s, "S"), d = m(s, "D");
            assertEquals(0.0, asymmetry(h), 0.0);
            assertEquals(0.0, asymmetry(pp), 0.0);
            assertEquals(0.0, asymmetry(sy), 0.0);
            for (double e : new EigenDecomposition(h).getRealEigenvalues()) assertTrue(e > 0.1, "H is positive definite");
            double minP = Double.POSITIVE_INFINITY;
            for (double e : new EigenDecomposition(pp).getRealEigenvalues()) minP = Math.min(minP, e);
            assertTrue(minP > -1e-9, "P is positive semidefinite");
            sawSingular |= minP < 1e-9;
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double e : new EigenDecomposition(sy).getRealEigenvalues()) { lo = Math.min(lo, e); hi = Math.max(hi, e); }
            sawIndefinite |= lo < 0 && hi > 0;
            for (int i = 0; i < d.getRowDimension(); i++) {
                for (int j = 0; j < d.getColumnDimension(); j++) {
                    if (i == j) assertTrue(d.getEntry(i, i) > 0, "D has a positive diagonal");
                    else assertEquals(0.0, d.getEntry(i, j), 0.0);
                }
            }
        }
        assertTrue(sawLarge, "sizes beyond 3 are drawn");
        assertTrue(sawSingular, "a semidefinite matrix is sometimes singular");
        assertTrue(sawIndefinite, "a symmetric matrix is not always definite");
    }

    @Test
    void fullColumnRankHonoursTheDimensionRelation() {
        Problem p = VerifyTesting.spec("""
                problem t
                  dim d >= 2
                  dim n >= d
                  given X : matrix[n, d] full column rank
                  given A : matrix[d, d] invertible
                """);
        ProblemSampler sampler = new ProblemSampler(p, O);
        for (int k = 0; k < 30; k++) {
            Sample s = sampler.draw(k);
            assertEquals(1, s.tries(), "sizes are drawn so that n >= d holds");
            assertTrue(s.sizes().get("n") >= s.sizes().get("d"));
            double[] sv = new SingularValueDecomposition(m(s, "X")).getSingularValues();
            assertEquals(s.sizes().get("d"), sv.length);
            assertTrue(sv[sv.length - 1] > 0.1, "X has full column rank, well conditioned");
            double[] sa = new SingularValueDecomposition(m(s, "A")).getSingularValues();
            assertTrue(sa[sa.length - 1] > 0.1, "A is invertible");
        }
    }
}
