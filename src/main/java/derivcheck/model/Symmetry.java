package derivcheck.model;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Inverse;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;

/**
 * Uses declared symmetry: Hᵀ → H and (H⁻¹)ᵀ → H⁻¹ for a matrix declared symmetric (or positive
 * (semi)definite, or diagonal), diag(v)ᵀ → diag(v) (symmetric for every v), and XᵀX, which is
 * symmetric for every X, is left as it is.
 */
final class Symmetry {
    private Symmetry() {}

    static Expr apply(Problem p, Expr e) {
        return Exprs.transform(e, x -> {
            if (x instanceof Transpose t && symmetric(p, t.arg())) return apply(p, t.arg());
            return null;
        });
    }

    private static boolean symmetric(Problem p, Expr m) {
        if (m instanceof Sym s) return !s.isScalar() && !s.shape().isVector() && p.isSymmetric(s);
        if (m instanceof Inverse i) return symmetric(p, i.arg());
        if (m instanceof derivcheck.expr.Apply a && a.fn() == derivcheck.expr.Builtin.DIAG) return true;
        return false;
    }
}
