package derivcheck.cas;

import derivcheck.expr.Expr;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Zero test: ZERO only when Symja reduces the expression to 0 (Expand, Together, then Simplify
 * under the assumptions; then the same with sigmoid and tanh written as exponentials); NONZERO only when the reduced form is a nonzero number or its sign is
 * proven; otherwise UNKNOWN. {@code PossibleZeroQ} is not used: it samples numerically, which is
 * the numeric package's job and not a proof.
 */
final class ZeroTester {
    private ZeroTester() {}

    static Outcome<ZeroTest> run(EvalEngine engine, Expr e, Assumptions assumptions) throws Unsupported {
        Translation t = new Translation();
        IExpr x = t.scalar(e);
        IAST facts = Facts.safeFor(x, t.facts(assumptions));
        IExpr reduced = x;
        IExpr exp = ExpForms.of(x);
        for (IExpr form : exp.equals(x) ? new IExpr[] {x} : new IExpr[] {x, exp}) {
            for (IExpr attempt : new IExpr[] {F.Expand(form), F.Together(form),
                    facts == null ? F.Simplify(form) : F.Simplify(form, facts)}) {
                IExpr r = engine.evaluate(attempt);
                if (r.isZero()) return Outcome.done(ZeroTest.ZERO);
                if (r.isNumber()) return Outcome.done(r.isReal() ? ZeroTest.NONZERO : ZeroTest.UNKNOWN);
                if (r.leafCount() < reduced.leafCount()) reduced = r;
            }
        }
        Sign s = SignDecider.decide(engine, reduced, facts);
        if (s == Sign.POSITIVE || s == Sign.NEGATIVE) return Outcome.done(ZeroTest.NONZERO);
        if (s == Sign.ZERO) return Outcome.done(ZeroTest.ZERO);
        return Outcome.done(ZeroTest.UNKNOWN);
    }
}
