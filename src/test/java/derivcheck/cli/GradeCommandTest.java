package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grade command in-process on a handful of students. */
class GradeCommandTest {
    private static final String SPEC = "problems/prox_weight_decay.prob";
    @TempDir Path tmp;

    private Path submissions() throws Exception {
        Path s = tmp.resolve("subs");
        Files.createDirectories(s.resolve("dora"));
        Files.writeString(s.resolve("ann.tex"), "$$\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}$$\n");
        Files.writeString(s.resolve("bob.md"), "Answer:\n\n$$\\theta^{t+1} = \\theta^t - \\varepsilon'(\\tilde g^t + \\lambda\\theta^t)$$\n");
        Files.writeString(s.resolve("cy.txt"), "theta = (theta_t - eps*g)/(1 + eps*lambda\n");
        Files.writeString(s.resolve("dora/1.txt"), "theta = theta_t\n");
        Files.writeString(s.resolve("dora/2.txt"), "theta = (theta_t - eps*g)/(1 + eps*lambda)\n");
        return s;
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + ":" + (Files.isRegularFile(p) ? p.toFile().length() + ":" + p.toFile().lastModified() : "")).sorted().toList();
        }
    }

    @Test void gradesEveryStudentAndWritesTheReports() throws Exception {
        Path subs = submissions();
        List<String> before = listing(subs);
        Path csv = tmp.resolve("out/grades.csv"), json = tmp.resolve("out/grades.json"), gs = tmp.resolve("gs");
        ParseCommandTest.Run r = ParseCommandTest.run("grade", SPEC, subs.toString(), "--no-symbolic", "--jobs", "2",
                "--csv", csv.toString(), "--json", json.toString(), "--gradescope", gs.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("prox_weight_decay"), r.out());
        assertTrue(r.out().contains("That is the linearized SGD step"), "the spec's mistake feedback is in the summary: " + r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("student,file,line,problem,target,verdict,first_false_step,diagnosis,feedback,score", lines.get(0));
        assertTrue(lines.contains("ann,ann.tex,1,prox_weight_decay,theta,correct,,,,1"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("bob,bob.md,3,prox_weight_decay,theta,incorrect,")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("cy,cy.txt,1,,,unreadable,")), lines.toString());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, j.get("students").asInt());
        assertEquals(5, j.get("answers").size());
        JsonNode dora = new ObjectMapper().readTree(gs.resolve("dora/results.json").toFile());
        assertEquals(1.0, dora.get("score").asDouble(), "the last answer counts: " + dora);
        assertEquals(0.0, new ObjectMapper().readTree(gs.resolve("bob/results.json").toFile()).get("score").asDouble());
        assertEquals(before, listing(subs), "the submissions folder is never written to");
        assertFalse(r.err().contains("grading ["), "no progress bar when the output is not a terminal: " + r.err());
    }

    @Test void anExistingReportIsNotOverwrittenWithoutForce() throws Exception {
        Path subs = submissions();
        Path csv = tmp.resolve("grades.csv");
        Files.writeString(csv, "keep me");
        ParseCommandTest.Run r = ParseCommandTest.run("grade", SPEC, subs.toString(), "--no-symbolic", "--csv", csv.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().contains("exists; give --force"), r.err());
        assertEquals("keep me", Files.readString(csv));
        ParseCommandTest.Run forced = ParseCommandTest.run("grade", SPEC, subs.toString(), "--no-symbolic", "--csv", csv.toString(), "--force");
        assertEquals(ExitCode.OK, forced.code(), forced.err());
        assertTrue(Files.readString(csv).startsWith("student,"));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left behind");
        }
    }

    @Test void noReportIsWrittenInsideTheSubmissionsFolder() throws Exception {
        Path subs = submissions();
        ParseCommandTest.Run r = ParseCommandTest.run("grade", SPEC, subs.toString(), "--csv", subs.resolve("grades.csv").toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().contains("inside the submissions folder"), r.err());
        assertFalse(Files.exists(subs.resolve("grades.csv")));
    }

    @Test void helpTeachesWithExamplesAndTheColumns() {
        ParseCommandTest.Run r = ParseCommandTest.run("grade", "--help");
        assertEquals(ExitCode.OK, r.code());
        assertTrue(r.out().contains("Examples:") && r.out().contains("--gradescope") && r.out().contains("first_false_step"), r.out());
    }

    @Test void aMissingFolderOrANonSpecIsBadInput() throws Exception {
        assertEquals(ExitCode.BAD_INPUT, ParseCommandTest.run("grade", SPEC, tmp.resolve("none").toString()).code());
        Path subs = submissions();
        ParseCommandTest.Run r = ParseCommandTest.run("grade", "notes.txt", subs.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().contains("not a spec"), r.err());
    }

    @Test void scoresComeFromThePointsOfTheSpecsFinds() throws Exception {
        Path spec = tmp.resolve("p.prob");
        String text = Files.readString(Path.of(SPEC));
        String withPoints = text.replace("find theta : vector[n]         latex \"\\theta^{t+1}\"",
                "find theta : vector[n]         latex \"\\theta^{t+1}\" points 2.5");
        assertTrue(!withPoints.equals(text), "the find line of the spec changed; update this test");
        Files.writeString(spec, withPoints);
        Path subs = submissions(), gs = tmp.resolve("gs"), csv = tmp.resolve("g.csv");
        ParseCommandTest.Run r = ParseCommandTest.run("grade", spec.toString(), subs.toString(), "--no-symbolic",
                "--gradescope", gs.toString(), "--csv", csv.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        JsonNode ann = new ObjectMapper().readTree(gs.resolve("ann/results.json").toFile());
        assertEquals(2.5, ann.get("score").asDouble(), ann.toString());
        assertEquals(2.5, ann.get("tests").get(0).get("max_score").asDouble());
        assertTrue(Files.readAllLines(csv).contains("ann,ann.tex,1,prox_weight_decay,theta,correct,,,,2.5"));
        JsonNode cy = new ObjectMapper().readTree(gs.resolve("cy/results.json").toFile());
        assertEquals(0.0, cy.get("score").asDouble());
        assertTrue(cy.get("output").asText().startsWith("Not read:\ncy.txt:1: unreadable"), cy.toString());
    }
}
