package derivcheck.check;

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
import java.util.ArrayList;
import java.util.List;

/** Test fixture: a LaTeX answer text read against one spec file and each of its answers checked (6 samples). */
final class SpecAnswers {
    private SpecAnswers() {}

    static List<AnswerReport> check(Path spec, String text) throws Exception {
        SourceText st = new SourceText(spec.toString(), Files.readString(spec));
        Problem p = SpecReader.read(st).get();
        ParseResult<List<Answer>> r = new AnswerReader(p, st).read(text, new Pos("<answer>", 1, 1), new SourceText("<answer>", text));
        assertTrue(r.ok(), r::renderDiagnostics);
        AnswerChecker c = new AnswerChecker(Engine.standard(Cas.shared()), p, VerifyOptions.defaults().withSamples(6), false);
        List<AnswerReport> out = new ArrayList<>();
        for (Answer a : r.get()) out.add(c.check(a));
        return out;
    }
}
