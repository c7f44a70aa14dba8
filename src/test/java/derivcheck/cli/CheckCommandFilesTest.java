package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `check SPEC FILE` on whole solution files (defect 6 of issue 11): inline answers, unreadable files, errors in JSON. */
class CheckCommandFilesTest {
    static final String SPEC = "problems/adversarial_attack_box.prob";

    /** Seed 001, Assignment 4, line 91 byte for byte: the inline answer (the perturbation, not the image: incorrect). */
    @Test void anInlineAnswerInProseIsReadAndJudged(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("a.md"),
                "It decomposes into independent tasks for each  $\\tilde{x}_i$  with solution  $\\tilde{x}_i^* = -\\varepsilon \\operatorname{sign}(g_i)$ .\n");
        ParseCommandTest.Run r = ParseCommandTest.run("check", SPEC, f.toString(), "--no-symbolic");
        assertEquals(ExitCode.FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 answer(s): 0 correct, 1 incorrect"), r.out());
    }

    @Test void aFileInWhichNothingStatesAnAnswerIsUnreadableInputWithTheReason(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("b.md"), "We use that $x_i$ and $\\sigma^2$ are given.\n");
        ParseCommandTest.Run r = ParseCommandTest.run("check", SPEC, f.toString(), "--no-symbolic");
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("b.md:1:1: no answer found"), r.err());
    }

    @Test void jsonCarriesEveryReadErrorWithFileLineColumnAndMessage(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("c.md"), "$$\\tilde x = x - \\varepsilon \\operatorname{sign}(g)$$\n\n$$\\tilde x = x - \\gamma g$$\n");
        ParseCommandTest.Run r = ParseCommandTest.run("check", SPEC, f.toString(), "--json", "--no-symbolic");
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.out() + r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.get("answers").size());
        JsonNode e = root.get("errors").get(0);
        assertEquals(f.toString(), e.get("file").asText());
        assertEquals(3, e.get("line").asInt());
        assertEquals(18, e.get("col").asInt()); // $$\\tilde x = x - \\gamma: the \\gamma
        assertTrue(e.get("message").asText().contains("unknown symbol \\gamma"), e.toString());
    }

    @Test void anEmptyFileInJsonSaysWhyNothingWasChecked(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("d.md"), "no formulas here\n");
        ParseCommandTest.Run r = ParseCommandTest.run("check", SPEC, f.toString(), "--json", "--no-symbolic");
        assertEquals(ExitCode.BAD_INPUT, r.code());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(0, root.get("answers").size());
        assertTrue(root.get("errors").get(0).get("message").asText().startsWith("no answer found"));
    }

    /** Issue 11, defect 2 in text: the summary does not count a correct answer with wrong steps as plain "1 correct". */
    @Test void aWrongStepUnderACorrectAnswerIsCountedApartInTheTextSummaryAndExitsOne(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("t.md"), "Hence\n$$\\frac{dL}{da} = \\sum_{i=1}^{N-2} g_i x_i\n"
                + "= \\sum_{i=1}^{N-2} g_i (x_i + x_{i+2})$$\n");
        ParseCommandTest.Run r = ParseCommandTest.run("check", "problems/backprop_shifted_sum.prob", f.toString(), "--no-symbolic");
        assertEquals(ExitCode.FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("verdict:   correct (final answer correct, the steps 1 (line 2) and 2 (line 3) incorrect)"), r.out());
        assertTrue(r.out().contains("1 answer(s): 1 correct, 0 incorrect, 0 undecided; 1 answer(s) not incorrect but reached through an incorrect step"),
                r.out());
    }

    /** Issue 11, defect 2 in JSON: a correct final answer reached through a wrong step says both, and exit 1 means that. */
    @Test void aWrongStepUnderACorrectAnswerIsInTheJsonSummaryAndStepLines(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("e.md"), "Hence\n$$\\frac{dL}{da} = \\sum_{i=1}^{N-2} g_i x_i\n"
                + "= \\sum_{i=1}^{N-2} g_i (x_i + x_{i+2})$$\n");
        ParseCommandTest.Run r = ParseCommandTest.run("check", "problems/backprop_shifted_sum.prob", f.toString(), "--json", "--no-symbolic");
        assertEquals(ExitCode.FAILED, r.code(), r.out() + r.err());
        JsonNode a = new ObjectMapper().readTree(r.out()).get("answers").get(0);
        assertEquals("correct", a.get("verdict").asText(), a.toString());
        // a = b = c with a = c: a wrong b makes both steps wrong, each on its own line
        assertEquals("final answer correct, the steps 1 (line 2) and 2 (line 3) incorrect", a.get("summary").asText());
        assertEquals("[2,3]", a.get("incorrect_step_lines").toString());
        JsonNode steps = new ObjectMapper().readTree(r.out()).get("steps");
        assertEquals("incorrect", steps.get(0).get("verdict").asText());
        assertEquals("incorrect", steps.get(1).get("verdict").asText());
        assertEquals(2, steps.get(0).get("answer_line").asInt());
    }
}
