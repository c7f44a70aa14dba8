package derivcheck.derive.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.calculus.Gradient;
import derivcheck.expr.Expr;
import derivcheck.expr.ExprBuilders;
import derivcheck.expr.Exprs;
import derivcheck.expr.RelOp;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.numeric.Compiler;
import derivcheck.numeric.Env;
import derivcheck.numeric.FiniteDifference;
import derivcheck.numeric.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Substitution and the Iverson collapse never capture a bound index: random nested sums over
 * the same and different index names (shadowing included), Iverson brackets that pin one index
 * to another, collapses and substitutions, each checked numerically against the original.
 */
class CaptureAvoidingCollapseTest extends ExprBuilders {
    private static final String[] NAMES = {"i", "j", "k"};
    private static final Sym N = dim("n");
    private static final Sym L = idx("l"), Q = idx("q");

    /** A polynomial in the index names in scope (bound or free): distinguishes index values. */
    private static Expr leaf(Random r, List<Sym> scope) {
        List<Expr> terms = new ArrayList<>();
        terms.add(n(1 + r.nextInt(3)));
        int k = 1 + r.nextInt(2);
        for (int t = 0; t < k; t++) {
            Sym a = scope.get(r.nextInt(scope.size()));
            Expr term = r.nextBoolean() ? a : mul(a, scope.get(r.nextInt(scope.size())));
            terms.add(mul(n(1 + r.nextInt(4)), term));
        }
        return add(terms.toArray(Expr[]::new));
    }

    private static Expr gen(Random r, int depth, List<Sym> scope) {
        int choice = depth == 0 ? 0 : r.nextInt(4);
        switch (choice) {
            case 0: return leaf(r, scope);
            case 1: return add(gen(r, depth - 1, scope), gen(r, depth - 1, scope));
            case 2: return mul(leaf(r, scope), gen(r, depth - 1, scope));
            default: {
                Sym i = idx(NAMES[r.nextInt(NAMES.length)]);
                List<Expr> factors = new ArrayList<>();
                List<Sym> inner = new ArrayList<>(scope);
                inner.removeIf(s -> s.name().equals(i.name())); // shadowed
                inner.add(i);
                if (r.nextInt(3) > 0) {
                    // [i = other + c] with other an index in scope (maybe free, maybe bound outside)
                    List<Sym> others = new ArrayList<>(inner);
                    others.remove(i);
                    Sym other = others.get(r.nextInt(others.size()));
                    Expr rhs = Exprs.add(other, n(r.nextInt(3) - 1));
                    factors.add(r.nextBoolean() ? iverson(rel(RelOp.EQ, i, rhs)) : iverson(rel(RelOp.EQ, rhs, i)));
                }
                factors.add(gen(r, depth - 1, inner));
                Expr hi = r.nextBoolean() ? N : Exprs.sub(N, n(1));
                return sum(i, n(1), hi, factors.size() == 1 ? factors.get(0) : mul(factors.toArray(Expr[]::new)));
            }
        }
    }

    private static double eval(Expr e, int size, int l, int q) {
        Env env = new Env().size("n", size).set("n", size).set("l", l).set("q", q);
        Value v = Compiler.compile(e).evaluate(env);
        return v.asDouble();
    }

    private static void assertClose(double want, double got, String what) {
        assertTrue(Math.abs(want - got) <= 1e-9 * Math.max(1, Math.abs(want)), what + ": want " + want + ", got " + got);
    }

    @Test
    void collapsingIversonSumsOfNestedSumsNeverCapturesABoundIndex() {
        Random r = new Random(17);
        int collapsed = 0;
        for (int trial = 0; trial < 600; trial++) {
            Expr e = gen(r, 4, List.of(L, Q));
            Expr c = Entrywise.collapse(e);
            if (!c.equals(e)) collapsed++;
            for (int size = 2; size <= 4; size++) {
                int l = 1 + r.nextInt(size), q = 1 + r.nextInt(size);
                String what = "trial " + trial + " n=" + size + " l=" + l + " q=" + q + ": " + TextPrinter.print(e) + "  ->  " + TextPrinter.print(c);
                assertClose(eval(e, size, l, q), eval(c, size, l, q), what);
            }
        }
        assertTrue(collapsed > 200, "too few collapses exercised: " + collapsed);
    }

    @Test
    void substitutingAnExpressionWithFreeIndicesRenamesTheSumsThatBindThem() {
        Random r = new Random(29);
        int renamed = 0;
        for (int trial = 0; trial < 600; trial++) {
            Expr e = gen(r, 4, List.of(L, Q));
            // l := i + q - 1, where i is free in the replacement (and bound inside e, often)
            Sym freeI = idx("i");
            Expr to = Exprs.add(freeI, Q, n(-1));
            Expr s = Exprs.substitute(e, L, to);
            if (!Exprs.freeNames(s).contains("l") && Exprs.anyNode(e, x -> x instanceof Sum sm && sm.index().name().equals("i"))) renamed++;
            for (int size = 2; size <= 4; size++) {
                int iv = 1 + r.nextInt(size), q = 1 + r.nextInt(size);
                Env env = new Env().size("n", size).set("n", size).set("i", iv).set("q", q);
                double got = Compiler.compile(s).evaluate(env).asDouble();
                double want = eval(e, size, iv + q - 1, q);
                assertClose(want, got, "trial " + trial + ": " + TextPrinter.print(e) + " [l := i + q - 1] = " + TextPrinter.print(s));
            }
        }
        assertTrue(renamed > 100, "too few substitutions under a sum over i: " + renamed);
    }

    @Test
    void aSumThatBindsTheReplacedIndexIsLeftAlone() {
        Sym i = idx("i");
        Expr inner = sum(i, n(1), N, mul(i, i));
        Expr e = mul(i, inner);
        Expr s = Exprs.substitute(e, i, L);
        assertEquals(mul(L, inner), s);
    }

    @Test
    void collapseOfAGradientEntryMatchesFiniteDifferencesWhenTheBodyRebindsTheSameIndex() {
        // f(x) = sum_i x_i^2 * sqrt(sum_i x_i^2 / n) (the inner sum rebinds i), and a random family
        Random r = new Random(5);
        Sym x = vec("x", "n");
        Sym i = idx("i"), j = idx("j");
        List<Expr> fs = new ArrayList<>();
        fs.add(sum(i, n(1), N, mul(sq(at(x, i)), ap(derivcheck.expr.Builtin.SQRT, div(sum(i, n(1), N, sq(at(x, i))), N)))));
        fs.add(sum(i, n(1), N, mul(at(x, i), sum(j, n(1), N, mul(at(x, j), sum(i, n(1), N, sq(at(x, i))))))));
        fs.add(sum(j, n(1), N, div(at(x, j), add(n(1), sum(j, n(1), N, sq(at(x, j)))))));
        for (Expr f : fs) {
            Expr grad = Gradient.of(f, x);
            Sym l = idx("l");
            Expr entry = Entrywise.tidy(Entrywise.collapse(Entrywise.tidy(Entrywise.entry(grad, l, null))));
            for (int trial = 0; trial < 5; trial++) {
                int size = 2 + r.nextInt(3);
                double[] xs = new double[size];
                for (int k = 0; k < size; k++) xs[k] = r.nextDouble() * 2 - 1;
                Env env = new Env().size("n", size).set("n", size).setVector("x", xs);
                double[] fd = FiniteDifference.gradient(Compiler.compile(f).asFunctionOf(env, "x"), xs);
                for (int lv = 1; lv <= size; lv++) {
                    double got = Compiler.compile(entry).evaluate(env.copy().set("l", lv)).asDouble();
                    assertTrue(Math.abs(got - fd[lv - 1]) <= 1e-6 * Math.max(1, Math.abs(fd[lv - 1])),
                            TextPrinter.print(f) + ": entry " + lv + " is " + got + ", finite differences " + fd[lv - 1]
                                    + " (" + TextPrinter.print(entry) + ")");
                }
            }
        }
    }
}
