package derivcheck.calculus;

import derivcheck.expr.Expr;
import derivcheck.expr.ExprBuilders;

/** The shared expression builders, and printing as the calculus tests compare it. */
final class X extends ExprBuilders {
    private X() {}

    static String str(Expr e) { return Ascii.print(e); }
}
