package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.limits.InputLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12: one edited line, {@code dim n >= 1000000}, made derive run past 60 s with 3.2 GB (ridge_closed_form,
 * trust_region_box) or end in NegativeArraySizeException (linear_rnn_gradient: n*n overflowed an int). Now the
 * symbolic side runs, every numeric check is undecided naming the dimension's line, and the report stays small.
 * The timeout only guards against a hang.
 */
class HugeDimensionsTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @Timeout(300)
    @CsvSource(delimiter = '|', value = {
        "linear_rnn_gradient | '  dim p, T >= 1'  | '  dim p >= 1000000, T >= 1' | p",
        "ridge_closed_form   | '  dim n, d'       | '  dim n >= 1000000, d'      | n",
        "trust_region_box    | '  dim n'          | '  dim n >= 1000000'         | n"})
    void deriveWithAMillionAsALowerBoundIsUndecidedNumericallyWithTheLineAndPrintsLittle(String name, String line, String edited, String dim)
            throws Exception {
        String text = Files.readString(Path.of("problems/" + name + ".prob"));
        assertTrue(text.contains(line + "\n"), "the spec no longer has the line " + line);
        Path spec = Files.writeString(dir.resolve(name + ".prob"), text.replace(line + "\n", edited + "\n"));
        ParseCommandTest.Run r = ParseCommandTest.run("derive", "--samples", "2", spec.toString());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("numeric: undecided (dimension " + dim + " must be at least 1000000 (line 6), but the numeric check samples sizes up to "
                + InputLimits.MAX_SAMPLED_DIM + ")"), r.out());
        assertFalse(r.out().contains("FAILED"), r.out());
        assertFalse((r.out() + r.err()).contains("Exception"), r.out() + r.err());
        assertTrue(r.out().length() < 10_000, "the report is " + r.out().length() + " characters");
    }
}
