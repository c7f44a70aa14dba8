package derivcheck.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape rules the node constructors enforce. */
class ShapeRulesTest {
    static final Dim n = Dim.of("n"), m = Dim.of("m"), k = Dim.of("k");
    static final Pos P = Pos.NONE;
    static final Sym a = Sym.scalar("a");
    static final Sym x = vec("x", n), y = vec("y", n), u = vec("u", m);
    static final Sym A = mat("A", m, n), B = mat("B", n, k), S = mat("S", n, n);

    static Sym vec(String name, Dim d) { return new Sym(name, new Shape.Vector(d), SymKind.GIVEN, P); }

    static Sym mat(String name, Dim r, Dim c) { return new Sym(name, new Shape.Matrix(r, c), SymKind.GIVEN, P); }

    static Shape mul(Expr... f) { return new Mul(List.of(f), P).shape(); }

    static Expr t(Expr e) { return new Transpose(e, P); }

    @Test void matrixTimesVectorIsAVectorOfTheRowCount() {
        assertEquals(new Shape.Vector(m), mul(A, x));
    }

    @Test void matrixTimesMatrixHasOuterDimensions() {
        assertEquals(new Shape.Matrix(m, k), mul(A, B));
    }

    @Test void scalarsScaleWithoutChangingTheShape() {
        assertEquals(new Shape.Vector(m), mul(a, A, Num.of(2), x));
        assertEquals(Shape.SCALAR, mul(a, Num.of(3)));
    }

    @Test void rowTimesColumnIsAScalar() {
        assertEquals(Shape.SCALAR, mul(t(x), y));
        assertEquals(Shape.SCALAR, mul(t(x), S, y));
    }

    @Test void columnTimesRowIsTheOuterProductMatrix() {
        assertEquals(new Shape.Matrix(n, m), mul(x, t(u)));
    }

    @Test void nonConformableProductIsRejected() {
        ShapeException e = assertThrows(ShapeException.class, () -> mul(A, u));
        assertTrue(e.getMessage().startsWith("not conformable: matrix in R^(mxn) times vector in R^m"), e.getMessage());
        assertThrows(ShapeException.class, () -> mul(x, y));
        assertThrows(ShapeException.class, () -> mul(B, A));
    }

    @Test void transposeOfAVectorIsARowAndBack() {
        assertEquals(new Shape.Matrix(Dim.ONE, n), t(x).shape());
        assertEquals(new Shape.Vector(n), t(t(x)).shape());
    }

    @Test void transposeOfAMatrixSwapsItsDimensionsAndOfAScalarIsTheScalar() {
        assertEquals(new Shape.Matrix(n, m), t(A).shape());
        assertEquals(Shape.SCALAR, t(a).shape());
    }

    @Test void indexOfAVectorIsAScalarEntry() {
        assertEquals(Shape.SCALAR, new Index(x, List.of(Num.of(1)), P).shape());
    }

    @Test void oneIndexOfAMatrixIsARowAsAVectorAndTwoAreAnEntry() {
        assertEquals(new Shape.Vector(n), new Index(A, List.of(Num.of(1)), P).shape());
        assertEquals(Shape.SCALAR, new Index(A, List.of(Num.of(1), Num.of(2)), P).shape());
    }

    @Test void indexingAScalarOrWithTooManyIndicesOrANonScalarIndexIsRejected() {
        assertThrows(ShapeException.class, () -> new Index(a, List.of(Num.of(1)), P));
        assertThrows(ShapeException.class, () -> new Index(x, List.of(Num.of(1), Num.of(1)), P));
        assertThrows(ShapeException.class, () -> new Index(x, List.of(y), P));
    }

    @Test void powerOfASquareMatrixIsThatMatrixShape() {
        assertEquals(S.shape(), new Pow(S, Num.of(2), P).shape());
        assertEquals(Shape.SCALAR, new Pow(a, a, P).shape());
    }

    @Test void powerOfAVectorOrNonSquareMatrixOrWithNonScalarExponentIsRejected() {
        assertThrows(ShapeException.class, () -> new Pow(x, Num.of(2), P));
        assertThrows(ShapeException.class, () -> new Pow(A, Num.of(2), P));
        assertThrows(ShapeException.class, () -> new Pow(a, x, P));
    }

    @Test void sumOfOneShapeHasThatShapeAndMixedShapesAreRejected() {
        assertEquals(new Shape.Vector(n), new Add(List.of(x, y), P).shape());
        ShapeException e = assertThrows(ShapeException.class, () -> new Add(List.of(x, S), P));
        assertEquals("cannot add a vector in R^n and a matrix in R^(nxn)", e.getMessage());
        assertThrows(ShapeException.class, () -> new Add(List.of(x, u), P));
        ShapeException m = assertThrows(ShapeException.class, () -> new Add(List.of(S, a), P), "a scalar is not broadcast over a matrix");
        assertEquals("cannot add a matrix in R^(nxn) and a scalar (a scalar is added entrywise only to a vector; for c*I write c*eye(n))",
                m.getMessage());
    }

    @Test void indexSumHasTheShapeOfItsBody() {
        Sym i = new Sym("i", Shape.SCALAR, SymKind.INDEX, P);
        assertEquals(Shape.SCALAR, new Sum(i, Num.of(1), a, new Index(x, List.of(i), P), P).shape());
        assertEquals(new Shape.Vector(n), new Sum(i, Num.of(1), a, Exprs.mul(new Index(u, List.of(i), P), x), P).shape());
        assertThrows(ShapeException.class, () -> new Sum(a, Num.of(1), a, a, P), "the index must be an index symbol");
    }

    @Test void piecewiseArmsMustHaveOneShape() {
        Relation pos = new Relation(RelOp.GT, a, Num.of(0), P);
        Piecewise ok = new Piecewise(List.of(new Piecewise.Arm(x, List.of(pos)), new Piecewise.Arm(y, List.of())), P);
        assertEquals(new Shape.Vector(n), ok.shape());
        assertThrows(ShapeException.class,
                () -> new Piecewise(List.of(new Piecewise.Arm(x, List.of(pos)), new Piecewise.Arm(a, List.of())), P));
    }

    @Test void innerProductNeedsTwoNonScalarsOfOneShape() {
        assertEquals(Shape.SCALAR, new Inner(x, y, P).shape());
        assertEquals(Shape.SCALAR, new Inner(S, S, P).shape());
        assertThrows(ShapeException.class, () -> new Inner(x, u, P));
        assertThrows(ShapeException.class, () -> new Inner(a, a, P));
    }

    @Test void inverseAndTraceNeedSquareMatrices() {
        assertEquals(S.shape(), new Inverse(S, P).shape());
        assertThrows(ShapeException.class, () -> new Inverse(A, P));
        assertThrows(ShapeException.class, () -> Apply.of(Builtin.TRACE, A));
        assertEquals(Shape.SCALAR, Apply.of(Builtin.TRACE, S).shape());
    }

    @Test void builtinsActEntrywiseOrReduceAsDocumented() {
        assertEquals(x.shape(), Apply.of(Builtin.EXP, x).shape());
        assertEquals(A.shape(), Apply.of(Builtin.SIGMOID, A).shape());
        assertEquals(x.shape(), Apply.of(Builtin.SOFTMAX, x).shape());
        assertEquals(Shape.SCALAR, Apply.of(Builtin.SUM, x).shape());
        assertEquals(Shape.SCALAR, Apply.of(Builtin.MAX, x).shape());
        assertEquals(x.shape(), Apply.of(Builtin.MAX, x, Num.of(0)).shape());
        assertEquals(x.shape(), Apply.of(Builtin.MIN, a, x).shape());
        assertThrows(ShapeException.class, () -> Apply.of(Builtin.MAX, x, u));
        assertThrows(ShapeException.class, () -> Apply.of(Builtin.SOFTMAX, a));
        assertThrows(ShapeException.class, () -> Apply.of(Builtin.LOG, a, a));
    }

    @Test void userFunctionsAreScalarFunctionsOfOneScalar() {
        UserFunc rho = new UserFunc("rho", 0);
        assertEquals(Shape.SCALAR, Apply.of(rho.differentiated(), a).shape());
        assertThrows(ShapeException.class, () -> Apply.of(rho, x));
    }

    @Test void normIsAScalarAndFrobeniusNeedsAMatrix() {
        assertEquals(Shape.SCALAR, Norm.l2(x).shape());
        assertThrows(ShapeException.class, () -> new Norm(x, NormKind.FROBENIUS, P));
    }

    @Test void gradientHasTheShapeOfTheVariableAndNeedsAScalarFunction() {
        assertEquals(A.shape(), new Grad(a, A, P).shape());
        assertThrows(ShapeException.class, () -> new Grad(x, a, P));
    }

    @Test void comparisonsNeedOneShapeOrAScalarSide() {
        new Relation(RelOp.LE, x, y, P);
        new Relation(RelOp.GE, x, Num.of(0), P);
        assertThrows(ShapeException.class, () -> new Relation(RelOp.EQ, x, u, P));
    }

    @Test void oneByOneResultIsAScalarAndRByOneIsAVector() {
        assertEquals(Shape.SCALAR, Shape.of(Dim.ONE, Dim.ONE));
        assertEquals(new Shape.Vector(n), Shape.of(n, Dim.ONE));
        assertEquals(new Shape.Matrix(Dim.ONE, n), Shape.of(Dim.ONE, n));
    }

    @Test void affineSizesCompareByValue() {
        assertEquals(Dim.of("N").plus(Dim.of(-2)), Dim.of(-2).plus(Dim.of("N")));
        assertEquals("N-2", Dim.of("N").plus(Dim.of(-2)).toString());
        assertEquals("2*n", Dim.of("n").times(2).toString());
        assertEquals(5, Dim.of("N").plus(Dim.of(-2)).evaluate(java.util.Map.of("N", 7)));
    }

    @Test void positionsNeverTakePartInEquality() {
        assertEquals(new Sym("a", Shape.SCALAR, SymKind.GIVEN, new Pos("f", 3, 4)), a);
        assertEquals(Exprs.add(a, a), new Add(List.of(a, a), new Pos("g", 1, 1)));
    }

    @Test void exprsConstructorsFlattenAndFoldTrivialCases() {
        assertEquals(a, Exprs.add(a, Num.ZERO));
        assertEquals(a, Exprs.mul(Num.ONE, a));
        assertEquals(a, Exprs.pow(a, Num.ONE));
        assertEquals(Num.of(8), Exprs.pow(Num.of(2), Num.of(3)));
        assertEquals(new Mul(List.of(Num.of(6), A, x), P), Exprs.mul(Num.of(2), Exprs.mul(A, Num.of(3)), x));
        assertEquals(new Add(List.of(a, Sym.scalar("b"), Num.of(3)), P),
                Exprs.add(Num.of(1), a, Exprs.add(Sym.scalar("b"), Num.of(2))));
        assertTrue(Exprs.isZero(Exprs.mul(Num.ZERO, x)));
        assertEquals(x.shape(), Exprs.mul(Num.ZERO, x).shape(), "a zero keeps the shape of the product");
    }
}
