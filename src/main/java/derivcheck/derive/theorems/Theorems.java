package derivcheck.derive.theorems;

import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
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

    private static final Sym G = vector("g"), X = vector("x"), EPS = scalar("eps");

    private static Expr norm(Expr v, NormKind k) { return new Norm(v, k, Pos.NONE); }

    public static final Theorem HOLDER = new Theorem("Hölder's inequality (dual norms)",
            List.of("over the ball ", new Relation(RelOp.LE, norm(X, NormKind.L2), EPS, Pos.NONE), " of a norm the maximum of ",
                    new Inner(G, X, Pos.NONE), " is ", EPS, " times the dual norm of ", G, ": ", Exprs.mul(EPS, norm(G, NormKind.L2)),
                    " for the Euclidean norm, ", Exprs.mul(EPS, norm(G, NormKind.L1)), " for the maximum norm and ",
                    Exprs.mul(EPS, norm(G, NormKind.LINF)), " for the sum of absolute values"),
            List.of(List.of(new Relation(RelOp.GE, EPS, Num.ZERO, Pos.NONE))));

    public static final Theorem CAUCHY_SCHWARZ = new Theorem("Cauchy–Schwarz inequality",
            List.of(new Relation(RelOp.LE, Apply.of(Builtin.ABS, new Inner(G, X, Pos.NONE)),
                    Exprs.mul(new Norm(G, NormKind.L2, Pos.NONE), new Norm(X, NormKind.L2, Pos.NONE)), Pos.NONE),
                    ", with equality exactly when ", X, " and ", G, " are parallel"),
            List.of());

    public static List<Theorem> all() { return List.of(ECKART_YOUNG_MIRSKY, HOLDER, CAUCHY_SCHWARZ); }

    private static Sym dim(String n) { return new Sym(n, Shape.SCALAR, SymKind.DIM, Pos.NONE); }

    private static Sym scalar(String n) { return new Sym(n, Shape.SCALAR, SymKind.GIVEN, Pos.NONE); }

    private static Sym vector(String n) { return new Sym(n, new Shape.Vector(Dim.of("n")), SymKind.GIVEN, Pos.NONE); }
}
