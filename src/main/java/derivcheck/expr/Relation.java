package derivcheck.expr;

/** A comparison of two expressions of one shape (elementwise for vectors). */
public record Relation(RelOp op, Expr lhs, Expr rhs, Pos pos) {
    public Relation {
        if (!lhs.shape().equals(rhs.shape()) && !rhs.isScalar()) {
            throw new ShapeException("cannot compare " + lhs.shape() + " with " + rhs.shape(), pos);
        }
    }
}
