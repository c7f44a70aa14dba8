package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Engine;
import derivcheck.expr.Pos;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answers in another piecewise form than the derived one: right ones are correct with the
 * symbolic comparison proving them region by region; wrong ones are incorrect only with a
 * counterexample at a point where the assumptions hold.
 */
class PiecewiseAnswersTest {
    static AnswerReport check(String spec, String text) throws Exception {
        return check(spec, text, new int[1]);
    }

    /** Checks one answer; {@code regionCalls[0]} is how often the region-by-region tier was asked. */
    static AnswerReport check(String spec, String text, int[] regionCalls) throws Exception {
        Path f = Path.of("src/test/resources/derive/optim", spec + ".prob");
        SourceText st = new SourceText(f.toString(), Files.readString(f));
        Problem p = SpecReader.read(st).get();
        ParseResult<List<Answer>> r = new AnswerReader(p, st).read(text, new Pos("<answer>", 1, 1), new SourceText("<answer>", text));
        assertTrue(r.ok(), r::renderDiagnostics);
        AnswerChecker c = new AnswerChecker(Engine.standard(Cas.shared()), p, VerifyOptions.defaults().withSamples(6), true, true);
        AnswerReport out = c.check(r.get().get(0));
        regionCalls[0] = c.regionTierCalls();
        return out;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " ## ", value = {
        "projection_box ## x = max(min(y, hi), lo)",
        "projection_ball ## x = r*y/max(r, ||y||)",
        "prox_l1 ## x_i = sign(v_i)*max(abs(v_i) - eps*lambda, 0) for i in 1..n",
    })
    void anEqualPiecewiseFormIsCorrectAndProvenSymbolically(String spec, String answer) throws Exception {
        AnswerReport r = check(spec.strip(), answer.strip());
        assertEquals(AnswerReport.Word.CORRECT, r.verdict(), r::summary);
        assertTrue(r.symbolic().startsWith("verified") || r.symbolic().startsWith("proved"), "symbolic: " + r.symbolic());
    }

    /** The counter below counts something: where the samples agree, the region tier is asked and proves. */
    @Test
    void aRightPiecewiseAnswerIsProvedByTheRegionTierAfterTheSamplesAgree() throws Exception {
        int[] calls = new int[1];
        AnswerReport r = check("projection_box", "x = max(min(y, hi), lo)", calls);
        assertEquals(AnswerReport.Word.CORRECT, r.verdict(), r::summary);
        assertTrue(calls[0] > 0, "the region tier is asked where the samples agree");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " ## ", value = {
        "projection_box ## x = max(min(y, lo), hi)",
        "projection_ball ## x = r*y/min(r, ||y||)",
        "prox_l1 ## x_i = sign(v_i)*max(abs(v_i) - eps, 0) for i in 1..n",
    })
    void anUnequalPiecewiseFormIsIncorrectOnlyWithAValidCounterexampleAndWithoutAskingTheRegionTier(String spec, String answer) throws Exception {
        int[] calls = new int[1];
        AnswerReport r = check(spec.strip(), answer.strip(), calls);
        assertEquals(AnswerReport.Word.INCORRECT, r.verdict(), r::summary);
        assertEquals(0, calls[0], "the samples' counterexample decides before any region is proved (issue 11)");
        NumericVerdict.Counterexample cx = r.numeric().orElseThrow().counterexample().orElseThrow();
        // the point honours the spec's assumptions
        if (cx.values().containsKey("lo")) assertTrue(cx.values().get("lo").flatten()[0] < cx.values().get("hi").flatten()[0], cx.toString());
        if (cx.values().containsKey("r")) assertTrue(cx.values().get("r").flatten()[0] > 0, cx.toString());
        if (cx.values().containsKey("eps")) assertTrue(cx.values().get("eps").flatten()[0] > 0 && cx.values().get("lambda").flatten()[0] > 0, cx.toString());
    }
}
