package derivcheck.cas;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Guards around Symja's use of assumptions. Measured on 3.0.0: {@code Refine(Sign(y), y >= 0)} and
 * {@code Simplify(Sign(y), y >= 0)} give 1, which is wrong at y = 0. Dropping facts is always
 * sound (what holds under fewer facts holds under more), so Sign questions, and expressions that
 * contain Sign, only see the strict facts.
 */
final class Facts {
    private Facts() {}

    /** The facts without weak inequalities ({@code >=}, {@code <=}); null when none remain. */
    static IAST strictOnly(IAST facts) {
        if (facts == null) return null;
        IAST out = facts.filter(F.ListAlloc(facts.argSize()),
                f -> !f.isAST(S.GreaterEqual) && !f.isAST(S.LessEqual));
        return out.argSize() == 0 ? null : out;
    }

    /** The facts that are safe to use while evaluating {@code x}. */
    static IAST safeFor(IExpr x, IAST facts) {
        boolean hasSign = !x.isFree(e -> e.isAST(S.Sign), true);
        return hasSign ? strictOnly(facts) : facts;
    }
}
