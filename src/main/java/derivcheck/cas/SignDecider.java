package derivcheck.cas;

import derivcheck.expr.Expr;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The sign of a scalar under assumptions, as far as Symja can prove it: first
 * {@code Refine(Sign(e))}, then {@code Refine(e > 0)}, {@code e < 0}, {@code e == 0},
 * {@code e >= 0}, {@code e <= 0}, each on the expression and on its simplified form. Measured on
 * 3.0.0: {@code Refine(Sign(1-x), 0<x<1)} stays unevaluated while {@code Refine(1-x > 0, ...)} is
 * True, and {@code Refine(y+z > 0, y>=0, z>0)} stays unevaluated while {@code Refine(Sign(y+z))} is 1,
 * so both kinds of question are asked. Sign is asked under strict facts only (see
 * {@link Facts#strictOnly}).
 */
final class SignDecider {
    private SignDecider() {}

    static Outcome<Sign> run(EvalEngine engine, Expr e, Assumptions assumptions) throws Unsupported {
        Translation t = new Translation();
        IExpr x = t.scalar(e);
        IAST facts = t.facts(assumptions);
        Sign s = decide(engine, x, facts);
        if (s.isStrict()) return Outcome.done(s);
        IAST safe = Facts.safeFor(x, facts);
        IExpr simplified = engine.evaluate(safe == null ? F.Simplify(x) : F.Simplify(x, safe));
        if (!simplified.equals(x)) {
            Sign s2 = decide(engine, simplified, facts);
            if (s2 != Sign.UNKNOWN) return Outcome.done(s2);
        }
        return Outcome.done(s);
    }

    /** Decides the sign of an already translated expression. */
    static Sign decide(EvalEngine engine, IExpr x, IAST facts) {
        if (x.isZero()) return Sign.ZERO;
        if (x.isReal()) return x.isPositive() ? Sign.POSITIVE : x.isNegative() ? Sign.NEGATIVE : Sign.UNKNOWN;
        IExpr sign = refine(engine, F.Sign(x), Facts.strictOnly(facts));
        if (sign.isOne()) return Sign.POSITIVE;
        if (sign.isMinusOne()) return Sign.NEGATIVE;
        if (sign.isZero()) return Sign.ZERO;
        if (refine(engine, F.Greater(x, F.C0), facts).isTrue()) return Sign.POSITIVE;
        if (refine(engine, F.Less(x, F.C0), facts).isTrue()) return Sign.NEGATIVE;
        if (refine(engine, F.Equal(x, F.C0), facts).isTrue()) return Sign.ZERO;
        if (refine(engine, F.GreaterEqual(x, F.C0), facts).isTrue()) return Sign.NONNEGATIVE;
        if (refine(engine, F.LessEqual(x, F.C0), facts).isTrue()) return Sign.NONPOSITIVE;
        return Sign.UNKNOWN;
    }

    private static IExpr refine(EvalEngine engine, IExpr question, IAST facts) {
        return engine.evaluate(facts == null ? question : F.Refine(question, facts));
    }
}
