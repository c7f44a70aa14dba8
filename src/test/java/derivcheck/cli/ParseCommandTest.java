package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse command, run in-process with stdout and stderr captured. */
class ParseCommandTest {
    record Run(int code, String out, String err) {}

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Path resource(String name) throws Exception {
        return Path.of(ParseCommandTest.class.getResource("/specs/" + name).toURI());
    }

    @Test void goodSpecExitsZeroAndPrintsTheNormalizedSpec() throws Exception {
        Run r = run("parse", resource("good/ridge.prob").toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("problem ridge"), r.out());
        assertTrue(r.out().contains("expect w = inv(X'*X + 2*lambda*n*eye(d))*X'*t    # vector[d]"), r.out());
        assertTrue(r.err().contains("1 of 1 spec(s) read without errors"), r.err());
    }

    @Test void badSpecExitsTwoWithTheLocatedMessageCaretAndNoStackTrace() throws Exception {
        Path bad = resource("bad/innerProductOfVectorsOfDifferentSizesIsRejectedAtTheOpeningBracket.prob");
        Run r = run("parse", bad.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith(bad + ":6:12: <a, b> needs two vectors of one size"), r.err());
        assertTrue(r.err().contains("      minimize <x, y>\n               ^~~~~~\n"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @Test void jsonOutputIsValidJsonWithTheProblemFields() throws Exception {
        Run r = run("parse", "--json", resource("good/prox.prob").toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode p = root.get("problems").get(0);
        assertEquals("prox_demo", p.get("name").asText());
        assertEquals("Proximal step with weight decay", p.get("title").asText());
        assertEquals("001 Assignment 3b", p.get("source").asText());
        assertEquals("n", p.get("dims").get(0).get("name").asText());
        JsonNode g = p.get("symbols").get(0);
        assertEquals("g", g.get("name").asText());
        assertEquals("given", g.get("kind").asText());
        assertEquals("vector[n]", g.get("shape").asText());
        assertEquals("\\tilde g^t", g.get("latex").asText());
        assertEquals("minimize", p.get("objective").get("sense").asText());
        assertTrue(p.get("objective").get("text").asText().startsWith("<g, theta - theta_t>"));
        assertEquals(2, p.get("assumptions").size());
        assertEquals("vector[n]", p.get("expects").get(0).get("shape").asText());
        assertEquals(13, p.get("expects").get(0).get("line").asInt());
        assertEquals(0, root.get("errors").size());
    }

    @Test void jsonOutputOfABadSpecListsItsErrorsWithFileLineColumnAndMessage() throws Exception {
        Path bad = resource("bad/vectorOfSizeZeroIsRejectedAtTheSize.prob");
        Run r = run("parse", "--json", bad.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        JsonNode e = new ObjectMapper().readTree(r.out()).get("errors").get(0);
        assertEquals(bad.toString(), e.get("file").asText());
        assertEquals(3, e.get("line").asInt());
        assertEquals(20, e.get("col").asInt());
        assertTrue(e.get("message").asText().startsWith("a size must be at least 1"));
        assertEquals(0, new ObjectMapper().readTree(r.out()).get("problems").size());
    }

    @Test void missingFileExitsTwoWithAClearMessage() {
        Run r = run("parse", "/no/such/dir/spec.prob");
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().contains("/no/such/dir/spec.prob: no such file or directory"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test void directoryIsReadRecursivelyAndOnlyItsSpecFilesAreTaken() throws Exception {
        Run r = run("parse", resource("good").toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("problem everything"), "the spec in good/nested/ is read");
        assertTrue(r.out().contains("problem bp"));
        assertTrue(r.err().contains("4 of 4 spec(s) read without errors"), r.err());
    }

    @Test void oneBadSpecAmongGoodOnesExitsTwoButTheGoodOnesAreStillPrinted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.prob"), "problem a\n  given x : real\n  minimize x^2\n");
        Files.writeString(dir.resolve("b.prob"), "problem b\n  minimize y\n");
        Files.writeString(dir.resolve("notes.txt"), "not a spec");
        Run r = run("parse", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.out().contains("problem a"));
        assertTrue(r.err().contains(dir.resolve("b.prob") + ":2:12: unknown name 'y'"), r.err());
        assertTrue(r.err().contains("1 of 2 spec(s) read without errors"), r.err());
    }

    @Test void everyBadSpecInTheDirectoryIsReported() throws Exception {
        Run r = run("parse", resource("bad").toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        long files = Files.list(resource("bad")).count();
        assertTrue(r.err().contains("0 of " + files + " spec(s) read without errors"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test void unknownOptionIsBadInput() {
        assertEquals(ExitCode.BAD_INPUT, run("parse", "--frobnicate", "x.prob").code());
    }

    @Test void noFileArgumentIsBadInput() {
        assertEquals(ExitCode.BAD_INPUT, run("parse").code());
    }
}
