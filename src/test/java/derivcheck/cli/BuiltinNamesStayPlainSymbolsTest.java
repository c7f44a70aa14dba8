package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec names that are also Symja built-ins or constants (e, i, pi, I, E, D, N, Pause) stay plain real symbols
 * through every tier: a rearranged answer is proved equal symbolically, and an answer that puts Euler's
 * number, pi or the imaginary unit where the spec's symbol stands is incorrect with a counterexample.
 */
class BuiltinNamesStayPlainSymbolsTest {
    @TempDir static Path dir;
    static Path spec;

    @BeforeAll static void write() throws Exception {
        spec = Files.writeString(dir.resolve("names.prob"), """
                problem builtin_names
                  given e : real
                  given i : real
                  given pi : real
                  given I : real
                  given E : real
                  given D : real
                  given N : real
                  given Pause : real
                  let y = e*i + pi*I + E*D + N*Pause
                  find y
                  expect y = e*i + pi*I + E*D + N*Pause
                """);
    }

    private static ParseCommandTest.Run check(String answer) {
        return ParseCommandTest.run("check", "--prove", "--samples", "4", spec.toString(), "--answer", answer);
    }

    @Test void aRearrangedAnswerIsProvedEqualByTheSymbolicTier() {
        ParseCommandTest.Run r = check("y = Pause*N + D*E + I*pi + i*e");
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("verdict:   correct") && r.out().contains("symbolic:  proved"), r.out());
    }

    @Test void theSameAnswerInLatexWithTheSheetsUprightWordIsCorrect() {
        // the sheet prints a word name as \mathrm{Pause}; \pi is the spec's pi, e its e
        ParseCommandTest.Run r = check("y = e i + \\pi I + E D + N \\mathrm{Pause}");
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("read as:   y = e*i + pi*I + E*D + N*Pause"), r.out());
        assertTrue(r.out().contains("N \\mathrm{Pause}"), "the echo keeps the word: " + r.out());
    }

    @Test void theConstantsInPlaceOfTheSymbolsAreIncorrect() {
        for (String wrong : new String[] {"y = e*i + 3.141592653589793*I + E*D + N*Pause",
                "y = 2.718281828459045*i + pi*I + E*D + N*Pause",
                "y = e*i + pi*I + E*D + N*Pause + I*I + 1"}) {
            ParseCommandTest.Run r = check(wrong);
            assertEquals(ExitCode.FAILED, r.code(), wrong + "\n" + r.out() + r.err());
            assertTrue(r.out().contains("verdict:   incorrect") && r.out().contains("counterexample"), r.out());
        }
    }

    @Test void aMisspelledUprightWordAfterTheFormulaIsRefusedNotDroppedAsProse() {
        // read as prose it would vanish, and y = ... + N would be judged: a verdict on what was not written
        ParseCommandTest.Run r = check("y = e i + \\pi I + E D + N \\mathrm{Paus}");
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("<answer>:1:27: text 'Paus' inside a formula names no quantity of the spec"), r.err());
    }
}
