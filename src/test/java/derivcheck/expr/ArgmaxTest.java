package derivcheck.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import derivcheck.spec.Specs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** argmax(v) is a scalar index of a vector; e_{argmax(abs(g))} is the unit vector there. */
class ArgmaxTest {
    @Test void argmaxOfAVectorIsAScalarAndOfAScalarOrMatrixIsRejected() {
        Expr e = Specs.expr("argmax(abs(x))");
        assertEquals(Shape.SCALAR, e.shape());
        assertThrows(ShapeException.class, () -> Apply.of(Builtin.ARGMAX, Sym.scalar("a")));
        assertThrows(ShapeException.class, () -> Apply.of(Builtin.ARGMAX,
                new Sym("S", new Shape.Matrix(Dim.of("n"), Dim.of("n")), SymKind.GIVEN, Pos.NONE)));
        assertEquals(false, Builtin.ARGMAX.entrywise());
    }

    /** Read as {@code let v = TEXT} (the usual helper's let is named e, the unit vectors' letter). */
    private static Expr read(String text) {
        return Specs.parse(Specs.DECLS + "  let v = " + text + "\n").let("v").orElseThrow().body();
    }

    @Test void theVertexPrintsAsWrittenAndReadsBackTheSame() {
        String text = "a*sign(x_{argmax(abs(x))})*e_{argmax(abs(x))} + y";
        Expr e = read(text);
        assertEquals(text, TextPrinter.print(e));
        assertEquals(e, read(TextPrinter.print(e)));
        Index unit = (Index) ((Mul) ((Add) e).terms().get(0)).factors().get(2);
        assertEquals(new Identity(Dim.of("n"), Pos.NONE), unit.base());
        assertEquals(List.of(Apply.of(Builtin.ARGMAX, Apply.of(Builtin.ABS, Specs.vector("x", "n")))), unit.indices());
    }
}
