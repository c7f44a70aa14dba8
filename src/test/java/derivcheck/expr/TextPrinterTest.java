package derivcheck.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.spec.Specs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TextPrinter writes the spec language: reading its output back gives the same expression. */
class TextPrinterTest {
    /** Reads, prints, reads again: both readings must be structurally equal; returns the print. */
    static String roundTrip(String text) {
        Expr first = Specs.expr(text);
        String printed = TextPrinter.print(first);
        assertEquals(first, reparse(printed), () -> "'" + text + "' printed as '" + printed + "'");
        return printed;
    }

    static Expr reparse(String printed) {
        ParseResult<Problem> r = Specs.read(Specs.DECLS + "  let e = " + printed + "\n");
        if (!r.ok()) fail("printed text does not read back: " + printed + "\n" + r.renderDiagnostics());
        return r.get().let("e").orElseThrow().body();
    }

    @ParameterizedTest(name = "''{0}'' prints as ''{1}'' and reads back the same")
    @CsvSource(delimiterString = "=>", value = {
        // negative terms
        "a - b => a - b",
        "-a + b => -a + b",
        "a - 2*b => a - 2*b",
        "a - -b => a + b",
        "a - (b - c) => a - (b - c)",
        "-a*b => -a*b",
        "a + -3 => a - 3",
        "-(a + b) => -(a + b)",
        // fractions and the order of factors
        "a/b => a/b",
        "a/b*c => a/b*c",
        "a*c/b => a*c/b",
        "1/(2*a) => 1/(2*a)",
        "a/2/b => a/b/2",
        "3*a/4 => 3*a/4",
        "a/2*||x||^2 => a*||x||^2/2",
        "1/a => 1/a",
        "a - 1/b => a - 1/b",
        "a/(b + c) => a/(b + c)",
        "(a/b)^2 => (a/b)^2",
        "a^-2 => a^(-2)",
        "2^-1 => 2^(-1)",
        "0.5 => 1/2",
        "-0.5*a => -a/2",
        // powers
        "(a + b)^2 => (a + b)^2",
        "a^2^3 => a^2^3",
        "(a^2)^3 => (a^2)^3",
        "-a^2 => -a^2",
        "(-a)^2 => (-a)^2",
        "a^(b + 1) => a^(b + 1)",
        "S^2*x => S^2*x",
        "||x - y||^2 => ||x - y||^2",
        "||x||_1^2 => ||x||_1^2",
        // transposes
        "x'*S*y => x'*S*y",
        "x^T*y => x'*y",
        "A'' => A''",
        "(A*x)' => (A*x)'",
        "(S + W)'*x => (S + W)'*x",
        "transpose(x') => x''",
        // indices
        "x_1 + x_2 => x_1 + x_2",
        "W_{1,2} => W_{1, 2}",
        "<W_1, x> => <W_1, x>",
        "(S*x)_{2} => (S*x)_{2}",
        "theta_t_1 => theta_t_1",
        "sum(i = 1..N-2, x_{i+2} - x_i) => sum(i = 1..N - 2, x_{i + 2} - x_i)",
        "sum(i = 1..n, sum(j = 1..n, W_{i,j}*x_j)) => sum(i = 1..n, sum(j = 1..n, W_{i, j}*x_j))",
        "sum(j = 1..n, x_j*[j = 1]) => sum(j = 1..n, x_j*[j = 1])",
        // everything else
        "cases(a if a > 0, 0 if -1 <= a <= 0, -a otherwise) => cases(a if a > 0, 0 if -1 <= a <= 0, -a otherwise)",
        "E[a*b] + Var[<x, y>] => E[a*b] + Var[<x, y>]",
        "rho(a) + rho'(2*a) => rho(a) + rho'(2*a)",
        "|a| + abs(b) => abs(a) + abs(b)",
        "inv(S + I)*x => inv(S + eye(n))*x",
        "max(x, 0) + softmax(y) => max(x, 0) + softmax(y)",
        "sum(x) + trace(S) + min(x) => sum(x) + trace(S) + min(x)",
        "||A||_F + ||x||_inf + pi => ||A||_F + ||x||_inf + pi",
        "grad(L, x) + x => grad(L, x) + x",
        "x*y'*S => x*y'*S",
    })
    void handPickedExpressionPrintsReadablyAndReadsBackTheSame(String text, String printed) {
        assertEquals(printed, roundTrip(text));
    }

    @Test void randomWellShapedExpressionsReadBackStructurallyEqual() {
        int checked = 0;
        for (long seed = 1; seed <= 600; seed++) {
            ExprGenerator g = new ExprGenerator(seed);
            Expr e = g.gen(g.anyShape(), 4);
            String printed = TextPrinter.print(e);
            Expr back = reparse(printed);
            long s = seed;
            assertEquals(e, back, () -> "seed " + s + ": printed as " + printed + "\n  read back as " + TextPrinter.print(back));
            checked++;
        }
        assertEquals(600, checked);
    }

    @Test void printingIsIdempotentOnWhatItPrinted() {
        for (long seed = 1000; seed < 1200; seed++) {
            ExprGenerator g = new ExprGenerator(seed);
            String once = TextPrinter.print(g.gen(g.anyShape(), 3));
            assertEquals(once, TextPrinter.print(reparse(once)));
        }
    }

    @Test void exprsBuiltTermsPrintLikeTheirSpecSpelling() {
        var a = Specs.scalar("a");
        var b = Specs.scalar("b");
        assertEquals("a - b", TextPrinter.print(Exprs.sub(a, b)));
        assertEquals("a/b", TextPrinter.print(Exprs.div(a, b)));
        assertEquals("a^2", TextPrinter.print(Exprs.sq(a)));
        assertEquals("-a/2", TextPrinter.print(Exprs.mul(Num.of(-1, 2), a)));
        assertEquals("1/a^2", TextPrinter.print(Exprs.mul(Num.ONE, new Pow(Exprs.sq(a), Num.MINUS_ONE, Pos.NONE))));
    }

    @Test void relationChainsPrintWithEveryOperator() {
        Problem p = Specs.parse(Specs.DECLS + "  assume -1 <= a < b, a != c, x >= 0\n");
        assertEquals("-1 <= a < b", TextPrinter.print(p.assumptions().subList(0, 2)));
        assertEquals("a != c", TextPrinter.print(p.assumptions().get(2)));
        assertEquals("x >= 0", TextPrinter.print(p.assumptions().get(3)));
    }
}
