package derivcheck.expr;

import java.util.List;

/** {@code E[x]}: the expectation over every random variable in x (entrywise for vectors). */
public record Expectation(Expr arg, Pos pos) implements Expr {
    @Override public Shape shape() { return arg.shape(); }
    @Override public List<Expr> children() { return List.of(arg); }
    @Override public Expr withChildren(List<Expr> c) { return new Expectation(c.get(0), pos); }
}
