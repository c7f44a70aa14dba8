package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A note of the reader (text after the formula read as prose) is printed by check, and carried in its JSON. */
class CheckNotesTest {
    private static final String ANSWER = "\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon' \\tilde g^t}{1 + \\varepsilon' \\lambda} \\text{ for all } i";

    @Test void checkPrintsTheProseNoteUnderReadAs() {
        ParseCommandTest.Run r = ParseCommandTest.run("check", "--samples", "2", "problems/prox_weight_decay.prob", "--answer", ANSWER);
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("  note:      the text 'for all i' after the formula is read as prose, not as part of the answer"), r.out());
    }

    @Test void checkJsonCarriesTheNotesOfEachAnswer() throws Exception {
        ParseCommandTest.Run r = ParseCommandTest.run("check", "--samples", "2", "--json", "problems/prox_weight_decay.prob", "--answer", ANSWER);
        var root = derivcheck.render.ProblemJson.MAPPER.readTree(r.out());
        assertEquals("the text 'for all i' after the formula is read as prose, not as part of the answer",
                root.get("answers").get(0).get("notes").get(0).asText(), r.out());
    }
}
