package derivcheck.expr;

import java.util.List;

/**
 * An entry or row: {@code x_i} of a vector (a scalar), {@code W_i} of a matrix (row i, as a
 * vector), {@code W_{i,j}} of a matrix (a scalar). Indices are 1-based integer expressions.
 */
public record Index(Expr base, List<Expr> indices, Shape shape, Pos pos) implements Expr {
    public Index {
        indices = List.copyOf(indices);
        for (Expr i : indices) {
            if (!i.isScalar()) throw new ShapeException("an index must be a scalar, not " + i.shape(), pos);
        }
        Shape b = base.shape();
        if (b instanceof Shape.Vector && indices.size() == 1) shape = Shape.SCALAR;
        else if (b instanceof Shape.Matrix m && indices.size() == 1) shape = new Shape.Vector(m.cols());
        else if (b instanceof Shape.Matrix && indices.size() == 2) shape = Shape.SCALAR;
        else throw new ShapeException("cannot take " + indices.size() + " index(es) of a " + b, pos);
    }

    public Index(Expr base, List<Expr> indices, Pos pos) { this(base, indices, null, pos); }

    @Override public List<Expr> children() {
        var c = new java.util.ArrayList<Expr>();
        c.add(base);
        c.addAll(indices);
        return c;
    }

    @Override public Expr withChildren(List<Expr> c) { return new Index(c.get(0), c.subList(1, c.size()), pos); }
}
