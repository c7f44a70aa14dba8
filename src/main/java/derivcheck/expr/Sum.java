package derivcheck.expr;

import java.util.List;

/** {@code sum(i = lo..hi, body)}: the index is bound in the body; an empty range sums to 0. */
public record Sum(Sym index, Expr lo, Expr hi, Expr body, Pos pos) implements Expr {
    public Sum {
        if (index.kind() != SymKind.INDEX) throw new ShapeException(index.name() + " is not an index", pos);
        if (!lo.isScalar() || !hi.isScalar()) throw new ShapeException("sum bounds must be scalars", pos);
    }

    @Override public Shape shape() { return body.shape(); }
    @Override public List<Expr> children() { return List.of(lo, hi, body); }
    @Override public Expr withChildren(List<Expr> c) { return new Sum(index, c.get(0), c.get(1), c.get(2), pos); }
}
