package derivcheck.calculus;

import static derivcheck.calculus.X.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import org.junit.jupiter.api.Test;

/** The rules added for backpropagation: min/max of one vector, matrix powers with a size exponent. */
class BackpropRulesTest {
    private final Sym x = vec("x", "n"), a = vec("a", "n");

    @Test
    void minOfAVectorSendsTheAdjointToTheEntryThatAttainsIt() {
        Expr g = FdCheck.of(ap(Builtin.MIN, x), x).verify();
        assertEquals("sum(i = 1..n, [x_i = min(x)]*I_n_i)", str(g));
        FdCheck.of(mul(s("c"), ap(Builtin.MAX, x)), x).verify();
    }

    @Test
    void minOfSquaredDistancesToRowsMatchesFiniteDifferences() {
        // k-means for one example: f(Y) = min_k ||x - Y_k||^2, through a tabulated vector of distances
        Sym y = mat("Y", "K", "n"), k = idx("k");
        Expr d = Entries.vector(k, derivcheck.expr.Dim.of("K"), sq(norm(sub(x, at(y, k)))));
        FdCheck.of(ap(Builtin.MIN, d), y).sizes(2, 4).verify();
    }

    @Test
    void matrixPowerWithASizeExponentMatchesFiniteDifferences() {
        // <g, W^T z0>: grad = sum(k = 1..T, (W')^(T-k) g z0' (W')^(k-1))
        Sym w = mat("W", "n", "n"), z0 = vec("z0", "n"), g = vec("g", "n");
        Expr f = inner(g, mul(pow(w, dim("T")), z0));
        Expr grad = FdCheck.of(f, w).nearIdentity("W", 0.3).sizes(1, 4).verify();
        assertEquals("sum(i = 1..T, (W')^(T - i)*g*z0'*(W')^(i - 1))", str(grad));
        FdCheck.of(inner(g, mul(pow(w, add(dim("T"), n(1))), z0)), w).nearIdentity("W", 0.3).sizes(1, 3).verify();
    }

    @Test
    void matrixPowerWithAnExponentThatCouldBeNegativeHasNoRule() {
        Sym w = mat("W", "n", "n"), z0 = vec("z0", "n"), g = vec("g", "n");
        assertThrows(NotDifferentiableException.class,
                () -> Gradient.of(inner(g, mul(pow(w, add(dim("T"), n(-1))), z0)), w));
    }
}
