package derivcheck.derive.theorems;

import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import java.util.ArrayList;
import java.util.List;

/** The library of cited theorems, stated over placeholder symbols (see {@link Theorem#cite}). */
public final class Theorems {
    private Theorems() {}

    /** The placeholders of the Eckart–Young–Mirsky theorem: the matrix X in R^(m x n) and the rank r. */
    public static final Sym EYM_M = dim("m"), EYM_N = dim("n"), EYM_R = dim("r");
    public static final Sym EYM_X = new Sym("X", new Shape.Matrix(Dim.of("m"), Dim.of("n")), SymKind.GIVEN, Pos.NONE);

    public static final Theorem ECKART_YOUNG_MIRSKY = new Theorem("Eckart–Young–Mirsky theorem",
            List.of("write ", EYM_X, " by its singular value decomposition, the singular values in decreasing order; the best"
                    + " approximation of ", EYM_X, " of rank at most ", EYM_R, " in the Frobenius norm is the truncated"
                    + " singular value decomposition, which keeps the first ", EYM_R, " singular values and their singular vectors,"
                    + " and its squared error is the sum of the squared singular values left out"),
            List.of(List.of(new Relation(RelOp.LE, EYM_R, Apply.of(Builtin.MIN, EYM_M, EYM_N), Pos.NONE))));

    /** The placeholders of the dual-norm theorems: vectors g, x and the radius eps (k: an index). */
    public static final Sym G = vector("g"), X = vector("x"), EPS = scalar("eps");
    private static final Sym K = new Sym("k", Shape.SCALAR, SymKind.INDEX, Pos.NONE);

    private static Expr norm(Expr v, NormKind k) { return new Norm(v, k, Pos.NONE); }

    /** The dual of the 1-, 2- and ∞-norm: ∞, 2 and 1. */
    public static NormKind dual(NormKind p) {
        return switch (p) {
            case L1 -> NormKind.LINF;
            case L2 -> NormKind.L2;
            case LINF -> NormKind.L1;
            default -> throw new IllegalArgumentException("no dual norm for " + p);
        };
    }

    /**
     * Hölder's inequality for the dual pair (p, q) of {@code ball} (1 and ∞, or ∞ and 1), and what it
     * says on the ball ‖x‖_p ≤ eps: ⟨g, x⟩ lies between −eps‖g‖_q and eps‖g‖_q, and both ends are
     * attained, at eps·sign(g) for the ∞-ball and at a vertex eps·sign(g_k)·e_k with |g_k| = ‖g‖_∞ for
     * the 1-ball (the minimum at the negatives). For the 2-ball it is {@link #CAUCHY_SCHWARZ}.
     */
    public static Theorem holder(NormKind ball) {
        if (ball == NormKind.L2) return CAUCHY_SCHWARZ;
        NormKind q = dual(ball);
        List<Object> attained = ball == NormKind.LINF
                ? List.of(new Relation(RelOp.EQ, X, Exprs.mul(EPS, Apply.of(Builtin.SIGN, G)), Pos.NONE))
                : List.of(new Relation(RelOp.EQ, X, Exprs.mul(EPS, Apply.of(Builtin.SIGN, new Index(G, List.of(K), Pos.NONE))), Pos.NONE),
                        " times the unit vector of a coordinate ", K, " where ",
                        new Relation(RelOp.EQ, Apply.of(Builtin.ABS, new Index(G, List.of(K), Pos.NONE)), norm(G, q), Pos.NONE),
                        " (a vertex of the ball)");
        List<Object> statement = new ArrayList<>(List.of(
                new Relation(RelOp.LE, new Inner(G, X, Pos.NONE), Exprs.mul(norm(G, q), norm(X, ball)), Pos.NONE),
                " for all vectors; so on the ball ", new Relation(RelOp.LE, norm(X, ball), EPS, Pos.NONE), " the largest value of ",
                new Inner(G, X, Pos.NONE), " is ", Exprs.mul(EPS, norm(G, q)), ", attained where "));
        statement.addAll(attained);
        statement.addAll(List.of(", and the smallest is ", Exprs.neg(Exprs.mul(EPS, norm(G, q))), ", attained at the negative"));
        return new Theorem(HOLDER_NAME, statement, List.of(List.of(new Relation(RelOp.GE, EPS, Num.ZERO, Pos.NONE))));
    }

    public static final String HOLDER_NAME = "Hölder inequality for dual norms";

    /** Cauchy–Schwarz, with what it says on the Euclidean ball ‖x‖ ≤ eps (Hölder for p = q = 2). */
    public static final Theorem CAUCHY_SCHWARZ = new Theorem("Cauchy–Schwarz inequality",
            List.of(new Relation(RelOp.LE, Apply.of(Builtin.ABS, new Inner(G, X, Pos.NONE)),
                    Exprs.mul(norm(G, NormKind.L2), norm(X, NormKind.L2)), Pos.NONE),
                    ", with equality exactly when ", X, " and ", G, " are parallel; so on the ball ",
                    new Relation(RelOp.LE, norm(X, NormKind.L2), EPS, Pos.NONE), " the largest value of ", new Inner(G, X, Pos.NONE),
                    " is ", Exprs.mul(EPS, norm(G, NormKind.L2)), ", attained only where ",
                    new Relation(RelOp.EQ, X, Exprs.mul(List.of(EPS, Exprs.pow(norm(G, NormKind.L2), Num.MINUS_ONE), G), Pos.NONE), Pos.NONE),
                    ", and the smallest is ", Exprs.neg(Exprs.mul(EPS, norm(G, NormKind.L2))), ", attained at the negative"),
            List.of(List.of(new Relation(RelOp.GE, EPS, Num.ZERO, Pos.NONE)),
                    List.of(new Relation(RelOp.NE, G, Num.ZERO, Pos.NONE), " for the point where the ends are attained")));

    public static List<Theorem> all() { return List.of(ECKART_YOUNG_MIRSKY, holder(NormKind.LINF), holder(NormKind.L1), CAUCHY_SCHWARZ); }

    private static Sym dim(String n) { return new Sym(n, Shape.SCALAR, SymKind.DIM, Pos.NONE); }

    private static Sym scalar(String n) { return new Sym(n, Shape.SCALAR, SymKind.GIVEN, Pos.NONE); }

    private static Sym vector(String n) { return new Sym(n, new Shape.Vector(Dim.of("n")), SymKind.GIVEN, Pos.NONE); }
}
