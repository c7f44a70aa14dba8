package derivcheck.derive;

import static derivcheck.derive.ExprFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.cas.Cas;
import derivcheck.cas.ZeroTest;
import derivcheck.derive.expect.ZeroCheck;
import derivcheck.derive.identities.LogRules;
import derivcheck.expr.*;
import derivcheck.model.Problem;
import org.junit.jupiter.api.Test;

/** The helpers every strategy family shares: log rules, tidying, zero tests, fresh names. */
class SharedHelpersTest {
    private static final Engine ENGINE = Engine.standard(Cas.shared());
    private static final Pos P = Pos.NONE;

    private static final Sym X = new Sym("x", new Shape.Vector(Dim.of("n")), SymKind.UNKNOWN, P);
    private static final Sym XS = new Sym("x", Shape.SCALAR, SymKind.UNKNOWN, P);
    private static final Sym B = vec("b"), G = vec("g"), Y = vec("y");
    private static final Sym A = new Sym("A", new Shape.Matrix(Dim.of("n"), Dim.of("n")), SymKind.GIVEN, P);
    private static final Sym C = Sym.scalar("c"), EPS = Sym.scalar("eps"), LAMBDA = Sym.scalar("lambda");
    private static final Sym I = new Sym("i", Shape.SCALAR, SymKind.INDEX, P);



    // ------------------------------------------------------------------ LogRules

    @Test
    void logRulesSolveTheLogitFormWithASigmoid() {
        Sym b = Sym.scalar("b");
        Expr lhs = add(mul(C, ap(Builtin.LOG, XS)), mul(Num.MINUS_ONE, C, ap(Builtin.LOG, sub(Num.ONE, XS))), b);
        assertEquals("sigmoid(-b/c)", print(LogRules.solve(lhs, XS, ctx()).orElseThrow()));
    }

    @Test
    void logRulesSolveThePureLogFormWithAnExp() {
        Sym b = Sym.scalar("b");
        Expr lhs = add(mul(Num.of(2), ap(Builtin.LOG, XS)), b);
        assertEquals("exp(-b/2)", print(LogRules.solve(lhs, XS, ctx()).orElseThrow()));
    }

    @Test
    void logRulesSplitLogsOfProductsAndQuotients() {
        Sym x0 = Sym.scalar("x0");
        // log(x/x0) + 1 + g = 0  ->  x = x0*exp(-1 - g)
        Sym g = Sym.scalar("g");
        Expr lhs = add(ap(Builtin.LOG, mul(XS, Exprs.pow(x0, Num.MINUS_ONE))), Num.ONE, g);
        Expr root = LogRules.solve(lhs, XS, ctx()).orElseThrow();
        // check numerically: x0 = 2, g = 0.5
        double value = derivcheck.numeric.Compiler.compile(root).evaluateScalar(new derivcheck.numeric.Env().set("x0", 2).set("g", 0.5));
        assertEquals(2 * Math.exp(-1.5), value, 1e-12);
    }

    @Test
    void logRulesRefuseOtherShapes() {
        Sym b = Sym.scalar("b");
        assertTrue(LogRules.solve(add(Exprs.pow(XS, Num.of(2)), b), XS, ctx()).isEmpty(), "no logarithm");
        assertTrue(LogRules.solve(add(ap(Builtin.LOG, add(XS, Num.ONE)), b), XS, ctx()).isEmpty(), "log(1 + x)");
        assertTrue(LogRules.solve(add(ap(Builtin.LOG, XS), XS), XS, ctx()).isEmpty(), "x outside the logarithm");
        assertTrue(LogRules.solve(add(ap(Builtin.LOG, XS), ap(Builtin.LOG, sub(Num.ONE, XS)), b), XS, ctx()).isEmpty(),
                "log x + log(1 - x) is neither form");
    }

    // ------------------------------------------------------------------ Tidy

    @Test
    void tidyFactorsADenominatorSharedByEveryTerm() {
        Sym theta = vec("theta");
        Expr den = add(Num.ONE, mul(EPS, LAMBDA));
        Expr e = sub(mul(theta, Exprs.pow(den, Num.MINUS_ONE)), mul(EPS, G, Exprs.pow(den, Num.MINUS_ONE)));
        String out = print(Tidy.of(e, ctx()));
        assertEquals(1, out.split("eps\\*lambda", -1).length - 1, () -> "one shared denominator: " + out);
        assertTrue(out.startsWith("(theta - eps*g)/"), out);
    }

    @Test
    void tidyCollectsLikeTermsAndPutsPositiveTermsFirst() {
        Expr e = add(mul(Num.MINUS_ONE, EPS, G), X, mul(Num.of(2), X));
        assertEquals("3*x - eps*g", print(Tidy.of(e, ctx())));
    }

    @Test
    void tidyCancelsTheCommonFactorOfACoefficientOverTheSharedDenominator() {
        // the step of prox_weight_decay_unhalved: (2(lambda + 1/eps))^-1 (2 theta/eps - g); the
        // coefficient of g over the shared denominator is -eps/2, not two fractions over 1 + eps*lambda
        Sym theta = vec("theta");
        Expr c = mul(Num.of(2), add(LAMBDA, Exprs.pow(EPS, Num.MINUS_ONE)));
        Expr e = mul(Exprs.pow(c, Num.MINUS_ONE), sub(mul(Num.of(2), Exprs.pow(EPS, Num.MINUS_ONE), theta), G));
        assertEquals("(theta - eps*g/2)/(eps*lambda + 1)", print(Tidy.of(e, ctx())));
    }

    @Test
    void tidyTakesAScalarFactorOfEveryCoefficientToTheFrontAndTheSignOutOfANegativeSum() {
        // x g/||y|| + (-<y, x> g - c g) y/||y||^3 is g (x/||y|| - (<y, x> + c) y/||y||^3)
        Sym g = Sym.scalar("g");
        Expr n = norm(Y);
        Expr inner = new Inner(Y, X, P);
        Expr e = add(mul(g, X, Exprs.pow(n, Num.MINUS_ONE)),
                mul(add(mul(Num.MINUS_ONE, inner, g), mul(Num.MINUS_ONE, C, g)), Y, Exprs.pow(n, Num.of(-3))));
        assertEquals("g*(x/||y|| - (<x, y> + c)*y*||y||^(-3))", print(Tidy.of(e, ctx())));
        // a number every coefficient has up to its sign goes in front too: 2x - 2c y is 2 (x - c y)
        assertEquals("2*(x - c*y)", print(Tidy.of(sub(mul(Num.of(2), X), mul(Num.of(2), C, Y)), ctx())));
        // without a common factor nothing is taken out
        assertEquals("x - c*y", print(Tidy.of(sub(X, mul(C, Y)), ctx())));
    }

    @Test
    void tidyWritesAStepTowardsAPointAsAnUpdate() {
        // 2c x + (1 - 2c) y is y + 2c (x - y), as a sheet writes an SGD or k-means update
        Expr e = add(mul(Num.of(2), C, X), mul(sub(Num.ONE, mul(Num.of(2), C)), Y));
        assertEquals("y + 2*c*(x - y)", print(Tidy.of(e, ctx())));
        // with numeric coefficients it is no update: x/2 + y/2 is their mean, the common 1/2 in front
        assertEquals("(x + y)/2", print(Tidy.of(add(mul(Num.of(1, 2), X), mul(Num.of(1, 2), Y)), ctx())));
    }

    // ------------------------------------------------------------------ ZeroCheck

    @Test
    void zeroCheckProvesGramExpansionIdentitiesZero() {
        Expr lhs = Exprs.pow(norm(sub(X, Y)), Num.of(2));
        Expr rhs = add(Exprs.pow(norm(X), Num.of(2)), mul(Num.of(-2), new Inner(X, Y, P)), Exprs.pow(norm(Y), Num.of(2)));
        assertEquals(ZeroTest.ZERO, ZeroCheck.test(sub(lhs, rhs), ctx()));
        assertEquals(ZeroTest.ZERO, ZeroCheck.test(sub(mul(A, add(X, Y)), add(mul(A, Y), mul(A, X))), ctx()));
        assertEquals(ZeroTest.ZERO, ZeroCheck.test(sub(mul(C, X, Exprs.pow(C, Num.MINUS_ONE)), X), ctx()));
    }

    @Test
    void zeroCheckProvesSumsOverDifferentIndexNamesEqual() {
        Sym k = new Sym("k", Shape.SCALAR, SymKind.INDEX, P);
        Sym n = new Sym("n", Shape.SCALAR, SymKind.DIM, P);
        Expr si = new Sum(I, Num.ONE, n, mul(at(X, I), at(Y, I)), P);
        Expr sk = new Sum(k, Num.ONE, n, mul(at(X, k), at(Y, k)), P);
        assertEquals(ZeroTest.ZERO, ZeroCheck.test(sub(si, sk), ctx()));
    }

    @Test
    void zeroCheckDoesNotProveNonzeroThingsZero() {
        assertNotEquals(ZeroTest.ZERO, ZeroCheck.test(sub(X, Y), ctx()));
        assertEquals(ZeroTest.UNKNOWN, ZeroCheck.test(sub(X, Y), ctx()), "a vector is never proven nonzero by the normal form");
        assertNotEquals(ZeroTest.ZERO, ZeroCheck.test(sub(mul(A, X), mul(Exprs.pow(A, Num.of(1)), new Transpose(A, P), X)), ctx()));
        assertNotEquals(ZeroTest.ZERO, ZeroCheck.test(sub(C, Num.ONE), ctx()));
        assertEquals(ZeroTest.NONZERO, ZeroCheck.test(Num.of(3), ctx()));
        assertNotEquals(ZeroTest.ZERO, ZeroCheck.test(sub(mul(A, B), mul(new Transpose(A, P), B)), ctx()), "A b vs A' b");
    }

    // ------------------------------------------------------------------ Names

    @Test
    void namesFreshAvoidsEveryDeclaredName() {
        Problem p = spec("""
                  dim n
                  given mu, mu2 : vector[n]
                  given l : real where l > 0
                  find x : vector[n]
                  minimize <mu, x> + <mu2, x>
                  subject to ||x|| <= l
                """);
        assertEquals("mu3", Names.fresh(p, "mu"));
        assertEquals("l2", Names.fresh(p, "l"));
        assertEquals("Delta", Names.fresh(p, "Delta"));
        assertEquals("x2", Names.fresh(p, "x"));
        assertEquals("n2", Names.fresh(p, "n"));
    }
}
