package derivcheck.expr;

import java.util.List;

/** The n-by-n identity matrix. */
public record Identity(Dim n, Pos pos) implements Expr {
    public Identity {
        if (n == null) throw new ShapeException("the size of I is not known here", pos);
    }

    @Override public Shape shape() { return new Shape.Matrix(n, n); }
    @Override public List<Expr> children() { return List.of(); }
    @Override public Expr withChildren(List<Expr> c) { return this; }
}
