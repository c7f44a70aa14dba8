package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check on the prepared-problem engine keeps its output and exit codes. */
class CheckCommandTest {
    private static final String SPEC = "problems/prox_weight_decay.prob";

    @Test void aRightAnswerIsCorrectAndExitsZero() {
        ParseCommandTest.Run r = ParseCommandTest.run("check", SPEC, "--no-symbolic", "--answer", "theta = (theta_t - eps*g)/(1 + eps*lambda)");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("  verdict:   correct"), r.out());
        assertTrue(r.out().endsWith("1 answer(s): 1 correct, 0 incorrect, 0 undecided\n"), r.out());
    }

    @Test void aWrongAnswerInASolutionIsIncorrectInJsonAndExitsOne(@TempDir Path tmp) throws Exception {
        Path sol = tmp.resolve("s.md");
        Files.writeString(sol, "$$\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 - \\varepsilon'\\lambda}$$\n"
                + "$$\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 - \\varepsilon'\\lambda}$$\n");
        ParseCommandTest.Run r = ParseCommandTest.run("check", SPEC, sol.toString(), "--json", "--no-symbolic");
        assertEquals(ExitCode.FAILED, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2, j.get("answers").size());
        for (JsonNode a : j.get("answers")) {
            assertEquals("incorrect", a.get("verdict").asText());
            assertTrue(a.get("diagnosis").asText().startsWith("Sign error"), a.toString());
        }
        assertEquals(2, j.get("answers").get(1).get("line").asInt(), "the reused verdict keeps its own line");
    }

    @Test void anUnreadableAnswerExitsTwoWithItsCaret() {
        ParseCommandTest.Run r = ParseCommandTest.run("check", SPEC, "--answer", "theta = eta*g");
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().contains("<answer>:1:9: unknown name 'eta'"), r.err());
        assertTrue(r.err().contains("^"), r.err());
    }

    @Test void anAnswerOutOfTimeSaysSoAndIsNotBadInput() {
        ParseCommandTest.Run r = ParseCommandTest.run("check", SPEC, "--no-symbolic", "--time-limit", "0.000000001",
                "--answer", "theta = (theta_t - eps*g)/(1 + eps*lambda)");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("<answer>:1: theta = (theta_t - eps*g)/(1 + eps*lambda)\n  verdict:   timeout ("), r.out());
        assertTrue(r.out().contains("time limit of"), r.out());
        assertTrue(r.out().contains("1 out of time"), r.out());
    }
}
