package derivcheck.expr;

import java.util.List;

/** A power: scalar to a scalar, or a square matrix to an integer-valued scalar. */
public record Pow(Expr base, Expr exponent, Shape shape, Pos pos) implements Expr {
    public Pow {
        if (!exponent.isScalar()) throw new ShapeException("an exponent must be a scalar, not " + exponent.shape(), pos);
        Shape b = base.shape();
        if (b instanceof Shape.Vector) {
            throw new ShapeException("cannot raise a vector to a power; write ||x||^2 or x_i^2", pos);
        }
        if (b instanceof Shape.Matrix m && !m.rows().equals(m.cols())) {
            throw new ShapeException("only a square matrix has powers, not " + b, pos);
        }
        shape = b;
    }

    public Pow(Expr base, Expr exponent, Pos pos) { this(base, exponent, null, pos); }

    @Override public List<Expr> children() { return List.of(base, exponent); }
    @Override public Expr withChildren(List<Expr> c) { return new Pow(c.get(0), c.get(1), pos); }
}
