package derivcheck.expr;

/** A comparison of two expressions of one shape (elementwise for vectors). */
public record Relation(RelOp op, Expr lhs, Expr rhs, Pos pos) {
    public Relation {
        if (!lhs.shape().equals(rhs.shape()) && !rhs.isScalar() && !lhs.isScalar()) {
            throw new ShapeException("cannot compare a " + Shapes.describe(lhs.shape()) + " with a " + Shapes.describe(rhs.shape()), pos);
        }
    }
}
