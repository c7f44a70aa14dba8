package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing to check is said, never "0 answer(s)" and exit 0: empty files and answers exit 2, empty displays are named. */
class EmptyInputTest {
    @TempDir Path dir;

    private ParseCommandTest.Run check(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "check"; all[1] = "--samples"; all[2] = "2"; all[3] = "problems/prox_weight_decay.prob";
        System.arraycopy(args, 0, all, 4, args.length);
        return ParseCommandTest.run(all);
    }

    @Test void anEmptyFileIsExit2AndSaysTheFileIsEmpty() throws Exception {
        Path f = Files.writeString(dir.resolve("empty.md"), "");
        ParseCommandTest.Run r = check(f.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("empty.md:1:1: no answer found: the file is empty"), r.err());
    }

    @Test void anEmptyAnswerIsExit2AndSaysSo() {
        ParseCommandTest.Run r = check("--answer", "  ");
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("<answer>:1:1: the answer is empty"), r.err());
    }

    @Test void aFileOfOnlyEmptyDisplaysIsExit2AndNamesEachOne() throws Exception {
        Path f = Files.writeString(dir.resolve("blank.md"), "Prose.\n\n$$ $$\n\\[\n\\]\n");
        ParseCommandTest.Run r = check(f.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("blank.md:3:1: note: empty display, skipped"), r.err());
        assertTrue(r.err().contains("blank.md:4:1: note: empty display, skipped"), r.err());
        assertTrue(r.err().contains("no answer found: its 2 display(s) are empty"), r.err());
    }

    @Test void anEmptyDisplayBesideAnAnswerIsNamedAndCountedButDoesNotChangeTheExitCode() throws Exception {
        Path f = Files.writeString(dir.resolve("one.md"), "$$ $$\n\n$$\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon' \\tilde g^t}{1 + \\varepsilon' \\lambda}$$\n");
        ParseCommandTest.Run r = check(f.toString());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("one.md:1:1: note: empty display, skipped"), r.err());
        assertTrue(r.out().contains("1 answer(s): 1 correct, 0 incorrect, 0 undecided; 1 empty display(s) skipped"), r.out());
    }

    @Test void gradeSaysWhyAFileHoldsNoAnswer() throws Exception {
        Path subs = Files.createDirectory(dir.resolve("subs"));
        Files.writeString(subs.resolve("alice.md"), "");
        Files.writeString(subs.resolve("carol.md"), "$$ $$\n");
        Path csv = dir.resolve("g.csv");
        ParseCommandTest.Run r = ParseCommandTest.run("grade", "--no-progress", "problems/prox_weight_decay.prob", subs.toString(),
                "--csv", csv.toString());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        String rows = Files.readString(csv);
        assertTrue(rows.contains("alice,alice.md,1,,,unreadable,,no answer found: the file is empty"), rows);
        assertTrue(rows.contains("carol,carol.md,1,,,unreadable,,no answer found: its 1 display(s) are empty"), rows);
    }

    @Test void gradeNamesAnEmptyDisplayBesideAnAnswerInTheSummaryJsonAndGradescope() throws Exception {
        Path subs = Files.createDirectory(dir.resolve("subs2"));
        Files.writeString(subs.resolve("bob.md"), "$$ $$\n\n$$\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon' \\tilde g^t}{1 + \\varepsilon' \\lambda}$$\n\n\\[\n\\]\n");
        Path json = dir.resolve("g.json");
        Path gs = dir.resolve("gs");
        ParseCommandTest.Run r = ParseCommandTest.run("grade", "--no-progress", "problems/prox_weight_decay.prob", subs.toString(),
                "--json", json.toString(), "--gradescope", gs.toString());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("2 empty display(s) skipped: bob.md:1:1, bob.md:5:1"), r.out());
        var root = derivcheck.render.ProblemJson.MAPPER.readTree(json.toFile());
        assertEquals(2, root.get("empty_displays").size(), root.toString());
        assertEquals("bob.md", root.get("empty_displays").get(1).get("file").asText());
        assertEquals(5, root.get("empty_displays").get(1).get("line").asInt());
        assertEquals("correct", root.get("answers").get(0).get("verdict").asText(), root.toString());
        String results = Files.readString(gs.resolve("bob").resolve("results.json"));
        assertTrue(results.contains("bob.md:1:1: empty display, skipped"), results);
    }
}
