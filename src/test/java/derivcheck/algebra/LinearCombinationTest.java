package derivcheck.algebra;

import static derivcheck.algebra.AlgebraEx.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Sym;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearCombinationTest {
    private static final Sym A = mat("A"), B = mat("B");
    private static final Sym X = vec("x"), Y = vec("y");
    private static final Sym C = s("c");

    @Test
    void likeTermsAreCollectedIntoOneCoefficient() {
        LinearCombination lc = LinearCombination.of(add(mul(A, X), mul(n(2), A, X), mul(C, A, X)));
        assertEquals(1, lc.terms().size());
        assertEquals(List.of(A, X), lc.terms().keySet().iterator().next());
        assertEquals("c + 3", print(lc.terms().get(List.of(A, X))));
    }

    @Test
    void sameAtomsInADifferentMatrixOrderAreDifferentTerms() {
        LinearCombination lc = LinearCombination.of(add(mul(A, B), mul(B, A)));
        assertEquals(2, lc.terms().size(), "AB and BA do not commute");
    }

    @Test
    void termOrderIsCanonicalWhateverOrderTheSumIsWrittenIn() {
        LinearCombination one = LinearCombination.of(add(Y, mul(A, X), X));
        LinearCombination two = LinearCombination.of(add(X, Y, mul(A, X)));
        assertEquals(List.copyOf(one.terms().keySet()), List.copyOf(two.terms().keySet()));
        assertEquals(print(one.toExpr(Num.ZERO)), print(two.toExpr(Num.ZERO)));
        assertEquals("A*x + x + y", print(one.toExpr(Num.ZERO)));
    }

    @Test
    void orderedKeepsTheGivenOrderButStillMergesEqualFactors() {
        LinearCombination lc = LinearCombination.ordered(List.of(new Term(Num.ONE, List.of(Y)), new Term(C, List.of(X)),
                new Term(Num.of(2), List.of(Y))));
        assertEquals(List.of(List.of(Y), List.of(X)), List.copyOf(lc.terms().keySet()));
        assertEquals("3", print(lc.terms().get(List.of(Y))));
    }

    @Test
    void minusCancelsEqualTermsToAZeroCoefficientThatMapCoefficientsDrops() {
        LinearCombination a = LinearCombination.of(add(X, mul(n(3), A, X)));
        LinearCombination b = LinearCombination.of(mul(n(3), A, X));
        LinearCombination d = a.minus(b);
        assertEquals("0", print(d.terms().get(List.of(A, X))));
        LinearCombination cleaned = d.mapCoefficients(e -> e);
        assertEquals(List.of(List.of(X)), List.copyOf(cleaned.terms().keySet()));
        assertEquals("x", print(cleaned.toExpr(Num.ZERO)));
    }

    @Test
    void minusOfItselfWithNumericCoefficientsIsEmptyAndToExprGivesTheSuppliedZero() {
        LinearCombination a = LinearCombination.of(add(X, mul(n(3), Y)));
        Expr zero = Exprs.mul(Num.ZERO, X);
        assertSame(zero, a.minus(a).mapCoefficients(e -> e).toExpr(zero));
    }

    @Test
    void minusLeavesSymbolicCancellationToTheCas() {
        // c - c is not simplified here: the coefficient stays until a CAS simplifies it
        LinearCombination a = LinearCombination.of(mul(C, Y));
        assertEquals(1, a.minus(a).mapCoefficients(e -> e).terms().size());
    }

    @Test
    void minusNegatesTermsOnlyInTheOtherCombination() {
        LinearCombination d = LinearCombination.of(X).minus(LinearCombination.of(mul(C, Y)));
        assertEquals("x - c*y", print(d.toExpr(Num.ZERO)));
    }

    @Test
    void scalarTermsAreCollectedUnderTheEmptyProduct() {
        LinearCombination lc = LinearCombination.of(add(inner(X, Y), mul(n(2), inner(Y, X))));
        assertEquals(List.of(List.of()), List.copyOf(lc.terms().keySet()));
    }

    @Test
    void mapCoefficientsAppliesToEveryCoefficient() {
        LinearCombination lc = LinearCombination.of(add(mul(C, X), Y)).mapCoefficients(c -> Exprs.mul(Num.of(2), c));
        assertEquals("2*c*x + 2*y", print(lc.toExpr(Num.ZERO)));
    }

    @Test
    void termRejectsANonScalarCoefficient() {
        assertThrows(IllegalArgumentException.class, () -> new Term(X, List.of()));
    }
}
