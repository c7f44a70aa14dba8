package derivcheck.expr;

import java.util.List;

/** The transpose; of a column vector, the 1-by-n row (whose transpose is the vector again). */
public record Transpose(Expr arg, Shape shape, Pos pos) implements Expr {
    public Transpose {
        Shape s = arg.shape();
        if (s instanceof Shape.Vector v) shape = new Shape.Matrix(Dim.ONE, v.n());
        else if (s instanceof Shape.Matrix m && m.rows().equals(Dim.ONE)) shape = new Shape.Vector(m.cols());
        else if (s instanceof Shape.Matrix m) shape = new Shape.Matrix(m.cols(), m.rows());
        else shape = s;
    }

    public Transpose(Expr arg, Pos pos) { this(arg, null, pos); }

    @Override public List<Expr> children() { return List.of(arg); }
    @Override public Expr withChildren(List<Expr> c) { return new Transpose(c.get(0), pos); }
}
