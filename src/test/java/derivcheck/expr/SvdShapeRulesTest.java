package derivcheck.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shape rules of sv(X) and lowrank(X, r). */
class SvdShapeRulesTest {
    static final Dim n = Dim.of("n"), m = Dim.of("m");
    static final Pos P = Pos.NONE;
    static final Sym a = Sym.scalar("a");
    static final Sym r = new Sym("r", Shape.SCALAR, SymKind.DIM, P);
    static final Sym x = new Sym("x", new Shape.Vector(n), SymKind.GIVEN, P);
    static final Sym X = new Sym("X", new Shape.Matrix(m, n), SymKind.GIVEN, P);

    static Apply ap(Builtin b, Expr... args) { return new Apply(b, List.of(args), P); }

    static String error(Builtin b, Expr... args) {
        return assertThrows(ShapeException.class, () -> ap(b, args)).getMessage();
    }

    @Test void spellingsResolve() {
        assertEquals(Builtin.SV, Builtin.bySpelling("sv").orElseThrow());
        assertEquals(Builtin.LOWRANK, Builtin.bySpelling("lowrank").orElseThrow());
        assertFalse(Builtin.SV.entrywise());
        assertFalse(Builtin.LOWRANK.entrywise());
    }

    @Test void singularValuesOfAnMByNMatrixAreAVectorOfN() {
        assertEquals(new Shape.Vector(n), ap(Builtin.SV, X).shape());
        assertEquals(new Shape.Vector(m), ap(Builtin.SV, new Transpose(X, P)).shape());
        // a row vector x' is a 1 x n matrix
        assertEquals(new Shape.Vector(n), ap(Builtin.SV, new Transpose(x, P)).shape());
        // an entry is a scalar
        assertEquals(Shape.SCALAR, new Index(ap(Builtin.SV, X), List.of(Num.ONE), P).shape());
    }

    @Test void singularValuesNeedOneMatrix() {
        assertTrue(error(Builtin.SV, x).startsWith("sv needs a matrix, not a vector"), error(Builtin.SV, x));
        assertTrue(error(Builtin.SV, a).contains("not a scalar"));
        assertTrue(error(Builtin.SV, X, X).contains("takes one argument, not 2"));
    }

    @Test void lowRankHasTheShapeOfItsMatrix() {
        assertEquals(new Shape.Matrix(m, n), ap(Builtin.LOWRANK, X, r).shape());
        assertEquals(new Shape.Matrix(m, n), ap(Builtin.LOWRANK, X, Num.of(2)).shape());
        assertEquals(new Shape.Matrix(m, n), ap(Builtin.LOWRANK, X, a).shape()); // checked when evaluated
    }

    @Test void lowRankNeedsAMatrixAndAPositiveIntegerScalarRank() {
        String e = error(Builtin.LOWRANK, x, r);
        assertTrue(e.startsWith("lowrank(X, r) needs a matrix X, not a vector"), e);
        e = error(Builtin.LOWRANK, X, x);
        assertTrue(e.startsWith("lowrank(X, r) needs a scalar rank r, not a vector"), e);
        e = error(Builtin.LOWRANK, X, Num.of(1, 2));
        assertTrue(e.contains("positive integer rank r, not 1/2"), e);
        e = error(Builtin.LOWRANK, X, Num.ZERO);
        assertTrue(e.contains("positive integer rank r, not 0"), e);
        e = error(Builtin.LOWRANK, X);
        assertTrue(e.startsWith("lowrank takes two arguments, not 1"), e);
        e = error(Builtin.LOWRANK, X, r, r);
        assertTrue(e.startsWith("lowrank takes two arguments, not 3"), e);
    }
}
