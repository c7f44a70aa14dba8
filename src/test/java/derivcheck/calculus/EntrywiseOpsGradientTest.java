package derivcheck.calculus;

import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import derivcheck.spec.Specs;
import org.junit.jupiter.api.Test;

/** Gradients through x .* y, x ./ y and diag(v) agree with central finite differences. */
class EntrywiseOpsGradientTest {
    private static final String DECLS = Specs.DECLS + "  given w, p : vector[n]\n  given G : matrix[n, n]\n";

    private static Expr e(String text) { return Specs.expr(DECLS, text); }

    private static Sym x() { return Specs.vector("x", "n"); }

    @Test void hadamardProductInBothArguments() {
        FdCheck.of(e("<w, x .* y>"), x()).verify();
        FdCheck.of(e("<w, y .* x>"), x()).verify();
        FdCheck.of(e("||x .* x - y||^2"), x()).verify();
        FdCheck.of(e("sum(a .* x)"), x()).verify();
    }

    @Test void entrywiseQuotientInBothArguments() {
        FdCheck.of(e("<w, x ./ p>"), x()).positive("p").verify();
        FdCheck.of(e("<w, y ./ x>"), x()).positive("x").verify();
        FdCheck.of(e("sum(log(x ./ p))"), x()).positive("x", "p").verify();
    }

    @Test void diagonalMatrixOfAVector() {
        FdCheck.of(e("y'*diag(x)*w"), x()).verify();
        FdCheck.of(e("trace(G*diag(x))"), x()).verify();
        FdCheck.of(e("y'*diag(x)*x"), x()).verify();
    }
}
