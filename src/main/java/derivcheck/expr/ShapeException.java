package derivcheck.expr;

/** Thrown by a node's constructor when its operands do not fit together. */
public final class ShapeException extends RuntimeException {
    private final transient Pos pos;

    public ShapeException(String message, Pos pos) {
        super(message);
        this.pos = pos;
    }

    public Pos pos() { return pos; }
}
