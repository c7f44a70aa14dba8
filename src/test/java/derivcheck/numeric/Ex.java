package derivcheck.numeric;

import derivcheck.expr.Expr;
import derivcheck.expr.ExprBuilders;

/** The shared expression builders, and evaluation for the numeric tests. */
final class Ex extends ExprBuilders {
    private Ex() {}

    static double eval(Expr e, Env env) { return Compiler.compile(e).evaluateScalar(env); }
    static Value evalV(Expr e, Env env) { return Compiler.compile(e).evaluate(env); }
}
