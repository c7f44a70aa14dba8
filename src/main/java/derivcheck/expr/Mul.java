package derivcheck.expr;

import java.util.List;

/**
 * An ordered product. Scalar factors scale; the others multiply as matrices in order
 * (a vector is a column, a transposed vector a row), so the product is not commutative.
 */
public record Mul(List<Expr> factors, Shape shape, Pos pos) implements Expr {
    public Mul {
        factors = List.copyOf(factors);
        if (factors.size() < 2) throw new IllegalArgumentException("Mul needs two or more factors");
        shape = Shapes.product(factors, pos);
    }

    public Mul(List<Expr> factors, Pos pos) { this(factors, null, pos); }

    @Override public List<Expr> children() { return factors; }
    @Override public Expr withChildren(List<Expr> c) { return new Mul(c, pos); }
}
