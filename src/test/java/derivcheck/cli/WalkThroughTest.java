package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The specs of docs/spec-language.md's "Write your first exercise", taken from the document as
 * they appear there, and the skeleton of `derivcheck new`: each parses, is derived, and every
 * expect is verified and every mistake caught.
 */
class WalkThroughTest {
    @TempDir Path dir;

    static List<String> walkThroughSpecs() throws Exception {
        String doc = Files.readString(Path.of("docs/spec-language.md"));
        int from = doc.indexOf("## Write your first exercise");
        assertTrue(from >= 0, "the walk-through section exists");
        int to = doc.indexOf("\n## ", from + 5);
        Matcher m = Pattern.compile("```prob\n(.*?)```", Pattern.DOTALL).matcher(doc.substring(from, to));
        List<String> specs = new ArrayList<>();
        while (m.find()) specs.add(m.group(1));
        return specs;
    }

    private void derivesAndPassesItsTests(Path spec) throws Exception {
        ParseCommandTest.Run d = ParseCommandTest.run("derive", "--json", "--samples", "8", spec.toString());
        assertEquals(ExitCode.OK, d.code(), spec + ": " + d.err() + d.out());
        JsonNode p = new ObjectMapper().readTree(d.out()).get("problems").get(0);
        assertEquals("derived", p.get("derivation").get("status").asText(), spec + ": " + p.get("derivation").get("notes"));
        assertTrue(p.get("expects").size() > 0, spec + " has expects");
        for (JsonNode e : p.get("expects")) assertEquals("verified", e.get("verdict").asText(), spec + ": " + e);
        ParseCommandTest.Run t = ParseCommandTest.run("test", spec.toString());
        assertEquals(ExitCode.OK, t.code(), spec + ": " + t.out() + t.err());
    }

    @Test void everySpecOfTheWalkThroughDerivesAndPassesItsTests() throws Exception {
        List<String> specs = walkThroughSpecs();
        assertTrue(specs.size() >= 5, "a gradient (three functions), a constrained step and a moment: " + specs.size());
        for (int k = 0; k < specs.size(); k++) {
            Path f = dir.resolve("walk" + k + ".prob");
            Files.writeString(f, specs.get(k));
            derivesAndPassesItsTests(f);
        }
    }

    @Test void theWalkThroughUsesTheNewFunctions() throws Exception {
        String all = String.join("\n", walkThroughSpecs());
        for (String f : List.of("cosh(", "softplus(", "Phi(", "normpdf(")) assertTrue(all.contains(f), f);
        assertTrue(all.contains("subject to") && all.contains("Var[y]"));
    }

    @Test void newWritesASkeletonThatDerivesAndRefusesToOverwrite() throws Exception {
        ParseCommandTest.Run r = ParseCommandTest.run("new", "--dir", dir.toString(), "my_exercise");
        assertEquals(ExitCode.OK, r.code(), r.err());
        Path f = dir.resolve("my_exercise.prob");
        assertTrue(Files.readString(f).contains("problem my_exercise"));
        assertEquals(ExitCode.OK, ParseCommandTest.run("parse", f.toString()).code());
        derivesAndPassesItsTests(f);
        ParseCommandTest.Run again = ParseCommandTest.run("new", "--dir", dir.toString(), "my_exercise");
        assertEquals(ExitCode.BAD_INPUT, again.code());
        assertTrue(again.err().contains("exists"), again.err());
        assertEquals(ExitCode.BAD_INPUT, ParseCommandTest.run("new", "--dir", dir.toString(), "no spaces").code());
    }
}
