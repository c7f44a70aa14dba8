package derivcheck.calculus;

import derivcheck.expr.Expr;
import derivcheck.expr.Pos;

/**
 * Thrown by {@link Gradient} when it meets a node it has no rule for. {@link #node()} is that
 * node (its {@link #pos()} points into the source where known); the message says which node and
 * why, e.g. {@code cannot differentiate max(x) with respect to x: the maximum of a vector has
 * no gradient rule here}.
 */
public final class NotDifferentiableException extends RuntimeException {
    private final transient Expr node;
    private final String reason;

    public NotDifferentiableException(Expr node, String wrt, String reason) {
        super("cannot differentiate " + Ascii.print(node) + " with respect to " + wrt + ": " + reason);
        this.node = node;
        this.reason = reason;
    }

    /** The node that has no rule. */
    public Expr node() { return node; }

    /** Why, without the node. */
    public String reason() { return reason; }

    public Pos pos() { return node.pos(); }
}
