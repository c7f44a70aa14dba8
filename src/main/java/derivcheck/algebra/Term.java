package derivcheck.algebra;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Pos;
import java.util.ArrayList;
import java.util.List;

/**
 * One term of a linear combination: a scalar coefficient times an ordered product of
 * non-scalar atoms (empty for a scalar term). {@code 3*eps * X' * t} is coefficient
 * {@code 3*eps} and factors {@code [X', t]}.
 */
public record Term(Expr coefficient, List<Expr> factors) {
    public Term {
        if (!coefficient.isScalar()) throw new IllegalArgumentException("a coefficient must be a scalar");
        factors = List.copyOf(factors);
    }

    public boolean isScalar() { return factors.isEmpty(); }

    /** The product of the factors alone (1 for a scalar term). */
    public Expr product() {
        if (factors.isEmpty()) return derivcheck.expr.Num.ONE;
        if (factors.size() == 1) return factors.get(0);
        return new derivcheck.expr.Mul(factors, Pos.NONE);
    }

    public Expr toExpr() {
        if (factors.isEmpty()) return coefficient;
        List<Expr> all = new ArrayList<>();
        all.add(coefficient);
        all.addAll(factors);
        return Exprs.mul(all, Pos.NONE);
    }
}
