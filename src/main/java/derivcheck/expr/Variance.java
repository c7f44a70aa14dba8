package derivcheck.expr;

import java.util.List;

/** {@code Var[x]}: the variance of a scalar random quantity (entrywise for vectors). */
public record Variance(Expr arg, Pos pos) implements Expr {
    @Override public Shape shape() { return arg.shape(); }
    @Override public List<Expr> children() { return List.of(arg); }
    @Override public Expr withChildren(List<Expr> c) { return new Variance(c.get(0), pos); }
}
