package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.expr.Pos;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The textbook Newton step w - L'(w)/L''(w) of one-weight logistic regression (second derivatives:
 * once failed by nested finite differences at "scaled error 1.1e-5"): derive derives it, every
 * expect is verified within its tolerance, and check calls the sheet's LaTeX answer correct and
 * the sign slip incorrect.
 */
class NewtonStepCheckAndDeriveAgreeTest {
    private static final Path SPEC = Path.of("src/test/resources/derive/second/logistic_newton_cross_entropy.prob");
    private static final Path T_SPEC = Path.of("src/test/resources/derive/second/logistic_newton_step.prob");

    private static SourceText text(Path p) throws Exception { return new SourceText(p.toString(), Files.readString(p)); }

    @Test
    void deriveDerivesTheNewtonStepAndVerifiesEveryExpectWithinItsTolerance() throws Exception {
        for (Path f : List.of(SPEC, T_SPEC)) {
            Problem p = SpecReader.read(text(f)).get();
            ProblemReport r = new ProblemChecker(Engine.standard(Cas.shared()), Optional.of(VerifyOptions.defaults())).check(p);
            assertEquals(Derivation.Status.DERIVED, r.derivation().status(), f + ": " + r.derivation().notes());
            assertTrue(r.results().get(0).numeric().orElseThrow().verified(), f + ": " + r.results().get(0).numeric());
            for (ClaimReport c : r.claims()) {
                assertEquals(Verdict.VERIFIED, c.verdict(), f + ": " + c.numeric());
                var n = c.numeric().orElseThrow();
                assertTrue(n.maxRelError() <= NumericVerifier.tolerance(n.check()), n.verifiedLine());
            }
        }
    }

    private static AnswerReport check(String answer) throws Exception {
        SourceText st = text(SPEC);
        Problem p = SpecReader.read(st).get();
        ParseResult<List<Answer>> a = new AnswerReader(p, st).read(answer, new Pos("<answer>", 1, 1), new SourceText("<answer>", answer));
        assertTrue(a.ok(), a::renderDiagnostics);
        return new AnswerChecker(Engine.standard(Cas.shared()), p, VerifyOptions.defaults(), false).check(a.get().get(0));
    }

    @Test
    void checkCallsTheTextbookNewtonStepCorrectAndTheSignSlipIncorrect() throws Exception {
        String right = "w^+ = w - \\frac{\\sum_{i=1}^n (\\sigma(w x_i) - y_i) x_i}{\\sum_{i=1}^n \\sigma(w x_i)(1-\\sigma(w x_i)) x_i^2}";
        AnswerReport ok = check(right);
        assertEquals(AnswerReport.Word.CORRECT, ok.verdict(), ok.toString());
        AnswerReport slip = check(right.replace("w - \\frac", "w + \\frac"));
        assertEquals(AnswerReport.Word.INCORRECT, slip.verdict(), slip.toString());
    }
}
