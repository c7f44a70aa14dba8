package derivcheck.spec;

import static derivcheck.spec.Specs.expr;
import static derivcheck.spec.Specs.parse;
import static derivcheck.spec.Specs.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Index;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import derivcheck.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How names are resolved: x_i splitting, declared names with underscores, T, min/max, losses. */
class NameResolutionTest {
    @Test void aDeclaredNameWithAnUnderscoreIsOneName() {
        assertEquals(vector("theta_t", "n"), expr("theta_t"));
    }

    @Test void underscoreNameSplitsIntoAnEntryWhenTheSuffixIsABoundIndex() {
        Sum s = (Sum) expr("sum(i = 1..n, x_i)");
        assertEquals(new Index(vector("x", "n"), List.of(Specs.index("i")), Pos.NONE), s.body());
    }

    @Test void aDeclaredNameWithUnderscoreCanItselfBeIndexed() {
        Sum s = (Sum) expr("sum(t = 1..n, theta_t_t)");
        assertEquals(new Index(vector("theta_t", "n"), List.of(Specs.index("t")), Pos.NONE), s.body());
    }

    @Test void underscoreNameSplitsAtANumberOrADimension() {
        assertEquals(new Index(vector("x", "n"), List.of(Num.of(3)), Pos.NONE), expr("x_3"));
        assertEquals(new Index(vector("x", "n"), List.of(Specs.dim("n")), Pos.NONE), expr("x_n"));
    }

    @Test void forAllInAConstraintBindsTheIndexForEntries() {
        Problem p = parse(Specs.DECLS + "  find d : vector[n]\n  minimize <x, d>\n  subject to -a <= d_k <= a for all k\n");
        assertEquals(new Index(new Sym("d", new Shape.Vector(Specs.n()), SymKind.UNKNOWN, Pos.NONE),
                List.of(Specs.index("k")), Pos.NONE), p.constraints().get(0).relations().get(0).rhs());
    }

    @Test void caretTIsAPowerWhenTIsDeclared() {
        Problem p = parse(Specs.DECLS + "  given T : real\n  let e = a^T\n");
        assertEquals(new Pow(Specs.scalar("a"), Specs.scalar("T"), Pos.NONE), p.let("e").orElseThrow().body());
    }

    @Test void caretTOfAScalarIsAPowerNotATranspose() {
        Problem p = parse("problem p\n  given a : real\n  dim T\n  let e = a^T\n");
        assertEquals(new Pow(Specs.scalar("a"), Specs.dim("T"), Pos.NONE), p.let("e").orElseThrow().body());
    }

    @Test void caretTOfAMatrixIsItsTransposeWhenTIsUndeclared() {
        assertEquals(new Transpose(Specs.matrix("A", "m", "n"), Pos.NONE), expr("A^T"));
    }

    @Test void minAndMaxNameTheOptimalValueWhenThereIsAnObjective() {
        Problem p = parse("problem p\n  given a : real\n  find w : real\n  minimize (w - a)^2\n  find min\n  expect min = 0\n");
        assertEquals(new Sym("min", Shape.SCALAR, SymKind.OPTIMUM, Pos.NONE), p.targets().get(0));
        assertEquals(SymKind.OPTIMUM, ((Sym) p.expects().get(0).relations().get(0).lhs()).kind());
    }

    @Test void minWithoutAnObjectiveIsAnUnknownName() {
        assertFalse(Specs.read("problem p\n  find min\n").ok());
    }

    @Test void gradWithAnUndeclaredFirstArgumentIntroducesAScalarLoss() {
        Problem p = parse(Specs.DECLS + "  find grad(L, x), grad(L, A)\n");
        Grad g = (Grad) p.targets().get(0);
        assertEquals(new Sym("L", Shape.SCALAR, SymKind.LOSS, Pos.NONE), g.f());
        assertEquals(new Shape.Vector(Specs.n()), g.shape());
        assertEquals(Specs.matrix("A", "m", "n").shape(), p.targets().get(1).shape());
    }

    @Test void gradOfADeclaredScalarExpressionDifferentiatesThatExpression() {
        Grad g = (Grad) expr("grad(<x, y>, x)");
        assertTrue(g.f().isScalar());
        assertEquals(vector("x", "n"), g.wrt());
    }

    @Test void theLossIsNotAValueSymbolOfTheProblem() {
        Problem p = parse(Specs.DECLS + "  find grad(L, x)\n");
        assertTrue(p.symbol("L").isEmpty());
    }

    @Test void indicesAreLocalToTheirSumAndMayBeReused() {
        assertEquals(Shape.SCALAR, expr("sum(i = 1..n, x_i) + sum(i = 1..n, y_i)").shape());
    }

    @Test void symbolsCarryTheirSourcePosition() {
        Problem p = parse("problem p\n  given a : real\n  let e = 1 +\n    a\n");
        Sym a = (Sym) ((derivcheck.expr.Add) p.let("e").orElseThrow().body()).terms().get(0);
        assertEquals(4, a.pos().line());
        assertEquals(5, a.pos().col());
    }

    /** Every name is known everywhere in a file (docs/spec-language.md, Layout); found by fuzz/GeneratedSpecsTest. */
    @Test void aShapeMayNameADimensionDeclaredFurtherDownInTheFile() {
        Problem p = parse("""
                problem late_dims
                  find x : vector[n]
                  given X : matrix[m, n]
                  minimize 1/2*||X*x - y||^2 + <c, x>
                  given y : vector[m]
                  given c : vector[n]
                  dim n
                  dim m >= 2
                """);
        assertEquals(vector("x", "n").shape(), p.unknowns().get(0).sym().shape());
        assertEquals(List.of("n", "m"), p.dims().stream().map(d -> d.sym().name()).toList());
    }
}
