package derivcheck.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 11, defects 11 to 14: the judge's own examples. */
class JudgeDefectsTest {
    private static void show(Judgement j) { System.out.println(j.summary() + " " + j.evidence() + " " + j.spent()); }

    @Test
    void aNonzeroExactConstantDifferenceIsDifferentHoweverCloseTheSamples() {
        Judgement j = Pairs.judge("99999999/10^8", "99999998/99999999", "");
        show(j);
        assertEquals(Judgement.Kind.DIFFERENT, j.kind());
        assertEquals(Judgement.Tier.EXACT, j.tier());
        assertTrue(j.counterexample().isPresent());
    }

    @Test
    void aDegree13PolynomialOffByOneInTheConstantTermIsDifferent() {
        // (x - 1)^13 expanded, with the constant term -1 changed to 0
        String expanded = "x^13 - 13*x^12 + 78*x^11 - 286*x^10 + 715*x^9 - 1287*x^8 + 1716*x^7 - 1716*x^6 + 1287*x^5"
                + " - 715*x^4 + 286*x^3 - 78*x^2 + 13*x";
        Judgement j = Pairs.judge(expanded, "(x - 1)^13", "");
        show(j);
        assertEquals(Judgement.Kind.DIFFERENT, j.kind());
        Judgement right = Pairs.judge(expanded + " - 1", "(x - 1)^13", "");
        show(right);
        assertEquals(Judgement.Kind.PROVED_EQUAL, right.kind());
    }

    @Test
    void powersThatUnderflowAreComparedOnAScaleThatMeansSomething() {
        Judgement j = Pairs.judge("(x - a)^6000", "(x - a)^5999", "");
        show(j);
        assertEquals(Judgement.Kind.DIFFERENT, j.kind());
    }

    @Test
    void aNestedRadicalIdentityIsNotACounterexampleOfRounding() {
        Judgement j = Pairs.judge("(930249 + 416020*sqrt(5))^(1/30) - (930249 - 416020*sqrt(5))^(1/30)", "1", "");
        show(j);
        assertEquals(Judgement.Kind.EQUAL_BY_SAMPLES, j.kind());
    }

    @Test
    void powersOfPowersAreDifferentForANegativeBaseAndIntegerExponents() {
        Judgement j = Pairs.judge("(a^b)^c", "a^(b*c)", "");
        show(j);
        assertEquals(Judgement.Kind.DIFFERENT, j.kind());
        Judgement k = Pairs.judge("6*((x-2)^3)^k", "6*(x-2)^(3*k)", "");
        show(k);
        assertTrue(!k.undecided(), k.summary());
    }

    /** Issue 11, defect 3: where the reference is defined almost nowhere, too few valid points is undecided with the reason, never a verdict. */
    @Test
    void tooFewValidPointsIsUndecidedWithTheReason() {
        // sqrt(-x^2) is defined only at x = 0: no draw lands there
        Judgement j = Pairs.judge("x + 1", "sqrt(-x^2) + x", "");
        show(j);
        assertTrue(j.undecided(), j.summary());
        assertTrue(j.reason().contains("valid point"), j.reason());
    }
}
