package derivcheck.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Pos;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An unknown Greek letter in an answer names the spec quantity it stands for and the latex to add. */
class LatexNameHintsTest {
    private static String error(String spec, String answer) {
        SourceText st = new SourceText("s.prob", spec);
        Problem p = SpecReader.read(st).get();
        ParseResult<List<Answer>> r = new AnswerReader(p, st).read(answer, new Pos("<answer>", 1, 1), new SourceText("<answer>", answer));
        assertFalse(r.ok());
        return r.diagnostics().get(0).message();
    }

    private static final String RIDGE = """
            problem p
              dim n
              given a : vector[n]
              given lam : real where lam > 0
              given sig0 : real where sig0 > 0
              given eps : real latex "\\varepsilon'"
              find w : vector[n]
              minimize ||w - a||^2 + lam*||w||^2
            """;

    @Test void aShortenedGreekNameWithoutLatexGetsTheLatexToAdd() {
        assertEquals("unknown symbol \\lambda; the spec has lam: add latex \"\\lambda\" to its given", error(RIDGE, "w = a/(1 + \\lambda)"));
    }

    @Test void theSubscriptOfTheSpecNameIsPartOfTheSuggestion() {
        assertTrue(error(RIDGE, "w = a/\\sigma_0").endsWith("the spec has sig0: add latex \"\\sigma_{0}\" to its given"),
                error(RIDGE, "w = a/\\sigma_0"));
    }

    @Test void aNameWithAnotherLatexIsShownPrintedAsItIs() {
        assertTrue(error(RIDGE, "w = a/\\varepsilon").endsWith("the spec has eps, printed \\varepsilon' (its latex): write that, or change the latex of its given"),
                error(RIDGE, "w = a/\\varepsilon"));
    }

    @Test void aGreekLetterNoSpecNameSpellsGetsNoSuggestion() {
        assertEquals("unknown symbol \\gamma", error(RIDGE, "w = a/\\gamma"));
    }

    @Test void spellingsAreTheLetterItsShorteningOrOneSlipOff() {
        assertTrue(LatexNameHints.spells("lam", "lambda"));
        assertTrue(LatexNameHints.spells("lamda", "lambda"));
        assertTrue(LatexNameHints.spells("eps_t", "epsilon"));
        assertTrue(LatexNameHints.spells("Sig", "Sigma"));
        assertFalse(LatexNameHints.spells("l", "lambda"), "one letter is too short to say");
        assertFalse(LatexNameHints.spells("sig", "Sigma"), "the case of a Greek letter is its meaning");
        assertFalse(LatexNameHints.spells("beta", "eta"));
    }
}
