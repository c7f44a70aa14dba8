package derivcheck.expr;

import java.util.List;

/**
 * The all-ones vector of R^n, spelled {@code ones(n)}. It is what a scalar means in a sum of
 * vectors: {@code abs(a) - t} is {@code abs(a) - t*ones(n)} (see {@link Add}); printers write
 * such a broadcast term as the bare scalar again.
 */
public record Ones(Dim n, Pos pos) implements Expr {
    public Ones {
        if (n == null) throw new ShapeException("the length of ones(n) is not known here", pos);
    }

    public Ones(Dim n) { this(n, Pos.NONE); }

    @Override public Shape shape() { return new Shape.Vector(n); }
    @Override public List<Expr> children() { return List.of(); }
    @Override public Expr withChildren(List<Expr> c) { return this; }
}
