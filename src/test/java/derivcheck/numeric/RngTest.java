package derivcheck.numeric;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void sameSeedGivesSameDrawsAndDifferentSeedsDiffer() {
        Rng a = new Rng(42), b = new Rng(42), c = new Rng(43);
        double[] da = {a.normal(), a.uniform(), a.positive()}, db = {b.normal(), b.uniform(), b.positive()};
        assertArrayEquals(da, db, 0);
        assertNotEquals(da[0], c.normal());
        assertEquals(new Rng(5).spd(3), new Rng(5).spd(3));
    }

    @Test
    void forkedStreamsDependOnlyOnSeedAndLabel() {
        Rng root = new Rng(9);
        root.normal(); // consuming the parent does not change a fork
        double x = root.fork("theta").normal();
        assertEquals(x, new Rng(9).fork("theta").normal(), 0);
        assertNotEquals(x, new Rng(9).fork("g").normal());
        assertNotEquals(x, new Rng(10).fork("theta").normal());
    }

    @Test
    void intervalDrawsStayInsideAndAwayFromOpenEnds() {
        Rng r = new Rng(1);
        Interval[] ivs = {Interval.UNIT_OPEN, Interval.closed(-2, 3), Interval.POSITIVE, Interval.NEGATIVE,
                Interval.above(5), Interval.below(-1), Interval.REAL, Interval.NONNEGATIVE};
        for (Interval iv : ivs) {
            for (int k = 0; k < 2000; k++) {
                double x = r.in(iv);
                assertTrue(iv.contains(x), iv + " " + x);
                if (iv.loOpen() && Double.isFinite(iv.lo()) && Double.isFinite(iv.hi())) {
                    assertTrue(x >= iv.lo() + Rng.EDGE_MARGIN * (iv.hi() - iv.lo()) * 0.999);
                }
            }
        }
        for (int k = 0; k < 2000; k++) {
            double p = r.positive();
            assertTrue(p >= 0.1 - 1e-12 && p <= 3 + 1e-12, "positive draw " + p);
            double u = r.uniform(-1, 1);
            assertTrue(u > -1 && u < 1);
        }
        assertThrows(IllegalArgumentException.class, () -> Interval.open(1, 1));
    }

    @Test
    void symmetricDrawsNeverLandNearTheSwitchPointZero() {
        Rng r = new Rng(2);
        for (int k = 0; k < 20000; k++) assertTrue(Math.abs(r.nonzero()) >= Rng.SWITCH_GAP);
        for (double d : r.vector(5000).toArray()) assertTrue(Math.abs(d) >= Rng.SWITCH_GAP);
        for (double[] row : r.matrix(50, 50).getData()) for (double d : row) assertTrue(Math.abs(d) >= Rng.SWITCH_GAP);
        // explicit switch points, e.g. the kinks of soft thresholding at +-1
        for (int k = 0; k < 5000; k++) {
            double x = r.in(Interval.open(-2, 2), -1, 1);
            assertTrue(Math.abs(x - 1) >= Rng.SWITCH_GAP && Math.abs(x + 1) >= Rng.SWITCH_GAP);
        }
        // a draw from a narrow interval around a switch point cannot succeed
        assertThrows(IllegalStateException.class, () -> r.in(Interval.open(-1e-4, 1e-4), 0.0));
    }

    @Test
    void unitAndFixedNormVectorsHaveTheRequestedNorm() {
        Rng r = new Rng(3);
        assertEquals(1.0, r.unitVector(7).getNorm(), 1e-14);
        assertEquals(2.5, r.vectorOfNorm(4, 2.5).getNorm(), 1e-14);
        assertEquals(1.0, Math.abs(r.unitVector(1).getEntry(0)), 0);
    }

    @Test
    void orthogonalVectorsAreOrthogonalToTheGivenOne() {
        Rng r = new Rng(4);
        for (int k = 0; k < 50; k++) {
            RealVector g = r.vector(5);
            RealVector w = r.orthogonalTo(g);
            assertEquals(0, w.dotProduct(g), 1e-12 * g.getNorm() * w.getNorm());
            assertTrue(w.getNorm() > 1e-3);
            RealVector u = r.unitOrthogonalTo(g);
            assertEquals(1, u.getNorm(), 1e-14);
            assertEquals(0, u.dotProduct(g), 1e-12 * g.getNorm());
        }
        assertThrows(IllegalArgumentException.class, () -> r.orthogonalTo(MatrixUtils.createRealVector(new double[] {2})));
    }

    @Test
    void spdMatricesAreSymmetricWithEigenvaluesInRange() {
        Rng r = new Rng(5);
        for (int n = 1; n <= 6; n++) {
            RealMatrix a = r.spd(n);
            assertTrue(MatrixUtils.isSymmetric(a, 0));
            for (double ev : new EigenDecomposition(a).getRealEigenvalues()) {
                assertTrue(ev >= 0.5 - 1e-12 && ev <= 2 + 1e-12, "eigenvalue " + ev);
            }
        }
        RealMatrix q = r.orthogonal(4);
        RealMatrix qtq = q.transpose().multiply(q);
        assertTrue(Comparison.of(Value.of(MatrixUtils.createRealIdentityMatrix(4)), Value.of(qtq)).within(1e-14));
        assertTrue(MatrixUtils.isSymmetric(r.symmetric(4), 0));
    }

    @Test
    void integersCoverTheInclusiveRange() {
        Rng r = new Rng(6);
        boolean[] seen = new boolean[4];
        for (int k = 0; k < 1000; k++) seen[r.integer(2, 5) - 2] = true;
        for (boolean s : seen) assertTrue(s);
    }
}
