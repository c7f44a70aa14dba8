package derivcheck.expr;

import java.util.List;

/** A function applied to arguments. */
public record Apply(Func fn, List<Expr> args, Shape shape, Pos pos) implements Expr {
    public Apply {
        args = List.copyOf(args);
        shape = Shapes.apply(fn, args, pos);
    }

    public Apply(Func fn, List<Expr> args, Pos pos) { this(fn, args, null, pos); }

    public static Apply of(Func fn, Expr... args) { return new Apply(fn, List.of(args), Pos.NONE); }

    @Override public List<Expr> children() { return args; }
    @Override public Expr withChildren(List<Expr> c) { return new Apply(fn, c, pos); }
}
