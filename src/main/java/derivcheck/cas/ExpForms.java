package derivcheck.cas;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Rewrites of LogisticSigmoid and Tanh into exponentials, for the operations where Symja does
 * better on the exponential form (measured on 3.0.0: {@code Solve(LogisticSigmoid(x) == y)} stays
 * unevaluated, and {@code Simplify(LogisticSigmoid(x) - 1/(1+E^-x))} is not 0).
 */
final class ExpForms {
    private ExpForms() {}

    static IExpr of(IExpr e) {
        return e.replaceAll(s -> {
            if (s.isAST(S.LogisticSigmoid, 2)) {
                return F.Power(F.Plus(F.C1, F.Exp(F.Times(F.CN1, ((IAST) s).arg1()))), F.CN1);
            }
            if (s.isAST(S.Tanh, 2)) {
                IExpr e2 = F.Exp(F.Times(F.C2, ((IAST) s).arg1()));
                return F.Times(F.Plus(e2, F.CN1), F.Power(F.Plus(e2, F.C1), F.CN1));
            }
            return F.NIL;
        }).orElse(e);
    }
}
