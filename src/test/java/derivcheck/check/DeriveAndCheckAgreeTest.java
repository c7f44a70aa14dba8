package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Engine;
import derivcheck.expr.Pos;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * derive and check agree on a formula (src/test/resources/derive/agree/): each spec says what derive
 * makes of its one expect and what check makes of the same formula written as on a sheet
 * ("# agree: derive failed, check incorrect: d = -H^{-1} g"; its "# expect:" line, run by the spec-folder harness, says which strategy derives or declines it). A verified expect goes with a correct
 * answer and a failed one with an incorrect answer: check does not call an answer correct because it
 * agrees with a spec's expect that the original problem refutes (the Newton step -inv(H)*g with
 * nothing known about H, once "correct" in check and "failed" in derive).
 */
class DeriveAndCheckAgreeTest {
    private static final Pattern EXPECTATION = Pattern.compile("#\\s*agree:\\s*derive (verified|failed), check (correct|incorrect):\\s*(.+)");

    @TestFactory
    Stream<DynamicTest> eachSpecIsDerivedOrDeclinedAsItsExpectLineSays() throws java.io.IOException {
        return derivcheck.derive.SpecFolder.of("agree").atLeast(2).tests();
    }

    @TestFactory
    Stream<DynamicTest> deriveAndCheckGiveTheSameVerdictOnTheSameFormula() throws Exception {
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/derive/agree"))) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        assertTrue(specs.size() >= 2);
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            SourceText st = new SourceText(spec.toString(), Files.readString(spec));
            Matcher m = EXPECTATION.matcher(st.text());
            assertTrue(m.find(), "the spec states both verdicts");
            Verdict derive = m.group(1).equals("verified") ? Verdict.VERIFIED : Verdict.FAILED;
            AnswerReport.Word check = m.group(2).equals("correct") ? AnswerReport.Word.CORRECT : AnswerReport.Word.INCORRECT;
            assertEquals(derive == Verdict.VERIFIED, check == AnswerReport.Word.CORRECT, "the spec itself pairs the verdicts");
            Problem p = SpecReader.read(st).get();
            assertEquals(1, p.expects().size(), "one expect, the formula of the answer");

            ProblemReport r = new ProblemChecker(Engine.standard(Cas.shared()), Optional.of(VerifyOptions.defaults())).check(p);
            ClaimReport expect = r.claims().stream().filter(c -> c.claim().equals(p.expects().get(0))).findFirst().orElseThrow();
            assertEquals(derive, expect.verdict(), () -> "derive: " + expect.numeric() + " / " + expect.symbolic());
            if (derive == Verdict.FAILED) assertTrue(expect.numeric().orElseThrow().counterexample().isPresent(), "a failure has a counterexample");

            String text = m.group(3).trim();
            ParseResult<List<Answer>> a = new AnswerReader(p, st).read(text, new Pos("<answer>", 1, 1), new SourceText("<answer>", text));
            assertTrue(a.ok(), a::renderDiagnostics);
            AnswerReport ar = new AnswerChecker(Engine.standard(Cas.shared()), p, VerifyOptions.defaults(), true).check(a.get().get(0));
            assertEquals(check, ar.verdict(), ar::toString);
        }));
    }
}
