package derivcheck.judge;

import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Inner;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import derivcheck.expr.Apply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The generator of issue 11's property test (equal-up-to-algebra rewrites and slips), shared by the
 * judge's {@link AlgebraRewritesPropertyTest} and the numeric tier's property test: a reference is a
 * sum of terms coefficient * factor * (n1 + n2) / den [* vector atom] over x, y, c (any sign), a, b > 0
 * ({@link #ASSUME}) and the vectors u, v and matrices A, B of size n; a rewrite keeps the value
 * (reordering, splitting fractions, moving signs, taking a common factor out), a slip does not.
 */
public final class EqualRewrites {
    private EqualRewrites() {}

    public static final Pos P = Pos.NONE;
    public static final Dim N = Dim.of("n");
    public static final Sym X = Sym.scalar("x"), Y = Sym.scalar("y"), A = Sym.scalar("a"), B = Sym.scalar("b"), C = Sym.scalar("c");
    public static final Sym U = vec("u"), V = vec("v"), MA = mat("A"), MB = mat("B");
    public static final List<Relation> ASSUME = List.of(new Relation(RelOp.GT, A, Num.ZERO, P), new Relation(RelOp.GT, B, Num.ZERO, P));

    static Sym vec(String n) { return new Sym(n, new Shape.Vector(N), SymKind.GIVEN, P); }
    static Sym mat(String n) { return new Sym(n, new Shape.Matrix(N, N), SymKind.GIVEN, P); }

    /** A term: a coefficient, a scalar factor, a numerator split in two, a denominator, and (vector case) a vector atom. */
    public record Term(Num coef, Expr factor, Expr num1, Expr num2, Expr den, Expr vector) {
        public Expr numerator() { return Exprs.add(num1, num2); }

        public Expr whole() { return build(numerator()); }

        public Expr build(Expr numerator) {
            List<Expr> f = new ArrayList<>(List.of(coef, factor, numerator, Exprs.pow(den, Num.MINUS_ONE)));
            if (vector != null) f.add(vector);
            return Exprs.mul(f, P);
        }

        /** n1/d + n2/d, each with the coefficient and factor. */
        public Expr split() { return Exprs.add(build(num1), build(num2)); }

        /** the same term with the sign moved into the numerator: (-c) * (-n1 - n2) / d. */
        public Expr signMoved() {
            Expr neg = Exprs.add(Exprs.neg(num1), Exprs.neg(num2));
            List<Expr> f = new ArrayList<>(List.of(new Num(coef.value().negate(), P), factor, neg, Exprs.pow(den, Num.MINUS_ONE)));
            if (vector != null) f.add(vector);
            return Exprs.mul(f, P);
        }
    }

    public static Expr scalarAtom(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> X;
            case 1 -> Y;
            case 2 -> A;
            case 3 -> Exprs.add(X, Exprs.neg(Y));
            case 4 -> Apply.of(Builtin.EXP, X);
            case 5 -> Apply.of(Builtin.LOG, A);
            case 6 -> Apply.of(Builtin.SQRT, B);
            case 7 -> Exprs.sq(X);
            case 8 -> new Inner(U, V, P);
            case 9 -> new Mul(List.of(new Transpose(U, P), MA, V), P);
            case 10 -> Exprs.sq(new Norm(U, NormKind.L2, P));
            default -> C;
        };
    }

    public static Expr denominator(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Exprs.add(Exprs.sq(X), Num.ONE);
            case 1 -> Exprs.add(A, Num.of(2));
            case 2 -> Exprs.add(Exprs.sq(Y), A);
            default -> Num.ONE;
        };
    }

    public static Expr vectorAtom(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> U;
            case 1 -> new Mul(List.of(MA, U), P);
            case 2 -> new Mul(List.of(MA, MB, V), P);
            case 3 -> new Mul(List.of(MB, V), P);
            default -> V;
        };
    }

    public static final long[][] COEFS = {{1, 1}, {-1, 1}, {2, 1}, {-3, 1}, {1, 2}, {-5, 3}};

    public static List<Term> terms(Random r, boolean vector) {
        int k = 2 + r.nextInt(3);
        List<Term> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            long[] c = COEFS[r.nextInt(COEFS.length)];
            out.add(new Term(Num.of(c[0], c[1]), scalarAtom(r), scalarAtom(r), scalarAtom(r), denominator(r), vector ? vectorAtom(r) : null));
        }
        return out;
    }

    public static Expr sum(List<Expr> ts) { return ts.size() == 1 ? ts.get(0) : Exprs.add(ts, P); }

    public static Expr reference(List<Term> ts) {
        List<Expr> w = new ArrayList<>();
        for (Term t : ts) w.add(t.whole());
        return sum(w);
    }

    /** A rewrite that keeps the value. */
    public static Expr rewrite(List<Term> ts, Random r, int kind) {
        List<Expr> w = new ArrayList<>();
        for (Term t : ts) {
            w.add(switch (kind) {
                case 0 -> t.whole();
                case 1 -> t.split();
                case 2 -> t.signMoved();
                default -> r.nextBoolean() ? t.split() : t.signMoved();
            });
        }
        Collections.shuffle(w, r); // reordering, always
        if (kind == 3) {
            // distributing backwards: a factor x^2 + 1 (never 0) taken out of the whole sum
            Expr f = Exprs.add(Exprs.sq(X), Num.ONE);
            List<Expr> inner = new ArrayList<>();
            for (Expr e : w) inner.add(Exprs.mul(List.of(e, Exprs.pow(f, Num.MINUS_ONE)), P));
            return Exprs.mul(List.of(f, sum(inner)), P);
        }
        return sum(w);
    }

    /** A slip: 0 flips a sign, 1 doubles a term, 2 drops a term, 3 transposes a product. */
    public static Expr slip(List<Term> ts, Random r, int kind, boolean vector) {
        int which = r.nextInt(ts.size());
        List<Expr> w = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            Expr e = ts.get(i).whole();
            if (i == which) {
                switch (kind) {
                    case 0 -> e = Exprs.neg(e);
                    case 1 -> e = Exprs.mul(Num.of(2), e);
                    case 2 -> e = null;
                    default -> e = transposed(ts.get(i), vector);
                }
            }
            if (e != null) w.add(e);
        }
        if (w.isEmpty()) w.add(Num.ZERO);
        return sum(w);
    }

    /** The term with its matrix product transposed (A*u -> A'*u; A*B*v -> B*A*v; u'*A*v -> u'*A'*v). */
    public static Expr transposed(Term t, boolean vector) {
        if (vector && t.vector() instanceof Mul m) {
            List<Expr> f = new ArrayList<>(m.factors());
            if (f.size() == 3) Collections.swap(f, 0, 1); else f.set(0, new Transpose(f.get(0), P));
            return new Term(t.coef(), t.factor(), t.num1(), t.num2(), t.den(), new Mul(f, P)).whole();
        }
        // no product in this term: the transposed factor of a scalar u'Av, else the term itself scaled by a transposed form
        Expr form = new Mul(List.of(new Transpose(U, P), new Transpose(MA, P), V), P);
        Expr orig = new Mul(List.of(new Transpose(U, P), MA, V), P);
        return Exprs.transform(t.whole(), x -> x.equals(orig) ? form : null).equals(t.whole())
                ? Exprs.mul(t.whole(), Exprs.add(Num.ONE, Exprs.add(form, Exprs.neg(orig))))
                : Exprs.transform(t.whole(), x -> x.equals(orig) ? form : null);
    }

}
