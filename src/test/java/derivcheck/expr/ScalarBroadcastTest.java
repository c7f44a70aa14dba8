package derivcheck.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.spec.Specs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A scalar in a sum of vectors is that scalar times the ones vector (docs/spec-language.md). */
class ScalarBroadcastTest {
    static final Pos P = Pos.NONE;
    static final Dim n = Dim.of("n"), m = Dim.of("m");
    static final Sym a = Sym.scalar("a"), b = Sym.scalar("b");
    static final Sym x = new Sym("x", new Shape.Vector(n), SymKind.GIVEN, P);
    static final Sym u = new Sym("u", new Shape.Vector(m), SymKind.GIVEN, P);
    static final Sym S = new Sym("S", new Shape.Matrix(n, n), SymKind.GIVEN, P);

    @Test void aScalarTermBesideAVectorIsStoredAsTheScalarTimesOnesOfThatLength() {
        Add s = new Add(List.of(x, new Mul(List.of(Num.MINUS_ONE, a, b), P)), P);
        assertEquals(new Shape.Vector(n), s.shape());
        assertEquals(List.of(x, new Mul(List.of(Num.MINUS_ONE, a, b, new Ones(n)), P)), s.terms());
        for (Expr t : s.terms()) assertEquals(new Shape.Vector(n), t.shape(), "every term has the sum's shape");
    }

    @Test void aNumberOneBroadcastsToOnesItselfAndAScalarLeadingTheSumBroadcastsToo() {
        assertEquals(List.of(new Ones(n), x), new Add(List.of(Num.ONE, x), P).terms());
        assertEquals(new Mul(List.of(Num.of(3), new Ones(n)), P), new Add(List.of(Num.of(3), x), P).terms().get(0));
    }

    @Test void scalarsAloneAndMatricesAndMixedSizesAreNotBroadcast() {
        assertEquals(List.of(a, b), new Add(List.of(a, b), P).terms());
        assertThrows(ShapeException.class, () -> new Add(List.of(S, a), P));
        assertThrows(ShapeException.class, () -> new Add(List.of(x, u, a), P));
    }

    @Test void theBroadcastScalarOfATermIsFoundAgainAndOtherTermsHaveNone() {
        assertEquals(a, Broadcast.scalar(Broadcast.times(a, n)).orElseThrow());
        assertEquals(Num.ONE, Broadcast.scalar(new Ones(n)).orElseThrow());
        assertTrue(Broadcast.scalar(x).isEmpty());
        assertTrue(Broadcast.scalar(new Mul(List.of(a, x), P)).isEmpty());
    }

    @Test void aSumOfBroadcastTermsOnlyKeepsItsOnesWhenPrinted() {
        Add both = new Add(List.of(Broadcast.times(a, n), Broadcast.times(b, n)), P);
        assertEquals(both.terms(), Broadcast.printed(both));
        assertEquals("a*ones(n) + b*ones(n)", TextPrinter.print(both));
    }

    @ParameterizedTest(name = "''{0}'' prints as ''{1}'' and reads back the same")
    @CsvSource(delimiterString = "=>", value = {
        "abs(x) - a*b => abs(x) - a*b",
        "sign(x) .* max(abs(x) - a*b, 0) => sign(x) .* max(abs(x) - a*b, 0)",
        "1 - x => -x + 1",
        "x + 1 => x + 1",
        "a - x + b => a - x + b",
        "ones(n) => ones(n)",
        "a*ones(n) => a*ones(n)",
        "<y, x - a> => <y, x - a>",
    })
    void aBroadcastSumPrintsAsASheetWritesItAndReadsBackTheSame(String text, String printed) {
        Expr e = Specs.expr(text.strip());
        assertEquals(printed.strip(), TextPrinter.print(e));
        assertEquals(e, Specs.expr(TextPrinter.print(e)));
    }

    @Test void theSpecReaderBroadcastsAScalarInAVectorSum() {
        Expr e = Specs.expr("abs(x) - a*b");
        assertEquals(new Shape.Vector(n), e.shape());
        Add s = (Add) e;
        assertEquals(new Mul(List.of(Num.MINUS_ONE, a, b, new Ones(n)), P), s.terms().get(1));
    }
}
