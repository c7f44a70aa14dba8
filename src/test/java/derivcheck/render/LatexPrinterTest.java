package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import derivcheck.expr.Add;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Variance;
import derivcheck.model.Problem;
import derivcheck.spec.Specs;
import org.junit.jupiter.api.Test;

/** The notation rules of the LaTeX printer, one rule per test. */
class LatexPrinterTest {
    private static final LatexPrinter P = LatexPrinter.standard();

    private static String tex(String spec) { return P.print(Specs.expr(spec)); }

    @Test void productsAreJuxtaposedWithoutCdot() {
        assertEquals("2 a b", tex("2*a*b"));
    }

    @Test void cdotSeparatesANumberFromAFactorStartingWithADigit() {
        assertEquals("2 \\cdot 3^a", P.print(Exprs.mul(Exprs.num(2), new derivcheck.expr.Pow(Exprs.num(3), Specs.scalar("a"), Pos.NONE))));
    }

    @Test void cdotSeparatesAFunctionCallFromAParenthesizedFactor() {
        assertEquals("\\log(a) \\cdot (b + c)", tex("log(a)*(b + c)"));
    }

    @Test void parenthesizedSumsAreJuxtaposed() {
        assertEquals("(a + b) (b + c)", tex("(a + b)*(b + c)"));
    }

    @Test void scalarFactorsPrintBeforeNormsAndSymbolsBeforeFunctions() {
        assertEquals("a \\|x\\|_1", tex("||x||_1*a"));
    }

    @Test void scalarQuotientIsAFrac() {
        assertEquals("\\frac{a}{b}", tex("a/b"));
    }

    @Test void numericCoefficientFractionKeepsANormOutside() {
        assertEquals("\\frac{a}{2} \\|x\\|^2", tex("a/2*||x||^2"));
    }

    @Test void aSumOverASymbolGoesAboveTheBarAndABigSumStaysBeside() {
        // the seed's (1 - p)/p sum_j ..., not 1/p (1 - p) sum_j ...
        assertEquals("\\frac{1 - a}{b} \\sum_{j=1}^{n} x_j", tex("(1 - a)/b*sum(j = 1..n, x_j)"));
    }

    @Test void aParenthesizedSumBesideSymbolsGoesAboveTheBarFirst() {
        // the seed's (X^T X + 2 lambda n) x / (X^T t), not x/(X^T t) (X^T X + 2 lambda n)
        assertEquals("\\frac{(a + b) c}{\\|x\\|}", tex("c/||x||*(a + b)"));
    }

    @Test void aScalarCoefficientPrintsBeforeTheEntryOfAVector() {
        assertEquals("a x_1", tex("x_1*a"));
    }

    @Test void aQuotientOfRootsIsTheRootOfTheQuotient() {
        assertEquals("\\sqrt{\\frac{1 - a}{b}}", tex("sqrt(1 - a)/sqrt(b)"));
        assertEquals("\\sqrt{\\frac{a}{b}}", tex("a^(1/2)*b^(-1/2)"));
        // a root beside a factor that is not a root stays a root of its own
        org.junit.jupiter.api.Assertions.assertFalse(tex("a*sqrt(b)/c").startsWith("\\sqrt"), tex("a*sqrt(b)/c"));
    }

    @Test void aSumOverAScalarGoesIntoTheFrac() {
        assertEquals("\\frac{\\theta_t - a x}{a b + 1}", tex("(theta_t - a*x)/(1 + a*b)"));
    }

    @Test void aVectorOverANormIsAFracOfTheVector() {
        assertEquals("\\frac{x}{\\|x\\|}", tex("x/||x||"));
    }

    @Test void scalarFactorsGoIntoTheFracAndTheVectorAfterIt() {
        assertEquals("-\\frac{a}{\\|x\\|} x", tex("-a*x/||x||"));
    }

    @Test void quotientsInExponentsAreInlineSlashes() {
        assertEquals("a^{b/c}", tex("a^(b/c)"));
    }

    @Test void halfPowerIsASquareRoot() {
        assertEquals("\\sqrt{a}", tex("a^(1/2)"));
    }

    @Test void negativePowerIsAFraction() {
        assertEquals("\\frac{1}{a^2}", tex("a^(-2)"));
    }

    @Test void subtractionPrintsAMinusAndAPositiveTermComesFirst() {
        assertEquals("a - b", tex("a - b"));
        assertEquals("1 - a", tex("-a + 1"));
    }

    @Test void normsAreDoubleBarsWithTheirSubscripts() {
        assertEquals("\\|x\\|", tex("||x||"));
        assertEquals("\\|x\\|_1", tex("||x||_1"));
        assertEquals("\\|x\\|_\\infty", tex("||x||_inf"));
    }

    @Test void innerProductsAreAngleBrackets() {
        assertEquals("\\langle x, y\\rangle", tex("<x, y>"));
    }

    @Test void transposeIsTopSuperscript() {
        assertEquals("A^\\top u", tex("A'*u"));
    }

    @Test void inverseIsMinusOneSuperscriptWithParenthesesAroundSums() {
        assertEquals("S^{-1}", tex("inv(S)"));
        assertEquals("(S + W)^{-1}", tex("inv(S + W)"));
    }

    @Test void signSigmoidAndLogitAreOperators() {
        assertEquals("\\operatorname{sign}(x)", tex("sign(x)"));
        assertEquals("\\sigma(a)", tex("sigmoid(a)"));
        assertEquals("\\operatorname{logit}(a)", tex("logit(a)"));
    }

    @Test void sigmoidIsSpelledOutWhenSigmaNamesASymbol() {
        Problem p = Specs.parse("problem t\n  given sigma, a : real\n  let e = sigmoid(a)*sigma\n");
        assertEquals("\\sigma \\operatorname{sigmoid}(a)", LatexPrinter.of(p).print(p.let("e").orElseThrow().body()));
    }

    @Test void absoluteValueIsBars() {
        assertEquals("|a|", tex("abs(a)"));
    }

    @Test void noLeftRightAroundAtomsOnlyAroundTallContent() {
        assertEquals("\\log(a)", tex("log(a)"));
        assertEquals("\\log\\left(\\frac{a}{b}\\right)", tex("log(a/b)"));
    }

    @Test void piecewiseIsACasesEnvironment() {
        assertEquals("\\begin{cases}a & \\text{if } a > 0 \\\\ 0 & \\text{otherwise}\\end{cases}",
                tex("cases(a if a > 0, 0 otherwise)"));
    }

    @Test void iversonBracketIsDoubleSquareBrackets() {
        assertEquals("a [\\![a = b]\\!]", tex("a*[a = b]"));
    }

    @Test void sumsHaveLowerAndUpperLimits() {
        assertEquals("\\sum_{i=1}^{n} x_i", tex("sum(i = 1..n, x_i)"));
        assertEquals("\\sum_{i=1}^{N-2} (x_i + x_{i+2})", P.print(Specs.expr(
                "problem t\n  dim N >= 3\n  given x : vector[N]\n", "sum(i = 1..N-2, x_i + x_{i+2})")));
    }

    @Test void expectationIsBlackboardEAndVarianceAnOperator() {
        Sym y = Specs.scalar("y");
        assertEquals("\\mathbb{E}[y]", P.print(new Expectation(y, Pos.NONE)));
        assertEquals("\\operatorname{Var}[y]", P.print(new Variance(y, Pos.NONE)));
    }

    @Test void gradientInAVectorIsNablaAndInAScalarAPartialQuotient() {
        Sym l = new Sym("L", Shape.SCALAR, SymKind.LOSS, Pos.NONE);
        assertEquals("\\nabla_{x} L", P.print(new Grad(l, Specs.vector("x", "n"), Pos.NONE)));
        assertEquals("\\frac{\\partial L}{\\partial a}", P.print(new Grad(l, Specs.scalar("a"), Pos.NONE)));
    }

    @Test void userFunctionsUseTheirNameAndPrimes() {
        assertEquals("\\rho'(a)", P.print(Specs.expr("problem t\n  given a : real\n  given rho : function\n", "rho'(a)")));
    }

    @Test void theOptimalValuePrintsAsFStar() {
        assertEquals("f^{\\star}", P.print(new Sym("min", Shape.SCALAR, SymKind.OPTIMUM, Pos.NONE)));
    }

    @Test void specLatexNamesAreUsedAndGetParenthesesBeforeAnotherSuperscript() {
        Problem p = Specs.parse("problem t\n  given s : real  latex \"\\theta^t\"\n  let e = s^2\n");
        assertEquals("(\\theta^t)^2", LatexPrinter.of(p).print(p.let("e").orElseThrow().body()));
    }

    @Test void indexingANameThatHasASubscriptAddsParentheses() {
        Problem p = Specs.parse("problem t\n  dim n\n  given w : vector[n]  latex \"w_0\"\n  given v : vector[n]  latex \"x^{(i)}\"\n"
                + "  let e = w_1 + v_1\n");
        assertEquals("(w_0)_1 + x^{(i)}_1", LatexPrinter.of(p).print(p.let("e").orElseThrow().body()));
    }

    @Test void relationsUseLeAndGeAndChainOnlyWhenLinkedOneWay() {
        Problem p = Specs.parse(Specs.DECLS + "  assume a <= b\n");
        Expr a = Specs.scalar("a"), b = Specs.scalar("b"), c = Specs.scalar("c");
        var r1 = new derivcheck.expr.Relation(derivcheck.expr.RelOp.LE, a, b, Pos.NONE);
        var up = new derivcheck.expr.Relation(derivcheck.expr.RelOp.LE, b, c, Pos.NONE);
        var down = new derivcheck.expr.Relation(derivcheck.expr.RelOp.GE, b, c, Pos.NONE);
        assertEquals("a \\le b \\le c", LatexPrinter.of(p).print(java.util.List.of(r1, up)));
        // a \\le b \\ge c would say nothing about a and c: two relations
        assertEquals("a \\le b, \\quad b \\ge c", LatexPrinter.of(p).print(java.util.List.of(r1, down)));
    }

    @Test void anEntryOfAVectorWhoseNameHasASuperscriptIsBracedBeforeAPower() {
        // the LaTeX name x^{(i)} already has a superscript; x^{(i)}_j^2 would be a double superscript
        Problem p = Specs.parse("problem t\n  dim n\n  given x : vector[n]  latex \"x^{(i)}\"\n"
                + "  let e = sum(j = 1..n, x_j^2)\n");
        assertEquals("\\sum_{j=1}^{n} (x^{(i)}_j)^2", LatexPrinter.of(p).print(p.let("e").orElseThrow().body()));
    }

    // products built by hand (the simplifier would fold these; derivation steps need not be simplified)
    private static final Num MINUS_ONE = new Num(derivcheck.expr.Rational.of(-1, 1), Pos.NONE);

    private static Expr neg(Expr e) { return new Mul(java.util.List.of(MINUS_ONE, e), Pos.NONE); }

    private static Expr sum(Expr... ts) { return new Add(java.util.List.of(ts), Pos.NONE); }

    @Test void aNegatedNegativeTermPrintsWithOnePlusSignNotMinusMinus() {
        Sym a = Specs.scalar("a"), x = Specs.scalar("x"), b = Specs.scalar("b");
        assertEquals("a + x", P.print(sum(a, neg(neg(x)))));
        assertEquals(java.util.List.of("a", "+ x"), P.terms(sum(a, neg(neg(x)))));
        assertEquals("x", P.print(neg(neg(x))));
        assertEquals("a + 2", P.print(sum(a, neg(Exprs.num(-2)))));
        assertEquals("a + b x", P.print(sum(a, neg(neg(new Mul(java.util.List.of(b, x), Pos.NONE))))));
    }

    @Test void aMinusSignAfterTheFirstFactorMovesToTheFront() {
        Sym a = Specs.scalar("a"), x = Specs.scalar("x");
        assertEquals("a - x", P.print(sum(a, new Mul(java.util.List.of(x, MINUS_ONE), Pos.NONE))));
        assertEquals("-a x", P.print(new Mul(java.util.List.of(a, neg(x)), Pos.NONE)));
    }

    @Test void aNegatedSumKeepsItsParentheses() {
        Sym a = Specs.scalar("a"), b = Specs.scalar("b"), c = Specs.scalar("c");
        assertEquals("-(a + b)", P.print(neg(sum(a, b))));
        assertEquals("c - (a + b)", P.print(sum(c, neg(sum(a, b)))));
    }

    @Test void aScalarBroadcastInAVectorSumPrintsAsTheBareScalarAndOnesAloneAsABoldOne() {
        assertEquals("\\operatorname{sign}(x) \\odot \\max(|x| - a b, 0)", tex("sign(x) .* max(abs(x) - a*b, 0)"));
        assertEquals("\\mathbf{1}", tex("ones(n)"));
    }
}
