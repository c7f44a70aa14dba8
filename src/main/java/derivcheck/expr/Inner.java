package derivcheck.expr;

import java.util.List;

/** The inner product {@code <a, b>} of two vectors (or matrices, entrywise) of one shape. */
public record Inner(Expr left, Expr right, Pos pos) implements Expr {
    public Inner {
        if (left.isScalar() || right.isScalar() || !left.shape().equals(right.shape())) {
            throw new ShapeException("<a, b> needs two vectors of one size, not a "
                    + Shapes.describe(left.shape()) + " and a " + Shapes.describe(right.shape()), pos);
        }
    }

    @Override public Shape shape() { return Shape.SCALAR; }
    @Override public List<Expr> children() { return List.of(left, right); }
    @Override public Expr withChildren(List<Expr> c) { return new Inner(c.get(0), c.get(1), pos); }
}
