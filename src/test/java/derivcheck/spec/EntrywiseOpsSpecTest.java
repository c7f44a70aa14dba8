package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.cas.Outcome;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Index;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import derivcheck.numeric.Compiler;
import derivcheck.numeric.Env;
import derivcheck.render.LatexPrinter;
import derivcheck.source.ParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** x .* y, x ./ y and diag(v): read, shaped, evaluated, printed, read back, and handed to the CAS entry by entry. */
class EntrywiseOpsSpecTest {
    private static Expr expr(String text) { return Specs.expr(text); }

    @Test void shapesAndPrecedence() {
        assertEquals(new Shape.Vector(Dim.of("n")), expr("x .* y").shape());
        assertEquals(new Shape.Vector(Dim.of("n")), expr("x ./ y").shape());
        assertEquals(new Shape.Vector(Dim.of("n")), expr("a .* x").shape());
        assertEquals(new Shape.Matrix(Dim.of("n"), Dim.of("n")), expr("diag(x)").shape());
        // .* binds tighter than * and /, so a sheet's x0 .* exp(-eps*g) / <x0, exp(-eps*g)> reads as written
        assertEquals("(x .* exp(-a*y))/<x, exp(-a*y)>", TextPrinter.print(expr("x .* exp(-a*y) / <x, exp(-a*y)>")));
        assertEquals("sign(x) .* max(abs(x), a)", TextPrinter.print(expr("sign(x) .* max(abs(x), a)")));
    }

    @Test void textIsReadBackToTheSameExpression() {
        for (String t : List.of("x .* y", "x ./ (y + x)", "a*(x .* y)", "(x + y) .* x", "(x .* y) ./ x", "diag(x)*y", "-x .* y")) {
            Expr e = expr(t);
            assertEquals(e, expr(TextPrinter.print(e)), t);
        }
    }

    @Test void evaluatesEntryByEntry() {
        Env env = new Env().size("n", 3).setVector("x", 1, 2, 3).setVector("y", 4, 5, 8);
        assertArrayEquals(new double[] {4, 10, 24}, Compiler.compile(expr("x .* y")).evaluate(env).flatten(), 0);
        assertArrayEquals(new double[] {0.25, 0.4, 0.375}, Compiler.compile(expr("x ./ y")).evaluate(env).flatten(), 1e-15);
        assertArrayEquals(new double[] {4, 10, 24}, Compiler.compile(expr("diag(x)*y")).evaluate(env).flatten(), 0);
        Index i2 = new Index(expr("x .* y"), List.of(derivcheck.expr.Num.of(2)), Pos.NONE);
        assertEquals(10.0, Compiler.compile(i2).evaluateScalar(env), 0);
    }

    @Test void latexPrinterUsesOdotAndOslash() {
        LatexPrinter p = LatexPrinter.standard();
        assertEquals("x \\odot y", p.print(expr("x .* y")));
        assertEquals("x \\oslash y", p.print(expr("x ./ y")));
        assertEquals("\\operatorname{diag}(x)", p.print(expr("diag(x)")));
    }

    @Test void theCasSeesScalarEntries() {
        // (x .* y)_1 - x_1*y_1 is 0 once the entry is taken: the CAS gets scalars only
        Expr entry = derivcheck.calculus.Simplify.simplify(new Index(expr("x .* y"), List.of(derivcheck.expr.Num.of(1)), Pos.NONE));
        Expr diff = derivcheck.expr.Exprs.sub(entry, expr("x_1*y_1"));
        Outcome<Expr> o = Cas.shared().simplify(diff);
        assertEquals("0", TextPrinter.print(((Outcome.Done<Expr>) o).value()));
    }

    @Test void mismatchedShapesAreReportedWithPositions() {
        ParseResult<Problem> r = Specs.read(Specs.DECLS + "  let e = x .* u\n");
        assertFalse(r.ok());
        assertTrue(r.renderDiagnostics().contains("needs two of one shape"), r.renderDiagnostics());
    }
}
