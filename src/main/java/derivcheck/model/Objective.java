package derivcheck.model;

import derivcheck.expr.Expr;
import derivcheck.expr.Pos;

/** {@code minimize f} or {@code maximize f}. */
public record Objective(Sense sense, Expr expr, Pos pos) {
    public enum Sense { MINIMIZE, MAXIMIZE }
}
