package derivcheck.expr;

import java.util.List;

/**
 * {@code grad(f, x)}: the gradient of a scalar f with respect to x; it has the shape of x.
 * For a vector f of length m and a vector x of length n it is the transposed Jacobian, the
 * n-by-m matrix whose column j is grad(f_j, x) (entry (k, j) = d f_j / d x_k), so that the
 * Hessian of a scalar L is {@code grad(grad(L, x), x)} (symmetric where L is twice smooth).
 */
public record Grad(Expr f, Expr wrt, Pos pos) implements Expr {
    public Grad {
        if (!f.isScalar() && !(f.shape() instanceof Shape.Vector && wrt.shape() instanceof Shape.Vector)) {
            throw new ShapeException("grad needs a scalar function (or a vector function of a vector: grad(grad(L, w), w) is"
                    + " the Hessian), not a " + Shapes.describe(f.shape()) + " of a " + Shapes.describe(wrt.shape()), pos);
        }
    }

    @Override public Shape shape() {
        if (f.isScalar()) return wrt.shape();
        return Shape.of(wrt.shape().rows(), f.shape().rows());
    }

    /** Is this a Jacobian (a vector function), not the gradient of a scalar? */
    public boolean jacobian() { return !f.isScalar(); }

    @Override public List<Expr> children() { return List.of(f, wrt); }
    @Override public Expr withChildren(List<Expr> c) { return new Grad(c.get(0), c.get(1), pos); }
}
