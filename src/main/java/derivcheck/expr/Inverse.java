package derivcheck.expr;

import java.util.List;

/** The inverse of a square matrix. */
public record Inverse(Expr arg, Pos pos) implements Expr {
    public Inverse {
        if (!(arg.shape() instanceof Shape.Matrix m) || !m.rows().equals(m.cols())) {
            throw new ShapeException("inv needs a square matrix, not a " + Shapes.describe(arg.shape()), pos);
        }
    }

    @Override public Shape shape() { return arg.shape(); }
    @Override public List<Expr> children() { return List.of(arg); }
    @Override public Expr withChildren(List<Expr> c) { return new Inverse(c.get(0), pos); }
}
