package derivcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Pos;
import derivcheck.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedProblemTest {
    private static final String RIGHT = "\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}";

    private static List<Checked> check(ProblemSet s, String text, String file, int line) {
        return s.check(text, new Pos(file, line, 3), new SourceText(file, "\n".repeat(line - 1) + "$$" + text + "$$"));
    }

    @Test void anIdenticalAnswerIsCheckedOnceAndGetsTheVerdictAtItsOwnPlace() {
        ProblemSet s = Prepared.set(Prepared.PROX);
        Checked first = check(s, RIGHT, "a.tex", 1).get(0);
        Checked again = check(s, RIGHT, "b.tex", 7).get(0);
        assertEquals(Checked.Status.CORRECT, first.status());
        assertFalse(first.reused());
        assertTrue(again.reused(), "the second identical answer reuses the verdict");
        assertEquals(first.status(), again.status());
        assertEquals("b.tex:7:3", again.pos().toString());
        assertEquals("b.tex:7:3", again.report().get().answer().pos().toString(), "Pos.equals ignores places, so compare the text");
        assertEquals(1, s.problems().get(0).distinctAnswers());
    }

    @Test void answersThatReadTheSameAreCheckedOnceWhateverTheirSpelling() {
        ProblemSet s = Prepared.set(Prepared.PROX);
        check(s, RIGHT, "a.tex", 1);
        Checked spaced = check(s, "\\theta^{t+1}  =  \\frac{ \\theta^t - \\varepsilon' \\tilde g^t }{ 1 + \\varepsilon' \\lambda }", "b.tex", 1).get(0);
        assertTrue(spaced.reused(), spaced.toString());
    }

    @Test void aLossNamedInOneAnswerIsNotKnownInTheNext() {
        ProblemSet s = Prepared.set(Prepared.PROX);
        assertTrue(check(s, "grad(L2, theta) = g", "a.txt", 1).get(0).status() != Checked.Status.UNREADABLE);
        Checked later = check(s, "theta = L2*g", "b.txt", 1).get(0);
        assertEquals(Checked.Status.UNREADABLE, later.status());
        assertTrue(later.message().contains("unknown name 'L2'"), later.message());
    }

    @Test void aWrongAnswerIsIncorrectWithTheSpecsFeedback() {
        ProblemSet s = Prepared.set(Prepared.PROX);
        Checked c = check(s, "\\theta^{t+1} = \\theta^t - \\varepsilon'(\\tilde g^t + \\lambda\\theta^t)", "a.tex", 1).get(0);
        assertEquals(Checked.Status.INCORRECT, c.status());
        assertTrue(c.report().get().diagnosis().orElse("").startsWith("That is the linearized SGD step"), c.toString());
    }

    @Test void textTooLongOrNestedTooDeepIsRefusedBeforeAnyParserWithItsPosition() {
        ProblemSet s = Prepared.set(Prepared.PROX);
        Checked longOne = check(s, "theta = g" + " + g".repeat(6000), "a.txt", 1).get(0);
        assertEquals(Checked.Status.UNREADABLE, longOne.status());
        assertTrue(longOne.message().contains("this answer is longer than " + derivcheck.limits.InputLimits.MAX_ANSWER_CHARS), longOne.message());
        Checked nested = check(s, "theta = " + "(".repeat(300) + "g" + ")".repeat(300), "b.txt", 4).get(0);
        assertEquals(Checked.Status.UNREADABLE, nested.status());
        assertTrue(nested.message().startsWith("b.txt:4:"), nested.message());
        assertTrue(nested.message().contains("nesting deeper than"), nested.message());
    }

    @Test void anAnswerOutOfTimeIsATimeoutNotAVerdict() {
        PreparedProblem tight = Prepared.of(Prepared.PROX, new EngineOptions(
                derivcheck.numeric.verify.VerifyOptions.defaults(), false, java.time.Duration.ofNanos(1)));
        Checked c = new ProblemSet(List.of(tight)).check(RIGHT, new Pos("a.tex", 1, 1), new SourceText("a.tex", RIGHT)).get(0);
        assertEquals(Checked.Status.TIMEOUT, c.status(), c.toString());
    }

    @Test void aReusedVerdictIsTheVerdictAFreshCheckGives(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        PreparedProblem p = Prepared.of(Prepared.PROX, false);
        new derivcheck.engine.cohort.CohortGenerator(List.of(p.problem()), List.of(p.spec())).write(dir, 40, 11, false);
        PreparedProblem.Worker reusing = p.worker(), fresh = Prepared.of(Prepared.PROX, false).worker();
        int compared = 0;
        for (var s : derivcheck.engine.cohort.Submission.scan(dir)) {
            for (var f : s.files()) {
                var read = derivcheck.engine.cohort.SubmissionText.read(f, f.getFileName().toString());
                SourceText src = new SourceText(f.toString(), read.text());
                for (var u : read.units()) {
                    var a = reusing.read(u.text(), u.pos(), src).get();
                    var b = fresh.readWithoutReuse(u.text(), u.pos(), src).get();
                    for (int k = 0; k < a.size(); k++) {
                        Checked x = reusing.check(a.get(k)), y = fresh.checkWithoutReuse(b.get(k));
                        assertEquals(y.status(), x.status(), u.text());
                        assertEquals(y.report().get().diagnosis(), x.report().get().diagnosis(), u.text());
                        assertEquals(y.pos().toString(), x.pos().toString());
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared >= 40, "compared " + compared);
        assertTrue(p.distinctAnswers() < compared, "some verdicts were reused");
    }
}
