package derivcheck.expr;

import java.util.List;

/**
 * A sum of two or more terms of one shape. A scalar term among vector terms is broadcast: it
 * stands for the scalar times the all-ones vector, and is stored so ({@code t*ones(n)}, see
 * {@link Broadcast}), so every later stage sees terms of one shape. A scalar is not
 * broadcast over a matrix (c*I and c*ones(m)*ones(n)' would both be readings).
 */
public record Add(List<Expr> terms, Shape shape, Pos pos) implements Expr {
    public Add {
        terms = Broadcast.terms(List.copyOf(terms));
        if (terms.size() < 2) throw new IllegalArgumentException("Add needs two or more terms");
        shape = Shapes.sum(terms, pos);
    }

    public Add(List<Expr> terms, Pos pos) { this(terms, null, pos); }

    @Override public List<Expr> children() { return terms; }
    @Override public Expr withChildren(List<Expr> c) { return new Add(c, pos); }
}
