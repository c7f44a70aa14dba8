package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The complete example specs in docs/spec-language.md read without errors. */
class DocsExamplesTest {
    static List<String> examples() throws Exception {
        String doc = Files.readString(Path.of("docs/spec-language.md"));
        Matcher m = Pattern.compile("```prob\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test void everyCompleteExampleInTheLanguageReferenceReadsWithoutErrors() throws Exception {
        List<String> ex = examples();
        assertEquals(8, ex.size(), "the opening example, the five of the walk-through and the two complete examples");
        for (String text : ex) {
            ParseResult<Problem> r = SpecReader.read(new SourceText("docs/spec-language.md", text));
            if (!r.ok()) fail(r.renderDiagnostics());
        }
    }

    @Test void theOptimizationExampleHasAnObjectiveAConstraintAndExpectsTheOptimum() throws Exception {
        List<String> ex = examples();
        Problem p = Specs.parse(ex.get(ex.size() - 2));
        assertTrue(p.objective().isPresent());
        assertEquals(1, p.constraints().size());
        assertEquals(2, p.expects().size());
    }

    @Test void theBackpropExampleComputesThreeGradients() throws Exception {
        List<String> ex = examples();
        Problem p = Specs.parse(ex.get(ex.size() - 1));
        assertEquals(3, p.targets().size());
        assertEquals(3, p.expects().size());
    }
}
