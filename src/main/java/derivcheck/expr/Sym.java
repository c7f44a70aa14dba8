package derivcheck.expr;

import java.util.List;

/** A named symbol with its declared shape. */
public record Sym(String name, Shape shape, SymKind kind, Pos pos) implements Expr {
    public Sym {
        if (name == null || name.isEmpty()) throw new ShapeException("empty symbol name", pos);
    }

    public static Sym scalar(String name) { return new Sym(name, Shape.SCALAR, SymKind.GIVEN, Pos.NONE); }

    @Override public List<Expr> children() { return List.of(); }
    @Override public Expr withChildren(List<Expr> c) { return this; }
}
