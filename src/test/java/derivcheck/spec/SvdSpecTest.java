package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.calculus.Gradient;
import derivcheck.calculus.NotDifferentiableException;
import derivcheck.cas.Cas;
import derivcheck.cas.Outcome;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.render.LatexPrinter;
import derivcheck.expr.TextPrinter;
import derivcheck.source.ParseResult;
import derivcheck.model.Problem;
import org.junit.jupiter.api.Test;

/** sv(X) and lowrank(X, r) through the spec reader, the printers, the CAS and the calculus. */
class SvdSpecTest {
    static final String DECLS = Specs.DECLS + "  dim r\n  given X : matrix[m, n]\n";

    static Expr expr(String text) { return Specs.expr(DECLS, text); }

    @Test void callsResolveWithTheirShapes() {
        Expr s = expr("sv(X)");
        assertInstanceOf(Apply.class, s);
        assertEquals(Builtin.SV, ((Apply) s).fn());
        assertEquals(new Shape.Vector(Dim.of("n")), s.shape());
        assertEquals(Shape.SCALAR, expr("sum(i = 1..r, sv(X)_i^2)").shape());
        assertEquals(new Shape.Matrix(Dim.of("m"), Dim.of("n")), expr("lowrank(X, r)").shape());
        assertEquals(new Shape.Matrix(Dim.of("m"), Dim.of("n")), expr("lowrank(X, 2)").shape());
    }

    @Test void shapeErrorsAreReportedWithPositions() {
        for (String[] bad : new String[][] {
                {"sv(x)", "sv needs a matrix"},
                {"lowrank(x, 1)", "lowrank(X, r) needs a matrix X"},
                {"lowrank(X, x)", "needs a scalar rank r"},
                {"lowrank(X, 1/2)", "positive integer rank r"},
                {"lowrank(X)", "lowrank takes two arguments, not 1"}}) {
            ParseResult<Problem> r = Specs.read(DECLS + "  let e = " + bad[0] + "\n");
            assertFalse(r.ok(), bad[0]);
            assertTrue(r.renderDiagnostics().contains(bad[1]), r.renderDiagnostics());
        }
    }

    @Test void textPrinterPrintsTheSpelling() {
        assertEquals("sv(X)", TextPrinter.print(expr("sv(X)")));
        assertEquals("lowrank(X, r)", TextPrinter.print(expr("lowrank(X, r)")));
    }

    @Test void latexPrinterWritesSvAndABracketWithTheRank() {
        LatexPrinter p = LatexPrinter.standard();
        assertEquals("\\operatorname{sv}(X)", p.print(expr("sv(X)")));
        assertEquals("[X]_{r}", p.print(expr("lowrank(X, r)")));
        assertTrue(p.print(expr("sum(i = 1..r, sv(X)_i^2)")).contains("\\operatorname{sv}(X)"), p.print(expr("sum(i = 1..r, sv(X)_i^2)")));
    }

    @Test void theCasTreatsThemAsOpaqueAtoms() {
        Cas cas = Cas.shared();
        Expr e = expr("sv(X)_1^2 + sv(X)_1^2 - 2*sv(X)_1^2");
        Outcome<Expr> out = cas.simplify(e);
        assertInstanceOf(Outcome.Done.class, out, out.toString());
        assertEquals("0", TextPrinter.print(((Outcome.Done<Expr>) out).value()));
        Outcome<Expr> t = cas.simplify(expr("trace(lowrank(S, 1)) - trace(lowrank(S, 1))"));
        assertEquals("0", TextPrinter.print(((Outcome.Done<Expr>) t).value()));
    }

    @Test void gradientsThroughThemAreRefusedWithAReason() {
        Sym X = Specs.matrix("X", "m", "n");
        var e1 = assertThrows(NotDifferentiableException.class, () -> Gradient.raw(expr("sum(i = 1..r, sv(X)_i^2)"), X));
        assertTrue(e1.reason().contains("singular values have no gradient rule"), e1.getMessage());
        var e2 = assertThrows(NotDifferentiableException.class, () -> Gradient.raw(expr("||lowrank(X, r)||_F^2"), X));
        assertTrue(e2.reason().contains("truncated SVD"), e2.getMessage());
        // constant in the variable: no refusal
        assertEquals(Shape.SCALAR, Gradient.of(expr("sv(X)_1 * a"), Specs.scalar("a")).shape());
    }
}
