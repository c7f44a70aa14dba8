package derivcheck.spec;

import static derivcheck.spec.Specs.dim;
import static derivcheck.spec.Specs.parse;
import static derivcheck.spec.Specs.read;
import static derivcheck.spec.Specs.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Dim;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: {@code e_y} is the y-th unit vector when the spec declares no {@code e} (its length from the vectors
 * beside it, like I), printed back as {@code e_y}; and {@code grad(a_j, q)} of a let-defined vector a is the gradient
 * of its entry j, not an abstract loss named "a_j".
 */
class UnitVectorsAndLetEntriesTest {
    static final String DECLS = """
            problem t
              dim K, y
              given z : vector[K]
              given v : vector[K]
            """;

    /** An expression read as {@code let r = TEXT} (the shared helper's let is named e, which would hide the unit vectors). */
    static derivcheck.expr.Expr expr(String decls, String text) {
        return parse(decls + "  let r = " + text + "\n").let("r").orElseThrow().body();
    }

    static Index unit(String n, Object k) {
        return new Index(new Identity(Dim.of(n), Pos.NONE),
                List.of(k instanceof Integer i ? new Num(derivcheck.expr.Rational.of(i), Pos.NONE) : dim((String) k)), Pos.NONE);
    }

    @Test void eSubscriptANameIsTheUnitVectorSizedByTheVectorItIsAddedTo() {
        assertEquals(Exprs.sub(vector("z", "K"), unit("K", "y")), expr(DECLS, "z - e_y"));
        assertEquals(Exprs.sub(vector("z", "K"), unit("K", "y")), expr(DECLS, "z - e_{y}"));
    }

    @Test void eSubscriptANumberAndAnInnerProductWithAUnitVector() {
        assertEquals(Exprs.add(vector("z", "K"), unit("K", 2)), expr(DECLS, "z + e_2"));
        assertEquals(new Inner(unit("K", "y"), vector("v", "K"), Pos.NONE), expr(DECLS, "<e_y, v>"));
    }

    @Test void theUnitVectorPrintsAsESubscriptAndReadsBackToTheSameExpression() {
        var e = expr(DECLS, "softmax(z) - e_y");
        assertEquals("softmax(z) - e_y", TextPrinter.print(e));
        assertEquals(e, expr(DECLS, TextPrinter.print(e)));
        assertEquals("z + e_{y + 1}", TextPrinter.print(expr(DECLS, "z + e_{y+1}")));
    }

    @Test void aDeclaredEKeepsItsEntries() {
        var entry = new Index(vector("e", "K"), List.of(dim("y")), Pos.NONE);
        var zy = new Index(vector("z", "K"), List.of(dim("y")), Pos.NONE);
        assertEquals(Exprs.sub(zy, entry), expr(DECLS + "  given e : vector[K]\n", "z_y - e_y"));
    }

    @Test void aUnitVectorWithNothingToFixItsLengthIsALocatedError() {
        ParseResult<Problem> r = read(DECLS + "  let u = 2*e_y\n");
        assertFalse(r.ok());
        assertTrue(r.renderDiagnostics().contains("cannot tell the length of the unit vector e_y here"), r.renderDiagnostics());
        assertTrue(r.renderDiagnostics().contains("write eye(n)_{y}"), r.renderDiagnostics());
    }

    /**
     * A Hessian prints as diag(sum(k = 1..K, c_k*e_k)): the unit vector is sized by what the diag sits in (a sum with a
     * matrix, the other side of a relation), so the printed result reads back (found by fuzz/GeneratedSpecsTest).
     */
    @Test void aUnitVectorInsideADiagIsSizedByWhatTheDiagSitsInAndThePrintedFormReadsBack() {
        var e = expr(DECLS, "diag(sum(k = 1..K, z_k*e_k)) + eye(K)");
        assertEquals(new derivcheck.expr.Shape.Matrix(Dim.of("K"), Dim.of("K")), e.shape());
        assertEquals(e, expr(DECLS, TextPrinter.print(e)));
        Problem p = parse(DECLS + "  show diag(sum(k = 1..K, z_k^2*e_k)) = diag(z .* z)\n");
        assertEquals(new derivcheck.expr.Shape.Matrix(Dim.of("K"), Dim.of("K")), p.shows().get(0).relations().get(0).lhs().shape());
        ParseResult<Problem> alone = read(DECLS + "  let D = diag(2*e_y)\n");
        assertFalse(alone.ok(), "nothing sizes it here");
        assertTrue(alone.renderDiagnostics().contains("unit vector e_y"), alone.renderDiagnostics());
    }

    @Test void theGradientOfAnEntryOfALetVectorIsThatEntrysGradientNotAnAbstractLoss() {
        Problem p = parse("""
                problem t
                  dim n, j
                  dim m >= j
                  given K : matrix[m, n]
                  given q : vector[n]
                  let a = softmax(K*q/sqrt(n))
                  find grad(a_j, q)
                """);
        Grad g = (Grad) p.targets().get(0);
        Index entry = assertInstanceOf(Index.class, g.f());
        assertEquals("a", ((Sym) entry.base()).name());
        assertEquals(SymKind.LET, ((Sym) entry.base()).kind());
        assertFalse(Exprs.anyNode(g, x -> x instanceof Sym s && s.kind() == SymKind.LOSS), "no abstract loss is introduced");
    }

    @Test void anUndeclaredNameStillIntroducesAnAbstractLoss() {
        Problem p = parse("""
                problem t
                  dim n
                  given y : vector[n]
                  given g = grad(L_t, y)
                  find grad(L_t, y)
                """);
        Grad g = (Grad) p.targets().get(0);
        assertEquals(SymKind.LOSS, ((Sym) g.f()).kind());
    }
}
