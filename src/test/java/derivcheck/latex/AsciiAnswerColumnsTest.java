package derivcheck.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import derivcheck.expr.Pos;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A syntax error in an ASCII answer is reported at its own column (found by the answer-reader fuzz target). */
class AsciiAnswerColumnsTest {
    @Test void aStrayParenInABareValueIsReportedWhereItIsWrittenNotShiftedByTheInsertedUnknown() throws Exception {
        Path p = Path.of("problems/prox_weight_decay.prob");
        SourceText spec = new SourceText(p.toString(), Files.readString(p));
        ParseResult<Problem> sp = SpecReader.read(spec);
        AnswerReader reader = new AnswerReader(sp.get(), spec);
        String text = "theta+ eps*lambda)";
        ParseResult<List<Answer>> r = reader.read(text, new Pos("a.md", 1, 1), new SourceText("a.md", text));
        assertFalse(r.ok());
        assertEquals(18, r.diagnostics().get(0).pos().col(), r.renderDiagnostics());
    }
}
