package derivcheck.expr;

import java.util.List;

/** A norm of a vector or matrix. */
public record Norm(Expr arg, NormKind kind, Pos pos) implements Expr {
    public Norm {
        if (kind == NormKind.FROBENIUS && !arg.shape().isMatrix()) {
            throw new ShapeException("||.||_F needs a matrix, not a " + Shapes.describe(arg.shape()), pos);
        }
    }

    public static Norm l2(Expr x) { return new Norm(x, NormKind.L2, Pos.NONE); }

    @Override public Shape shape() { return Shape.SCALAR; }
    @Override public List<Expr> children() { return List.of(arg); }
    @Override public Expr withChildren(List<Expr> c) { return new Norm(c.get(0), kind, pos); }
}
