package derivcheck.cas;

import static derivcheck.cas.Ex.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Grad;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Iverson;
import derivcheck.expr.Norm;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sum;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import derivcheck.expr.Apply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

class RoundTripTest {
    static Cas cas;

    @BeforeAll static void start() { cas = new Cas(); }
    @AfterAll static void stop() { cas.close(); }

    private static void assertRoundTrip(Expr e) {
        Outcome<Expr> back = cas.roundTrip(e);
        assertEquals(Outcome.done(e), back, () -> "round trip of " + e);
    }

    @Test void scalarAlgebraSurvivesTheRoundTripUnchanged() {
        Expr a = x("a"), b = x("b");
        assertRoundTrip(add(a, mul(n(2), pow(b, n(-1))), q(-3, 4)));
        assertRoundTrip(mul(neg(a), sq(add(a, b))));
        assertRoundTrip(pow(a, div(n(1), n(3))));
        assertRoundTrip(Const.PI);
    }

    @Test void everyScalarBuiltinSurvivesTheRoundTrip() {
        Expr a = x("a"), b = x("b");
        for (Builtin fn : List.of(Builtin.LOG, Builtin.SQRT, Builtin.EXP, Builtin.SIGN, Builtin.ABS, Builtin.SIGMOID,
                Builtin.TANH, Builtin.SIN, Builtin.COS, Builtin.RELU)) {
            assertRoundTrip(f(fn, a));
        }
        assertRoundTrip(f(Builtin.MAX, a, b));
        assertRoundTrip(f(Builtin.MIN, a, b));
    }

    @Test void userFunctionsAndTheirDerivativesSurviveTheRoundTrip() {
        Expr a = x("a");
        assertRoundTrip(Apply.of(new UserFunc("rho", 0), a));
        assertRoundTrip(mul(Apply.of(new UserFunc("rho", 1), sq(a)), Apply.of(new UserFunc("rho", 2), a)));
    }

    @Test void symbolsNamedLikeSymjaBuiltinsSurviveTheRoundTrip() {
        for (String name : List.of("beta", "gamma", "sign", "E", "I", "D", "N", "C", "norm", "Pi", "e", "log", "Sin",
                "x$1", "v$1", "f$1", "Infinity", "True", "i", "pi", "Pause", "Run", "URLFetch", "HomeDirectory")) {
            assertRoundTrip(add(x(name), mul(n(2), x("other"))));
        }
    }

    @Test void opaqueAtomsMapBackToExactlyTheSameExpr() {
        var g = vec("g"); var th = vec("theta"); var i = index("i");
        Expr norm = Norm.l2(g);
        Expr inner = new Inner(g, th, Pos.NONE);
        Expr entry = new Index(th, List.of(i), Pos.NONE);
        Expr sum = new Sum(i, n(1), x("m"), new Index(g, List.of(i), Pos.NONE), Pos.NONE);
        Expr ev = new Expectation(x("z"), Pos.NONE);
        Expr var = new Variance(x("z"), Pos.NONE);
        Expr pw = new Piecewise(List.of(new Piecewise.Arm(x("z"), List.of(new Relation(RelOp.GT, x("z"), n(0), Pos.NONE))),
                new Piecewise.Arm(neg(x("z")), List.of())), Pos.NONE);
        Expr iv = new Iverson(List.of(new Relation(RelOp.EQ, i, x("j"), Pos.NONE)), Pos.NONE);
        Expr grad = new Grad(x("L"), x("y"), Pos.NONE);
        Expr reduction = f(Builtin.SUM, g);
        for (Expr atom : List.of(norm, inner, entry, sum, ev, var, pw, iv, grad, reduction)) {
            assertRoundTrip(atom);
            assertRoundTrip(add(mul(n(3), atom), x("c")));
        }
    }

    @Test void atomsHoldingAScalarBroadcastMapBackToTheSameExprAndOnesAloneIsNoScalar() {
        var g = vec("g"); var th = vec("theta"); var i = index("i");
        Expr shifted = sub(th, mul(x("eps"), x("lambda")));  // theta - eps*lambda*ones(n)
        for (Expr atom : List.of(Norm.l2(shifted), new Inner(g, shifted, Pos.NONE), new Index(shifted, List.of(i), Pos.NONE),
                f(Builtin.SUM, f(Builtin.MAX, shifted, n(0))))) {
            assertRoundTrip(atom);
            assertRoundTrip(add(mul(x("c"), atom), x("eps")));
        }
        assertThrows(Unsupported.class, () -> new ToSymja(new SymbolTable()).scalar(new derivcheck.expr.Ones(N, Pos.NONE)));
    }

    @Test void aScalarProductOfVectorsKeepsItsFactorOrder() {
        var a = vec("a"); var th = vec("theta");
        assertRoundTrip(mul(n(2), x("c"), t(a), th));
    }

    @Test void simplifyCombinesEqualAtomsAndReturnsTheAtom() {
        var g = vec("g");
        Expr norm = Norm.l2(g);
        assertEquals(Outcome.done(norm), cas.simplify(sub(mul(n(2), norm), norm)));
        Expr rowTimesCol = mul(t(g), vec("theta"));
        assertEquals(Outcome.done(rowTimesCol), cas.simplify(sub(mul(n(3), rowTimesCol), mul(n(2), rowTimesCol))));
    }

    @Test void aNonScalarExpressionIsUndecided() {
        Outcome<Expr> o = cas.simplify(vec("g"));
        assertFalse(o.isDone());
        assertTrue(o.reason().orElseThrow().contains("not a scalar"), o.toString());
    }
}
