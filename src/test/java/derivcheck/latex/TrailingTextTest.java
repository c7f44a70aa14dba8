package derivcheck.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Pos;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text after an answer's formula is never lost without a word (issue 12): written apart it is prose
 * and the answer carries a note quoting it; written against the formula ({@code \lambda}\text{squared}})
 * it reads as a factor the spec does not have, and is a located error.
 */
class TrailingTextTest {
    private static final String VALUE = "\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon' \\tilde g^t}{1 + \\varepsilon' \\lambda}";

    private static ParseResult<List<Answer>> read(String text) throws Exception {
        Path p = Path.of("problems/prox_weight_decay.prob");
        SourceText spec = new SourceText(p.toString(), Files.readString(p));
        ParseResult<Problem> sp = SpecReader.read(spec);
        return new AnswerReader(sp.get(), spec).read(text, new Pos("a.md", 1, 1), new SourceText("a.md", text));
    }

    @Test void aQuantifierAfterTheFormulaIsProseAndTheAnswerSaysSo() throws Exception {
        ParseResult<List<Answer>> r = read(VALUE + " \\text{ for all } i");
        assertTrue(r.ok(), r.renderDiagnostics());
        assertEquals(List.of("the text 'for all i' after the formula is read as prose, not as part of the answer"), r.get().get(0).notes());
    }

    @Test void aWordWrittenApartIsProseWithANoteNeverDroppedSilently() throws Exception {
        ParseResult<List<Answer>> r = read(VALUE + " \\text{meters}");
        assertTrue(r.ok(), r.renderDiagnostics());
        assertEquals(1, r.get().get(0).notes().size());
        assertTrue(r.get().get(0).notes().get(0).contains("'meters'"), r.get().get(0).notes().toString());
    }

    @Test void aWordGluedToTheFormulaIsALocatedErrorNotProse() throws Exception {
        String text = VALUE + "\\text{squared}";
        ParseResult<List<Answer>> r = read(text);
        assertFalse(r.ok());
        assertEquals(text.indexOf("\\text") + 1, r.diagnostics().get(0).pos().col(), r.renderDiagnostics());
        assertTrue(r.diagnostics().get(0).message().contains("'squared'"), r.renderDiagnostics());
    }

    @Test void punctuationAndAQuadForallLeaveNoNote() throws Exception {
        ParseResult<List<Answer>> r = read(VALUE + ".");
        assertTrue(r.ok(), r.renderDiagnostics());
        assertEquals(List.of(), r.get().get(0).notes());
    }
}
