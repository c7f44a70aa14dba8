package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step that has an explanation but no formula (the KKT analysis's convexity argument, an
 * impossible case) prints as a paragraph with its rule name, not as an empty formula line
 * {@code &\text{(convexity)}} inside the alignment.
 */
class StepsWithoutFormulasOnTheSheetTest {
    @TempDir Path dir;

    @Test void theKktConvexityStepIsAParagraphNotAnEmptyFormulaLine() throws Exception {
        Path out = dir.resolve("kkt.tex");
        ParseCommandTest.Run r = ParseCommandTest.run("sheet", "--no-numeric",
                "src/test/resources/derive/kkt/projection_halfspace.prob", "src/test/resources/derive/kkt/slab_projection.prob",
                "-o", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        String tex = Files.readString(out);
        assertFalse(tex.contains("&\\text{("), "an empty formula line:\n" + tex);
        // the convexity argument is still there, with its rule name, outside any alignment
        Matcher m = Pattern.compile("(?m)^\\{\\\\small\\\\textit\\{The Hessian .*\\}\\\\hfill\\\\textsf\\{convexity\\}\\}\\\\par$").matcher(tex);
        assertTrue(m.find(), tex);
        // every alignment that was opened is closed, and none is empty
        assertEquals(count(tex, "\\begin{align*}"), count(tex, "\\end{align*}"));
        assertFalse(tex.contains("\\begin{align*}\n\\end{align*}"));
    }

    private static int count(String s, String what) { return s.split(Pattern.quote(what), -1).length - 1; }
}
