package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answers with integer and negative exponents against a spec's definition (issue 11, item 14, for the
 * problem's own samples): (-1)^k with k a dimension (an integer by construction), x^(-2) of a real x of either
 * sign, and (x^b)^c against x^(b*c) with x, b, c real: the sampler draws integers and half-integers for b and c
 * (they are in an exponent of the spec), so x = -2, b = 2, c = 1/2 style points are met, where (x^b)^c = |x|
 * and x^(b*c) is undefined or differs. Expected verdicts decided by reading the math.
 */
class PowerAnswersTest {
    @TempDir Path dir;

    private static final String SIGNS = "problem signs\n  dim k\n  given x : real\n  let y = (-1)^k * x^(-2)\n  find y\n";
    private static final String POWPOW = "problem powpow\n  given x, b, c : real\n  let y = (x^b)^c\n  find y\n";

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "SIGNS  | y = (-1)^k / x^2            | correct",
        "SIGNS  | y = (-1)^(k+2) * x^(-2)     | correct",
        "SIGNS  | y = (-1)^k * x^(-3) * x     | correct",
        "SIGNS  | y = -(-1)^k / x^2           | incorrect",
        "SIGNS  | y = (-1)^(k+1) / x^2        | incorrect",
        "SIGNS  | y = 1/x^2                   | incorrect",
        "POWPOW | y = (x^b)^c                 | correct",
        "POWPOW | y = x^(b*c)                 | incorrect",
        "POWPOW | y = (x^c)^b                 | incorrect"})
    void aPowerAnswerGetsTheVerdictTheMathGives(String spec, String answer, String verdict) throws Exception {
        Path f = Files.writeString(dir.resolve(spec.toLowerCase() + ".prob"), spec.equals("SIGNS") ? SIGNS : POWPOW);
        ParseCommandTest.Run r = ParseCommandTest.run("check", "--samples", "12", f.toString(), "--answer", answer);
        assertTrue(r.out().contains("verdict:   " + verdict), r.out() + r.err());
        assertEquals(verdict.equals("correct") ? ExitCode.OK : ExitCode.FAILED, r.code(), r.out() + r.err());
    }
}
