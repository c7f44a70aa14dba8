package derivcheck.expr;

/** A comparison of two expressions of one shape (elementwise for vectors). */
public record Relation(RelOp op, Expr lhs, Expr rhs, Pos pos) {
    public Relation {
        if (!lhs.shape().equals(rhs.shape()) && !rhs.isScalar() && !lhs.isScalar()) {
            throw new ShapeException("cannot compare a " + Shapes.describe(lhs.shape()) + " with a " + Shapes.describe(rhs.shape()), pos);
        }
    }

    /**
     * Whether next continues a chain ending in prev: it starts with prev's right side
     * ({@code a <= b <= c}, {@code a = b < c}, {@code a <= b >= c}). Conditions that are not such a
     * chain ({@code a <= 0} and {@code b <= 0}) must be printed as a conjunction, never as
     * {@code a <= 0 <= 0}.
     */
    public static boolean chains(Relation prev, Relation next) {
        return next.lhs().equals(prev.rhs());
    }
}
