package derivcheck.algebra;

import derivcheck.expr.Expr;
import derivcheck.expr.Identity;
import derivcheck.expr.Inner;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Transpose;
import derivcheck.expr.TextPrinter;
import java.util.ArrayList;
import java.util.List;

/** Canonical forms of the atoms the normal form is built from. */
final class Atoms {
    private Atoms() {}

    /** The transpose of an atom: (x')' = x, I' = I, (AB)' = B'A'. */
    static Expr transpose(Expr x) {
        if (x instanceof Transpose t) return t.arg();
        if (x instanceof Identity || x.isScalar()) return x;
        if (x instanceof Mul m) {
            List<Expr> f = new ArrayList<>();
            for (int k = m.factors().size() - 1; k >= 0; k--) f.add(transpose(m.factors().get(k)));
            return new Mul(f, Pos.NONE);
        }
        return new Transpose(x, Pos.NONE);
    }

    /**
     * The inner product of two atoms in a canonical order (it is symmetric); of an atom with
     * itself, the squared norm.
     */
    static Expr inner(Expr a, Expr b) {
        // <u, sign(u)> = Σ|u_i| = ||u||_1
        if (b instanceof derivcheck.expr.Apply s && s.fn() == derivcheck.expr.Builtin.SIGN && s.args().get(0).equals(a)) {
            return new Norm(a, NormKind.L1, Pos.NONE);
        }
        if (a instanceof derivcheck.expr.Apply s && s.fn() == derivcheck.expr.Builtin.SIGN && s.args().get(0).equals(b)) {
            return new Norm(b, NormKind.L1, Pos.NONE);
        }
        if (a.equals(b)) return new Pow(new Norm(a, NormKind.L2, Pos.NONE), Num.of(2), Pos.NONE);
        if (TextPrinter.print(a).compareTo(TextPrinter.print(b)) > 0) {
            Expr t = a;
            a = b;
            b = t;
        }
        if (a.shape().isVector()) return new Inner(a, b, Pos.NONE);
        // matrices: <A, B> = trace(A'B); keep it as an inner product of the two
        return new Inner(a, b, Pos.NONE);
    }
}
