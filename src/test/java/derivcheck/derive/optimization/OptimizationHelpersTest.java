package derivcheck.derive.optimization;

import static derivcheck.derive.ExprFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.cas.Cas;
import derivcheck.cas.ZeroTest;
import derivcheck.derive.Engine;
import derivcheck.derive.linear.AffineForm;
import derivcheck.expr.*;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The helpers the optimization strategies share: the affine form, isotropic gradients, box and ball recognizers, separation, lifting. */
class OptimizationHelpersTest {
    private static final Engine ENGINE = Engine.standard(Cas.shared());
    private static final Pos P = Pos.NONE;

    private static final Sym X = new Sym("x", new Shape.Vector(Dim.of("n")), SymKind.UNKNOWN, P);
    private static final Sym B = vec("b"), G = vec("g"), V = vec("v"), Y = vec("y");
    private static final Sym A = new Sym("A", new Shape.Matrix(Dim.of("n"), Dim.of("n")), SymKind.GIVEN, P);
    private static final Sym C = Sym.scalar("c"), EPS = Sym.scalar("eps");
    private static final Sym I = new Sym("i", Shape.SCALAR, SymKind.INDEX, P);


    private static Optimization view(Problem p) { return Optimization.of(p).value().orElseThrow(); }

    // ------------------------------------------------------------------ AffineForm

    @Test
    void affineFormSplitsScalarPartAndRest() {
        AffineForm f = AffineForm.of(sub(mul(C, X), B), X).orElseThrow();
        assertEquals("c", print(f.scalarPart()));
        assertEquals("-b", print(f.rest()));
        assertFalse(f.hasMatrixPart());
        assertFalse(f.radial());
    }

    @Test
    void affineFormCollectsRepeatedScalarTermsOfX() {
        AffineForm f = AffineForm.of(add(mul(C, X), mul(Num.of(2), X), G), X).orElseThrow();
        assertEquals("c + 2", print(f.scalarPart()));
        assertEquals("g", print(f.rest()));
    }

    @Test
    void affineFormPutsMatrixTimesXInTheMatrixParts() {
        AffineForm f = AffineForm.of(add(mul(Num.of(2), A, X), mul(C, X), B), X).orElseThrow();
        assertTrue(f.hasMatrixPart());
        assertEquals(List.of("2*A"), f.matrixParts().stream().map(TextPrinter::print).toList());
        assertEquals("c", print(f.scalarPart()));
        assertEquals("b", print(f.rest()));
    }

    @Test
    void affineFormFlagsACoefficientThatDependsOnXOnlyThroughItsNorm() {
        AffineForm f = AffineForm.of(sub(mul(Num.of(4), Exprs.pow(norm(X), Num.of(2)), X), B), X).orElseThrow();
        assertTrue(f.radial());
        assertEquals("4*||x||^2", print(f.scalarPart()));
    }

    @Test
    void affineFormRefusesACoefficientThatDependsOnXOtherwise() {
        assertTrue(AffineForm.of(mul(new Inner(X, B, P), X), X).isEmpty(), "<x, b>*x is not radial");
        assertTrue(AffineForm.of(ap(Builtin.SIGN, X), X).isEmpty(), "sign(x) is not affine");
        assertTrue(AffineForm.of(mul(norm(X), A, X), X).isEmpty(), "a radial coefficient on a matrix part is refused");
    }

    @Test
    void affineFormOfAnExpressionFreeOfXHasZeroScalarPart() {
        AffineForm f = AffineForm.of(sub(B, G), X).orElseThrow();
        assertTrue(Exprs.isZero(f.scalarPart()));
        assertEquals("b - g", print(f.rest()));
    }

    // ------------------------------------------------------------------ IsotropicGradient

    @Test
    void isotropicGradientFindsTheCentreBOverAlpha() {
        IsotropicGradient q = IsotropicGradient.of(sub(mul(C, X), B), X, ctx(), true).orElseThrow();
        assertEquals("c", print(q.alpha()));
        assertEquals("b", print(q.b()));
        assertEquals("b/c", print(q.z()));
    }

    @Test
    void isotropicGradientOfAnObjectiveDifferentiatesIt() {
        Expr f = mul(Num.of(1, 2), Exprs.pow(norm(sub(X, Y)), Num.of(2)));
        IsotropicGradient q = IsotropicGradient.of(f, X, ctx()).orElseThrow();
        assertEquals("1", print(q.alpha()));
        assertEquals("y", print(q.z()));
    }

    @Test
    void isotropicGradientRefusesANegativeOrUnknownCurvature() {
        Sym a = Sym.scalar("a");
        assertTrue(IsotropicGradient.of(sub(mul(a, X), B), X, ctx(), true).isEmpty(), "a < 0");
        assertTrue(IsotropicGradient.of(sub(mul(Sym.scalar("q"), X), B), X, ctx(), true).isEmpty(), "sign of q unknown");
        assertTrue(IsotropicGradient.of(sub(mul(Sym.scalar("q"), X), B), X, ctx(), false).isPresent(), "unless positivity is not needed");
    }

    @Test
    void isotropicGradientRefusesAMatrixPartAndAZeroCurvature() {
        assertTrue(IsotropicGradient.of(sub(mul(A, X), B), X, ctx(), true).isEmpty());
        assertTrue(IsotropicGradient.of(B, X, ctx(), false).isEmpty());
    }

    // ------------------------------------------------------------------ Boxes

    private static final String BOX = """
              dim n
              given y, m : vector[n]
              given r : real where r > 0
              given lo, hi : real where lo < hi
              find x : vector[n]
              minimize ||x - y||^2
              subject to %s
            """;

    private static Optional<Boxes.Box> box(String constraint) {
        Problem p = spec(BOX.formatted(constraint));
        Optimization o = view(p);
        return Boxes.of(o, o.unknown(), ENGINE.context(p));
    }

    @Test
    void boxesRecognizeAnAbsoluteValueBoxAsCentreAndHalfWidth() {
        Boxes.Box b = box("abs(x_i - m_i) <= r for all i").orElseThrow();
        assertEquals("m", print(b.center()));
        assertEquals("r", print(b.halfWidth()));
        assertTrue(b.lower().isEmpty());
    }

    @Test
    void boxesRecognizeLowerAndUpperBoundsWithMidpointAndHalfWidth() {
        Boxes.Box b = box("lo <= x_i <= hi for all i").orElseThrow();
        assertEquals("lo", print(b.lower().orElseThrow()));
        assertEquals("hi", print(b.upper().orElseThrow()));
        assertEquals(0, ENGINE.context(spec(BOX.formatted("||x||_inf <= r")))
                .cas().isZero(sub(b.center(), mul(Num.of(1, 2), add(Sym.scalar("lo"), Sym.scalar("hi")))), derivcheck.cas.Assumptions.NONE)
                .orElse(ZeroTest.UNKNOWN).compareTo(ZeroTest.ZERO));
    }

    @Test
    void boxesRecognizeAnInfinityNormBall() {
        Boxes.Box b = box("||x - m||_inf <= r").orElseThrow();
        assertEquals("m", print(b.center()));
        assertEquals("r", print(b.halfWidth()));
    }

    @Test
    void boxesRefuseEuclideanBallsScaledCoordinatesAndBoundsOnOtherVariables() {
        assertTrue(box("||x - m|| <= r").isEmpty(), "a Euclidean ball is not a box");
        assertTrue(box("||2*x - m||_inf <= r").isEmpty(), "the coefficient of x must be 1");
        assertTrue(box("lo <= y_i <= hi for all i").isEmpty(), "bounds on y, not x");
    }

    // ------------------------------------------------------------------ Balls

    private static Optional<Balls.Ball> ball(String constraint) {
        Problem p = spec(BOX.formatted(constraint));
        Optimization o = view(p);
        return Balls.of(o, o.unknown(), ENGINE.context(p));
    }

    @Test
    void ballsRecognizeAShiftedEuclideanBall() {
        Balls.Ball b = ball("||x - m|| <= r").orElseThrow();
        assertEquals("m", print(b.center()));
        assertEquals("r", print(b.radius()));
        assertTrue(Exprs.isZero(ball("||x|| <= r").orElseThrow().center()));
    }

    @Test
    void ballsRefuseOtherNormsScaledArgumentsAndLowerBounds() {
        assertTrue(ball("||x - m||_1 <= r").isEmpty());
        assertTrue(ball("||x - m||_inf <= r").isEmpty());
        assertTrue(ball("||2*x - m|| <= r").isEmpty());
        assertTrue(ball("||x - m|| >= r").isEmpty());
    }

    // ------------------------------------------------------------------ Separation

    @Test
    void separationWritesInnerProductsAndSquaredNormsPerCoordinate() {
        Expr f = add(new Inner(G, X, P), mul(C, Exprs.pow(norm(sub(X, Y)), Num.of(2))));
        Expr phi = Separation.perCoordinate(f, X, I).orElseThrow();
        assertEquals("g_i*x_i + c*(x_i - y_i)^2", print(phi));
    }

    @Test
    void separationTurnsL1NormsIntoAbsoluteValuesAndSumsIntoTheirBody() {
        assertEquals("abs(x_i)", print(Separation.perCoordinate(norm(X, NormKind.L1), X, I).orElseThrow()));
        assertEquals("exp(x_i)", print(Separation.perCoordinate(ap(Builtin.SUM, ap(Builtin.EXP, X)), X, I).orElseThrow()));
        Sym k = new Sym("k", Shape.SCALAR, SymKind.INDEX, P);
        Expr s = new Sum(k, Num.ONE, new Sym("n", Shape.SCALAR, SymKind.DIM, P), mul(at(X, k), ap(Builtin.LOG, at(X, k))), P);
        assertEquals("x_i*log(x_i)", print(Separation.perCoordinate(s, X, I).orElseThrow()));
    }

    @Test
    void separationDropsTermsFreeOfX() {
        assertEquals("0", print(Separation.perCoordinate(Exprs.pow(norm(B), Num.of(2)), X, I).orElseThrow()));
    }

    @Test
    void separationRefusesCouplingTerms() {
        assertTrue(Separation.perCoordinate(new Inner(mul(A, X), X, P), X, I).isEmpty(), "<A x, x> couples coordinates");
        assertTrue(Separation.perCoordinate(norm(X), X, I).isEmpty(), "||x|| is not a sum over coordinates");
        assertTrue(Separation.perCoordinate(mul(new Inner(B, X, P), new Inner(G, X, P)), X, I).isEmpty(), "<b,x><g,x>");
    }

    @Test
    void separationEntryIsEntrywise() {
        assertEquals("x_i - eps*g_i", print(Separation.entry(sub(X, mul(EPS, G)), I).orElseThrow()));
        assertEquals("sign(g_i)", print(Separation.entry(ap(Builtin.SIGN, G), I).orElseThrow()));
        assertTrue(Separation.entry(mul(A, X), I).isEmpty(), "(A x)_i is not entrywise");
    }

    // ------------------------------------------------------------------ Lifting

    @Test
    void liftingTurnsACoordinateFormulaIntoTheEntrywiseVectorFormula() {
        assertEquals(sub(G, mul(EPS, V)), Lifting.lift(sub(at(G, I), mul(EPS, at(V, I))), I).orElseThrow());
        assertEquals(ap(Builtin.SIGN, G), Lifting.lift(ap(Builtin.SIGN, at(G, I)), I).orElseThrow());
        assertEquals(ap(Builtin.EXP, mul(Num.MINUS_ONE, EPS, G)), Lifting.lift(ap(Builtin.EXP, mul(Num.MINUS_ONE, EPS, at(G, I))), I).orElseThrow());
    }

    @Test
    void liftingFailsForAProductOfTwoVectorEntries() {
        assertTrue(Lifting.lift(mul(at(G, I), at(V, I)), I).isEmpty(), "g_i*v_i is not g*v");
    }

    @Test
    void liftingBroadcastsAScalarAddedToAnEntryAndFailsForFormulasWithoutEntries() {
        // g_i - eps is entry i of g - eps*ones(n), the scalar broadcast (docs/spec-language.md)
        assertEquals(sub(G, EPS), Lifting.lift(sub(at(G, I), EPS), I).orElseThrow());
        assertTrue(Lifting.lift(mul(EPS, C), I).isEmpty(), "no entry: nothing to lift");
        assertTrue(Lifting.lift(mul(at(G, I), I), I).isEmpty(), "the index itself stays");
    }

    @Test
    void liftingEntryIsIndexing() {
        assertEquals(at(G, I), Lifting.entry(G, I));
    }

}
