package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options a course uses to hand out a sheet: {@code --problems} by name or glob, the exercise
 * sheet, the answer key (results only) and one file per problem.
 */
class SheetSelectionAndModesTest {
    @TempDir Path dir;

    private static List<String> problemsIn(String tex) {
        Matcher m = Pattern.compile("(?m)^% problem: (\\S+) ").matcher(tex);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test void problemsByNameAndGlobSelectExactlyThoseProblems() throws Exception {
        Path out = dir.resolve("ex.tex");
        ParseCommandTest.Run r = ParseCommandTest.run("sheet", "--exercises", "--problems", "prox_weight_decay*,ridge_closed_form",
                "problems", "-o", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        String tex = Files.readString(out);
        assertEquals(List.of("prox_weight_decay", "prox_weight_decay_sgd_match", "prox_weight_decay_unhalved", "ridge_closed_form"),
                problemsIn(tex));
        // the exercise sheet: statements, no solutions and no verification lines
        assertEquals(4, tex.split("\\\\subsection\\*\\{Problem\\}", -1).length - 1);
        assertFalse(tex.contains("\\subsection*{Solution}") || tex.contains("numeric check") || tex.contains("\\boxed"), tex);
    }

    @Test void aSelectionThatMatchesNothingWritesNothingAndSaysSo() {
        Path out = dir.resolve("none.tex");
        ParseCommandTest.Run r = ParseCommandTest.run("sheet", "--exercises", "--problems", "no_such_*", "problems", "-o", out.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().contains("no problem matches --problems no_such_*"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test void theAnswerKeyPerProblemIsOneFileOfResultsForEachProblem() throws Exception {
        Path out = dir.resolve("key.tex");
        ParseCommandTest.Run r = ParseCommandTest.run("sheet", "--answer-key", "--no-numeric", "--per-problem",
                "--problems", "trust_region_*", "problems", "-o", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertFalse(Files.exists(out), "one file per problem, no combined sheet");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".tex")).sorted().toList();
        }
        assertEquals(List.of(dir.resolve("key-trust_region_box.tex"), dir.resolve("key-trust_region_l2.tex")), files);
        for (Path f : files) {
            String tex = Files.readString(f);
            assertEquals(1, problemsIn(tex).size(), tex);
            // results only: boxed, without the statement or the derivation
            String body = tex.substring(tex.indexOf("\\begin{document}"));
            assertTrue(body.contains("\\boxed{"), body);
            assertFalse(body.contains("\\subsection*{Problem}") || body.contains("\\begin{align*}") || body.contains("\\rulename"), body);
            assertFalse(body.contains("\\maketitle") || body.contains("\\begin{longtable}"), "a page of its own has no title block or overview");
        }
    }
}
