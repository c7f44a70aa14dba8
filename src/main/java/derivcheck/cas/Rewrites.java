package derivcheck.cas;

import derivcheck.expr.Expr;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/** Whole-expression rewrites: Simplify (under assumptions), Expand, Together, Cancel, Factor. */
final class Rewrites {
    private Rewrites() {}

    enum Kind { SIMPLIFY, EXPAND, TOGETHER, CANCEL, FACTOR }

    static Outcome<Expr> run(EvalEngine engine, Kind kind, Expr e, Assumptions assumptions) throws Unsupported {
        Translation t = new Translation();
        IExpr x = t.scalar(e);
        IAST facts = Facts.safeFor(x, t.facts(assumptions));
        IExpr call = switch (kind) {
            case SIMPLIFY -> facts == null ? F.Simplify(x) : F.Simplify(x, facts);
            case EXPAND -> F.Expand(x);
            case TOGETHER -> F.Together(x);
            case CANCEL -> F.Cancel(x);
            case FACTOR -> F.Factor(x);
        };
        return Outcome.done(t.back(engine.evaluate(call)));
    }
}
