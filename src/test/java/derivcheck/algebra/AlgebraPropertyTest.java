package derivcheck.algebra;

import static derivcheck.algebra.AlgebraEx.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Sym;
import derivcheck.numeric.Env;
import derivcheck.numeric.Rng;
import derivcheck.numeric.Value;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Property tests: the rewrites of the algebra package keep the value. A seeded generator
 * builds well-shaped expressions from sums, scalar multiples, matrix-vector products,
 * transposes, inner products, norms and a few scalar functions; each rewrite must evaluate
 * (derivcheck.numeric) to the value of the original at random points.
 */
class AlgebraPropertyTest {
    private static final int CASES = 300;
    private static final int POINTS = 3;

    /** A seeded generator of well-shaped expressions over n-vectors and n-by-n matrices. */
    static final class Gen {
        final Random r;
        final boolean withFunctions;
        static final Sym[] VECTORS = {vec("x"), vec("y"), vec("z")};
        static final Sym[] MATRICES = {mat("A"), mat("B")};
        static final Sym[] SCALARS = {s("a"), s("b"), s("c")};

        Gen(long seed, boolean withFunctions) {
            this.r = new Random(seed);
            this.withFunctions = withFunctions;
        }

        <T> T pick(T[] xs) { return xs[r.nextInt(xs.length)]; }

        Expr number() {
            int k = r.nextInt(7) - 3;
            return k == 0 ? Num.of(1, 2) : Num.of(k);
        }

        Expr scalar(int depth) {
            int choice = depth <= 0 ? r.nextInt(2) : r.nextInt(withFunctions ? 13 : 8);
            return switch (choice) {
                case 0 -> pick(SCALARS);
                case 1 -> number();
                case 2 -> inner(vector(depth - 1), vector(depth - 1));
                case 3 -> sqNorm(vector(depth - 1));
                case 4 -> mul(t(vector(depth - 1)), vector(depth - 1));
                case 5 -> mul(scalar(depth - 1), scalar(depth - 1));
                case 6 -> add(scalar(depth - 1), scalar(depth - 1));
                case 7 -> mul(t(vector(depth - 1)), matrix(depth - 1), vector(depth - 1));
                case 8 -> norm(vector(depth - 1), pick(new NormKind[] {NormKind.L1, NormKind.L2, NormKind.LINF}));
                case 9 -> ap(Builtin.LOGIT, ap(Builtin.SIGMOID, scalar(depth - 1)));
                // a symbol inside: 1 - sigmoid(u) cancels catastrophically for large u, a floating-point effect
                case 10 -> ap(Builtin.LOGIT, Exprs.sub(Num.ONE, ap(Builtin.SIGMOID, mul(pick(SCALARS), pick(SCALARS)))));
                case 11 -> {
                    Expr u = scalar(depth - 1);
                    yield mul(ap(Builtin.ABS, u), inv(u));
                }
                default -> pow(mul(scalar(depth - 1), scalar(depth - 1)), Num.of(r.nextInt(3) + 1));
            };
        }

        Expr vector(int depth) {
            int choice = depth <= 0 ? 0 : r.nextInt(withFunctions ? 10 : 7);
            return switch (choice) {
                case 0 -> pick(VECTORS);
                case 1 -> add(vector(depth - 1), vector(depth - 1));
                case 2 -> mul(scalar(depth - 1), vector(depth - 1));
                case 3 -> mul(matrix(depth - 1), vector(depth - 1));
                case 4 -> t(mul(t(vector(depth - 1)), matrix(depth - 1)));
                case 5 -> sub(vector(depth - 1), mul(number(), vector(depth - 1)));
                case 6 -> mul(matrix(depth - 1), add(vector(depth - 1), vector(depth - 1)));
                case 7 -> ap(Builtin.SIGN, mul(number(), vector(depth - 1)));
                case 8 -> {
                    // a repeated scalar factor: ||s*(s*u + v)||*w
                    Expr sc = pick(SCALARS);
                    yield mul(norm(mul(sc, add(mul(sc, vector(depth - 1)), vector(depth - 1)))), vector(depth - 1));
                }
                default -> mul(norm(mul(scalar(depth - 1), vector(depth - 1))), vector(depth - 1));
            };
        }

        Expr matrix(int depth) {
            int choice = depth <= 0 ? r.nextInt(3) : r.nextInt(7);
            return switch (choice) {
                case 0, 1 -> pick(MATRICES);
                case 2 -> eye();
                case 3 -> add(matrix(depth - 1), matrix(depth - 1));
                case 4 -> mul(matrix(depth - 1), matrix(depth - 1));
                case 5 -> t(matrix(depth - 1));
                default -> mul(scalar(depth - 1), matrix(depth - 1));
            };
        }
    }

    private static Env point(Rng rng) {
        int n = 3;
        Env env = new Env().size("n", n);
        for (Sym v : Gen.VECTORS) env.set(v.name(), rng.vector(n));
        for (Sym m : Gen.MATRICES) env.set(m.name(), rng.matrix(n, n));
        for (Sym s : Gen.SCALARS) env.set(s.name(), rng.nonzero());
        return env;
    }

    /** Asserts that {@code rewrite} keeps the value of every generated expression. */
    private static void keepsValue(String what, long seed, boolean withFunctions, boolean vectors, UnaryOperator<Expr> rewrite) {
        Gen gen = new Gen(seed, withFunctions);
        Rng rng = new Rng(seed);
        int checked = 0;
        for (int k = 0; k < CASES; k++) {
            Expr e = vectors ? gen.vector(3) : gen.scalar(3);
            Expr out;
            try {
                out = rewrite.apply(e);
            } catch (RuntimeException ex) {
                fail(what + " threw " + ex + " on " + print(e));
                return;
            }
            assertEquals(e.shape(), out.shape(), () -> what + " changed the shape of " + print(e));
            for (int j = 0; j < POINTS; j++) {
                Env env = point(rng);
                Value want = eval(e, env);
                Value got = eval(out, env);
                double g = gap(want, got);
                if (!java.util.Arrays.stream(want.flatten()).allMatch(Double::isFinite)) continue;
                int c = k;
                assertTrue(g < 1e-7, () -> what + " case " + c + ": " + print(e) + " = " + want + " but " + print(out) + " = " + got);
                checked++;
            }
        }
        assertTrue(checked > CASES, "enough evaluated cases");
    }

    private static Expr zeroLike(Expr e) {
        return Exprs.mul(List.of(Num.ZERO, e), P);
    }

    @Test
    void linearCombinationOfAVectorExpressionEvaluatesLikeTheExpression() {
        keepsValue("LinearCombination.of(e).toExpr", 11, false, true, e -> LinearCombination.of(e).toExpr(zeroLike(e)));
    }

    @Test
    void linearCombinationOfAScalarExpressionEvaluatesLikeTheExpression() {
        keepsValue("LinearCombination.of(e).toExpr (scalar)", 12, false, false, e -> LinearCombination.of(e).toExpr(Num.ZERO));
    }

    @Test
    void expansionTermsSumToTheExpression() {
        keepsValue("Expansion.expand", 13, false, true, e -> {
            List<Term> ts = Expansion.expand(e);
            return ts.isEmpty() ? zeroLike(e) : Exprs.add(ts.stream().map(Term::toExpr).toList(), P);
        });
    }

    @Test
    void canonicalAtomsKeepTheValueOfVectorExpressions() {
        keepsValue("Canonical.atoms", 21, true, true, Canonical::atoms);
    }

    @Test
    void canonicalAtomsKeepTheValueOfScalarExpressions() {
        keepsValue("Canonical.atoms (scalar)", 22, true, false, Canonical::atoms);
    }

    @Test
    void canonicalSortedKeepsTheValue() {
        keepsValue("Canonical.sorted", 31, true, true, Canonical::sorted);
        keepsValue("Canonical.sorted (scalar)", 32, true, false, Canonical::sorted);
    }

    @Test
    void canonicalDisplayOrderKeepsTheValue() {
        keepsValue("Canonical.displayOrder", 41, true, true, Canonical::displayOrder);
        keepsValue("Canonical.displayOrder (scalar)", 42, true, false, Canonical::displayOrder);
    }

    @Test
    void canonicalAlphaRenamedKeepsTheValueOfSums() {
        keepsValue("Canonical.alphaRenamed", 51, true, false, e -> Canonical.alphaRenamed(e));
        // with bound indices in the expression
        Sym i = idx("i"), j = idx("j");
        Sym x = vec("x"), y = vec("y");
        Sym a = mat("A");
        Expr e = add(sum(i, n(1), dim("n"), mul(at(x, i), sum(j, n(1), dim("n"), mul(at(a, i, j), at(y, j))))),
                sum(j, n(1), dim("n"), mul(at(x, j), at(x, j))));
        Env env = point(new Rng(5));
        assertEquals(eval(e, env).flatten()[0], eval(Canonical.alphaRenamed(e), env).flatten()[0], 1e-12);
    }

    @Test
    void linearCombinationAfterCanonicalAtomsKeepsTheValue() {
        keepsValue("LinearCombination.of(Canonical.atoms(e))", 61, true, true,
                e -> LinearCombination.of(Canonical.atoms(e)).toExpr(zeroLike(e)));
    }

    @Test
    void generatorCatchesAWrongRewrite() {
        // the property is not vacuous: dropping transposes changes values
        Gen gen = new Gen(71, false);
        Rng rng = new Rng(71);
        boolean caught = false;
        for (int k = 0; k < 50 && !caught; k++) {
            Expr e = gen.vector(3);
            Expr wrong = Exprs.transform(e, x -> x instanceof derivcheck.expr.Transpose tr && tr.arg() instanceof Sym s && s.shape().isMatrix() ? s : null);
            if (wrong.equals(e)) continue;
            Env env = point(rng);
            caught = gap(eval(e, env), eval(wrong, env)) > 1e-6;
        }
        assertTrue(caught, "a rewrite that drops A' -> A is detected");
    }
}
