package derivcheck.expr;

import java.util.List;

/** A named mathematical constant: {@code pi}. */
public record Const(String name, Pos pos) implements Expr {
    public static final Const PI = new Const("pi", Pos.NONE);

    public Const {
        if (!name.equals("pi")) throw new ShapeException("unknown constant " + name, pos);
    }

    @Override public Shape shape() { return Shape.SCALAR; }
    @Override public List<Expr> children() { return List.of(); }
    @Override public Expr withChildren(List<Expr> c) { return this; }
}
