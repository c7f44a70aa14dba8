package derivcheck.expr;

import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Dim;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Inverse;
import derivcheck.expr.Iverson;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import derivcheck.spec.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of random well-shaped expressions over the names of {@link Specs#DECLS},
 * built the way the spec reader builds them (flattened sums and products with the constant
 * last and the coefficient first, divisions as b^-1), so reading one back can give it exactly.
 */
final class ExprGenerator {
    static final Pos P = Pos.NONE;
    static final Dim N = Dim.of("n"), M = Dim.of("m");
    static final Shape SCALAR = Shape.SCALAR, VEC_N = new Shape.Vector(N), VEC_M = new Shape.Vector(M),
            SQUARE = new Shape.Matrix(N, N), WIDE = new Shape.Matrix(M, N);
    static final List<Shape> SHAPES = List.of(SCALAR, SCALAR, VEC_N, VEC_M, SQUARE, WIDE);
    private static final Builtin[] ENTRYWISE = {Builtin.LOG, Builtin.EXP, Builtin.SQRT, Builtin.SIGN, Builtin.ABS,
        Builtin.SIGMOID, Builtin.LOGIT, Builtin.TANH, Builtin.RELU, Builtin.SIN, Builtin.COS};

    private final Random rnd;
    private final List<Sym> indices = new ArrayList<>();

    ExprGenerator(long seed) { this.rnd = new Random(seed); }

    Shape anyShape() { return SHAPES.get(rnd.nextInt(SHAPES.size())); }

    Expr gen(Shape s, int depth) {
        if (depth <= 0 || rnd.nextInt(5) == 0) return leaf(s);
        if (s.equals(SCALAR)) return scalar(depth - 1);
        if (s.equals(VEC_N)) return vectorN(depth - 1);
        if (s.equals(VEC_M)) return vectorM(depth - 1);
        if (s.equals(SQUARE)) return square(depth - 1);
        return wide(depth - 1);
    }

    private Expr leaf(Shape s) {
        if (s.equals(SCALAR)) {
            switch (rnd.nextInt(7)) {
                case 0: return Num.of(1 + rnd.nextInt(9));
                case 1: return Num.of(1 + rnd.nextInt(5), 2 + rnd.nextInt(5));
                case 2: return new Const("pi", P);
                case 3: return new Sym("n", SCALAR, SymKind.DIM, P);
                case 4: if (!indices.isEmpty()) return pick(indices); // fall through
                default: return given(pick(List.of("a", "b", "c")), SCALAR);
            }
        }
        if (s.equals(VEC_N)) return given(pick(List.of("x", "y", "theta_t")), s);
        if (s.equals(VEC_M)) return given("u", s);
        if (s.equals(SQUARE)) return rnd.nextInt(6) == 0 ? new Identity(N, P) : given(pick(List.of("S", "W")), s);
        return given("A", s);
    }

    private Expr scalar(int d) {
        switch (rnd.nextInt(22)) {
            case 0: case 1: return Exprs.add(terms(SCALAR, d), P);
            case 2: case 3: return Exprs.mul(terms(SCALAR, d), P);
            case 4: return Exprs.mul(List.of(gen(SCALAR, d), reciprocal(d)), P);
            case 5: return new Pow(gen(SCALAR, d), exponent(d), P);
            case 6: return Exprs.neg(gen(SCALAR, d));
            case 7: return Exprs.mul(new Transpose(gen(VEC_N, d), P), gen(SQUARE, d), gen(VEC_N, d));
            case 8: return new Norm(gen(VEC_N, d), pick(List.of(NormKind.L2, NormKind.L1, NormKind.LINF)), P);
            case 9: return new Norm(gen(pick(List.of(SQUARE, WIDE)), d), NormKind.FROBENIUS, P);
            case 10: return new Inner(gen(VEC_N, d), gen(VEC_N, d), P);
            case 11: return new Apply(pick(List.of(ENTRYWISE)), List.of(gen(SCALAR, d)), P);
            case 12: return new Apply(pick(List.of(Builtin.SUM, Builtin.MAX, Builtin.MIN)), List.of(gen(VEC_N, d)), P);
            case 13: return new Apply(Builtin.TRACE, List.of(gen(SQUARE, d)), P);
            case 14: return new Apply(new UserFunc("rho", rnd.nextInt(2)), List.of(gen(SCALAR, d)), P);
            case 15: return sum(SCALAR, d);
            case 16: return new Index(gen(VEC_N, d), List.of(index(d)), P);
            case 17: return new Index(given("W", SQUARE), List.of(index(d), index(d)), P);
            case 18: return cases(SCALAR, d);
            case 19: return new Iverson(List.of(relation(d)), P);
            case 20: return rnd.nextBoolean() ? new Expectation(gen(SCALAR, d), P) : new Variance(gen(SCALAR, d), P);
            default: return new Pow(gen(SCALAR, d), new Pow(gen(SCALAR, d), exponent(d), P), P);
        }
    }

    private Expr vectorN(int d) {
        switch (rnd.nextInt(12)) {
            case 0: case 1: return Exprs.add(terms(VEC_N, d), P);
            case 2: return Exprs.mul(gen(SCALAR, d), gen(VEC_N, d));
            case 3: return Exprs.mul(gen(SQUARE, d), gen(VEC_N, d));
            case 4: return Exprs.mul(new Transpose(gen(WIDE, d), P), gen(VEC_M, d));
            case 5: return new Apply(pick(List.of(ENTRYWISE)), List.of(gen(VEC_N, d)), P);
            case 6: return new Apply(Builtin.SOFTMAX, List.of(gen(VEC_N, d)), P);
            case 7: return new Apply(pick(List.of(Builtin.MAX, Builtin.MIN)), List.of(gen(VEC_N, d), gen(SCALAR, d)), P);
            case 8: return new Transpose(new Transpose(gen(VEC_N, d), P), P);
            case 9: return Exprs.neg(gen(VEC_N, d));
            case 10: return cases(VEC_N, d);
            default: return new Grad(new Sym("L", SCALAR, SymKind.LOSS, P), given("x", VEC_N), P);
        }
    }

    private Expr vectorM(int d) {
        switch (rnd.nextInt(4)) {
            case 0: return Exprs.mul(gen(WIDE, d), gen(VEC_N, d));
            case 1: return Exprs.add(terms(VEC_M, d), P);
            case 2: return Exprs.mul(reciprocal(d), gen(VEC_M, d));
            default: return sum(VEC_M, d);
        }
    }

    private Expr square(int d) {
        switch (rnd.nextInt(8)) {
            case 0: return Exprs.add(terms(SQUARE, d), P);
            case 1: return Exprs.mul(gen(SQUARE, d), gen(SQUARE, d));
            case 2: return new Transpose(gen(SQUARE, d), P);
            case 3: return new Inverse(gen(SQUARE, d), P);
            case 4: return Exprs.mul(gen(VEC_N, d), new Transpose(gen(VEC_N, d), P));
            case 5: return new Pow(gen(SQUARE, d), Num.of(rnd.nextInt(3) - 1), P);
            case 6: return Exprs.mul(new Transpose(gen(WIDE, d), P), gen(WIDE, d));
            default: return Exprs.mul(gen(SCALAR, d), gen(SQUARE, d));
        }
    }

    private Expr wide(int d) {
        return switch (rnd.nextInt(3)) {
            case 0 -> Exprs.mul(gen(WIDE, d), gen(SQUARE, d));
            case 1 -> Exprs.add(terms(WIDE, d), P);
            default -> Exprs.mul(gen(VEC_M, d), new Transpose(gen(VEC_N, d), P));
        };
    }

    private List<Expr> terms(Shape s, int d) {
        List<Expr> t = new ArrayList<>();
        int k = 2 + rnd.nextInt(2);
        for (int i = 0; i < k; i++) t.add(rnd.nextInt(4) == 0 ? Exprs.neg(gen(s, d)) : gen(s, d));
        return t;
    }

    /** 1/e as reading "1/e" gives it. */
    private Expr reciprocal(int d) {
        Expr e = gen(SCALAR, d);
        if (e instanceof Num n) return n.value().isZero() ? Num.ONE : new Num(n.value().inverse(), P);
        return new Pow(e, Num.MINUS_ONE, P);
    }

    private Expr exponent(int d) {
        return switch (rnd.nextInt(4)) {
            case 0 -> Num.of(2);
            case 1 -> Num.of(-1 - rnd.nextInt(2));
            case 2 -> Num.of(1, 2);
            default -> gen(SCALAR, d);
        };
    }

    private Expr sum(Shape s, int d) {
        Sym i = new Sym("i" + indices.size(), SCALAR, SymKind.INDEX, P);
        Expr lo = Num.of(1 + rnd.nextInt(2));
        Expr hi = rnd.nextBoolean() ? new Sym("n", SCALAR, SymKind.DIM, P)
                : Exprs.add(new Sym("N", SCALAR, SymKind.DIM, P), Num.of(-2));
        indices.add(i);
        try {
            Expr body = s.isScalar() ? Exprs.mul(gen(SCALAR, d), new Index(given("x", VEC_N), List.of(i), P))
                    : Exprs.mul(new Index(given("x", VEC_N), List.of(Exprs.add(i, Num.of(1))), P), gen(s, d));
            return new Sum(i, lo, hi, body, P);
        } finally {
            indices.remove(indices.size() - 1);
        }
    }

    private Expr index(int d) {
        if (!indices.isEmpty() && rnd.nextBoolean()) {
            Sym i = pick(indices);
            return rnd.nextBoolean() ? i : Exprs.add(i, Num.of(rnd.nextBoolean() ? 2 : -1));
        }
        return Num.of(1 + rnd.nextInt(3));
    }

    private Expr cases(Shape s, int d) {
        List<Piecewise.Arm> arms = new ArrayList<>();
        arms.add(new Piecewise.Arm(gen(s, d), List.of(relation(d))));
        if (rnd.nextBoolean()) {
            Expr mid = gen(SCALAR, d);
            arms.add(new Piecewise.Arm(gen(s, d), List.of(new Relation(RelOp.LE, Num.of(-1), mid, P),
                    new Relation(RelOp.LT, mid, gen(SCALAR, d), P))));
        }
        arms.add(new Piecewise.Arm(gen(s, d), List.of()));
        return new Piecewise(arms, P);
    }

    private Relation relation(int d) {
        return new Relation(pick(List.of(RelOp.values())), gen(SCALAR, d), gen(SCALAR, d), P);
    }

    private static Sym given(String name, Shape s) { return new Sym(name, s, SymKind.GIVEN, P); }

    private <T> T pick(List<T> l) { return l.get(rnd.nextInt(l.size())); }
}
