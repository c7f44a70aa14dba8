package derivcheck.expr;

import java.util.List;

/** {@code grad(f, x)}: the gradient of a scalar f with respect to x; it has the shape of x. */
public record Grad(Expr f, Expr wrt, Pos pos) implements Expr {
    public Grad {
        if (!f.isScalar()) throw new ShapeException("grad needs a scalar function, not a " + Shapes.describe(f.shape()), pos);
    }

    @Override public Shape shape() { return wrt.shape(); }
    @Override public List<Expr> children() { return List.of(f, wrt); }
    @Override public Expr withChildren(List<Expr> c) { return new Grad(c.get(0), c.get(1), pos); }
}
