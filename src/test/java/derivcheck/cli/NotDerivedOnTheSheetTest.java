package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.render.SheetWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A declined and an undecided problem (next to a derived one) on the generated student sheet: the statement and a neutral
 * line, never the strategies' reasons or CAS text, and no size limit that exists only for the check;
 * the reasons go to the terminal and to --report.
 */
class NotDerivedOnTheSheetTest {
    @TempDir static Path dir;
    static String tex, report, terminal;

    // derived (the Isserlis moments); the sizes are limited only to make the check feasible, and stay off the page
    private static final String GAUSSIAN = """
            problem gaussian_quadratic_form
              title "Mean and variance of ||Ax||^2 for a standard Gaussian x"
              dim m <= 3
              dim n <= 3
              assume m <= 3
              given A : matrix[m, n]
              random x : vector[n] iid normal(0, 1)
              let q = ||A*x||^2
              find E[q], Var[q]
              expect E[q] = trace(A'*A)
            """;

    @BeforeAll static void writeTheSheet() throws Exception {
        Path spec = dir.resolve("gaussian.prob");
        Files.writeString(spec, GAUSSIAN);
        Path out = dir.resolve("s.tex"), rep = dir.resolve("report.txt");
        ParseCommandTest.Run r = ParseCommandTest.run("sheet", "--samples", "4", spec.toString(),
                "src/test/resources/derive/scalar/abs_condition_two_sided.prob",
                "src/test/resources/derive/kkt/ball_and_box.prob", "-o", out.toString(), "--report", rep.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        tex = Files.readString(out);
        report = Files.readString(rep);
        terminal = r.err();
    }

    /** The page without the .tex comments (which carry the status for whoever reads the source). */
    private static String page() { return tex.replaceAll("(?m)^%.*$", ""); }

    @Test void bothProblemsHaveTheirStatementAndTheNeutralLine() {
        assertEquals(2, page().split(java.util.regex.Pattern.quote(SheetWriter.NOT_WORKED), -1).length - 1, page());
        assertTrue(page().contains("Find $\\mathbb{E}[q]$ and $\\operatorname{Var}[q]$."), page());
        assertTrue(page().contains("An absolute value greater than a radius"), page());
        assertTrue(page().contains("\\|x\\| &\\le r"), page());
    }

    @Test void noReasonOrCasTextReachesThePage() {
        for (String internal : List.of("declined", "undecided", "strateg", "circle", "union of", "no objective", "applies",
                "lhs", "rhs", "stationarity", "?")) {
            assertFalse(page().contains(internal), internal + " on the page:\n" + page());
        }
        assertEquals(List.of(), SheetOfProblemsTest.asciiOnThePage(tex));
    }

    @Test void sizeLimitsForTheCheckAreNotInTheStatement() {
        assertFalse(page().contains("m \\le 3") || page().contains("n \\le 3") || page().contains("Assume"), page());
    }

    @Test void theReasonsGoToTheTerminalAndTheReport() {
        for (String where : List.of(terminal, report)) {
            assertTrue(where.contains("abs_condition_two_sided: declined") || where.contains("declined: "), where);
            assertTrue(where.contains("union of 2 intervals, x < c - r or x > c + r"), where);
            assertTrue(where.contains("the constraint is not one Euclidean ball"), where);
        }
    }
}
