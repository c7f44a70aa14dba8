package derivcheck.algebra;

import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The low-rank factorization objective {@code c·||X − A·B||_F^2} (or {@code ||A·B − X||^2}) in
 * two matrix unknowns A, B: the coefficient c (free of A and B) and the data X (free of A and B,
 * the shape of A·B). Empty for any other expression.
 */
public record LowRankForm(Expr coefficient, Expr data) {
    public static Optional<LowRankForm> of(Expr f, Sym a, Sym b) {
        List<Expr> scale = new ArrayList<>();
        Expr core = f;
        if (f instanceof Mul m) {
            core = null;
            for (Expr x : m.factors()) {
                if (free(x, a, b) && x.isScalar()) scale.add(x);
                else if (core == null) core = x;
                else return Optional.empty();
            }
            if (core == null) return Optional.empty();
        }
        if (!(core instanceof Pow p && p.exponent() instanceof Num two && two.value().equals(Rational.of(2))
                && p.base() instanceof Norm n && (n.kind() == NormKind.L2 || n.kind() == NormKind.FROBENIUS)
                && n.arg() instanceof Add sum && sum.terms().size() == 2)) {
            return Optional.empty();
        }
        for (int k = 0; k < 2; k++) {
            Expr data = sum.terms().get(k), product = sum.terms().get(1 - k);
            if (!free(data, a, b) || !data.shape().isMatrix()) continue;
            Optional<Integer> sign = signedProduct(product, a, b);
            if (sign.isEmpty()) continue;
            Expr c = scale.isEmpty() ? Num.ONE : Exprs.mul(scale, Pos.NONE);
            // ||data + A B|| = ||(-data) - A B||
            return Optional.of(new LowRankForm(c, sign.get() < 0 ? data : Exprs.neg(data)));
        }
        return Optional.empty();
    }

    /** +1 for A·B, −1 for −A·B (numbers only as scalar factors), empty otherwise. */
    private static Optional<Integer> signedProduct(Expr e, Sym a, Sym b) {
        List<Expr> fs = e instanceof Mul m ? m.factors() : List.of(e);
        Rational s = Rational.ONE;
        List<Expr> mats = new ArrayList<>();
        for (Expr f : fs) {
            if (f instanceof Num n) s = s.times(n.value());
            else mats.add(f);
        }
        if (mats.size() != 2 || !mats.get(0).equals(a) || !mats.get(1).equals(b)) return Optional.empty();
        if (s.equals(Rational.ONE)) return Optional.of(1);
        if (s.equals(Rational.MINUS_ONE)) return Optional.of(-1);
        return Optional.empty();
    }

    private static boolean free(Expr e, Sym a, Sym b) {
        return !Exprs.mentions(e, a.name()) && !Exprs.mentions(e, b.name());
    }
}
