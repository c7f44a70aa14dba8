package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hints for mistaken forms reach the command line as file:line:col, the line and a caret, exit code 2. */
class MistakenFormsCommandTest {
    @Test void parseOfAGradientAskedInWordsExitsTwoWithTheHintAndTheCaret(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("g.prob"), """
                problem g
                  dim n
                  given x : vector[n]
                  given y : real
                  find gradient of log(1 + exp(-y*w'*x)) wrt w : vector[n]
                """);
        ParseCommandTest.Run r = ParseCommandTest.run("parse", f.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith(f + ":5:17: unexpected 'of'; a gradient is asked of a named scalar"), r.err());
        assertTrue(r.err().contains("'find grad(L, w)'"), r.err());
        assertTrue(r.err().contains("      find gradient of log(1 + exp(-y*w'*x)) wrt w : vector[n]\n                    ^~\n"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test void deriveOfALawWithoutAShapeExitsTwoWithTheIidForm(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("r.prob"), """
                problem r
                  given x : real
                  given p : real where p > 0, p < 1
                  random m : bernoulli(p)
                  let h = m*x/p
                  find Var[h]
                """);
        ParseCommandTest.Run r = ParseCommandTest.run("derive", f.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(f + ":4:14: unexpected 'bernoulli'; a random variable is declared with its shape, then its law: "
                + "'random m : real bernoulli(p)', or 'random m : vector[n] iid bernoulli(p)'"), r.err());
        assertTrue(r.err().contains("      random m : bernoulli(p)\n                 ^~~~~~~~~\n"), r.err());
    }

    @Test void checkOfAGreekLetterTheSpecSpellsShortSaysWhichLatexToAdd(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("ridge.prob"), """
                problem ridge_shifted_centre
                  title "Ridge towards a shifted centre"
                  dim m, n
                  given X : matrix[m, n]
                  given y : vector[m]
                  given w0 : vector[n]
                  given lam : real where lam > 0
                  find w : vector[n]
                  minimize 1/2*||X*w - y||^2 + lam/2*||w - w0||^2
                """);
        ParseCommandTest.Run r = ParseCommandTest.run("check", f.toString(), "--no-symbolic", "--answer",
                "w = \\left(X^T X + \\lambda I\\right)^{-1}\\left(X^T y + \\lambda w_0\\right)");
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("<answer>:1:19: unknown symbol \\lambda; the spec has lam: add latex \"\\lambda\" to its given\n"), r.err());
        assertTrue(r.err().contains("    w = \\left(X^T X + \\lambda I\\right)^{-1}\\left(X^T y + \\lambda w_0\\right)\n"
                + "                      ^~~~~~~\n"), r.err());
    }
}
