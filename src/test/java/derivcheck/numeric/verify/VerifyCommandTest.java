package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import derivcheck.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `derivcheck verify`: exit 0 when nothing fails, 1 on a failed expect, 2 on a spec error; JSON per claim. */
class VerifyCommandTest {
    private static String run(int expectedExit, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute(args);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, code, out);
        return out;
    }

    @Test
    void aCorrectSpecExitsZeroAndItsJsonHasTheNumericFieldsPerClaim() throws Exception {
        String out = run(0, "verify", "--samples", "4", "--seed", "3", "--json", "problems/prox_weight_decay.prob");
        JsonNode claims = new ObjectMapper().readTree(out).get("problems").get(0).get("claims");
        JsonNode expect = claims.get(0);
        assertEquals("theta", expect.get("target").asText());
        assertTrue(expect.get("line").asInt() > 0);
        JsonNode n = expect.get("numeric");
        assertEquals("verified", n.get("verdict").asText());
        assertEquals(4, n.get("samples").asInt());
        assertEquals(3, n.get("seed").asLong());
        assertTrue(n.has("max_abs_error") && n.has("max_rel_error") && n.has("counterexample"));
        JsonNode mistake = claims.get(1);
        assertEquals("caught", mistake.get("outcome").asText());
        assertTrue(mistake.get("numeric").get("counterexample").get("values").has("theta_t"));
    }

    @Test
    void aWrongExpectExitsOneAndABadSpecExitsTwo(@TempDir Path dir) throws Exception {
        Path wrong = dir.resolve("wrong.prob");
        Files.writeString(wrong, """
                problem wrong
                  dim n
                  given a, b : vector[n]
                  show ||a + b||^2 = ||a||^2 + ||b||^2
                """);
        String text = run(1, "verify", "--samples", "3", wrong.toString());
        assertTrue(text.contains("failed") && text.contains("counterexample"), text);
        Path bad = dir.resolve("bad.prob");
        Files.writeString(bad, "problem bad\n  given a : vector[n]\n");
        run(2, "verify", bad.toString());
    }
}
