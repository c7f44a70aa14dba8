package derivcheck.expr;

import java.util.List;

/** An exact rational constant. */
public record Num(Rational value, Pos pos) implements Expr {
    public static final Num ZERO = new Num(Rational.ZERO, Pos.NONE);
    public static final Num ONE = new Num(Rational.ONE, Pos.NONE);
    public static final Num MINUS_ONE = new Num(Rational.MINUS_ONE, Pos.NONE);

    public static Num of(long n) { return new Num(Rational.of(n), Pos.NONE); }
    public static Num of(long n, long d) { return new Num(Rational.of(n, d), Pos.NONE); }

    @Override public Shape shape() { return Shape.SCALAR; }
    @Override public List<Expr> children() { return List.of(); }
    @Override public Expr withChildren(List<Expr> c) { return this; }
}
