package derivcheck.expr;

import java.util.List;

/**
 * A mathematical expression: an immutable tree of small records that check their own shapes
 * when built. Structural equality ignores source positions (see {@link Pos}).
 * Subtraction is {@code a + (-1)*b}; division is {@code a * b^-1}.
 */
public sealed interface Expr
        permits Num, Const, Sym, Add, Mul, Pow, Apply, Inner, Norm, Transpose, Inverse, Identity,
                Ones, Index, Sum, Piecewise, Iverson, Expectation, Variance, Grad {

    Shape shape();

    Pos pos();

    /** The direct subexpressions, in order. */
    List<Expr> children();

    /** The same node over new children (same count and order as {@link #children()}). */
    Expr withChildren(List<Expr> children);

    default boolean isScalar() { return shape().isScalar(); }
}
