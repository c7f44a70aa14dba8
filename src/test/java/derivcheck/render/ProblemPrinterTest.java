package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** ProblemPrinter writes a spec that reads back into the same problem. */
class ProblemPrinterTest {
    static Stream<Path> goodSpecs() throws Exception {
        Path dir = Path.of(ProblemPrinterTest.class.getResource("/specs/good").toURI());
        return Files.walk(dir).filter(p -> p.toString().endsWith(".prob")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodSpecs")
    void printedProblemReadsBackIntoTheSameModelAndPrintsTheSame(Path file) throws Exception {
        ParseResult<Problem> r = SpecReader.read(file);
        if (!r.ok()) fail(r.renderDiagnostics());
        Problem p = r.get();
        String printed = ProblemPrinter.print(p);
        ParseResult<Problem> again = SpecReader.read(new SourceText(file.toString(), printed));
        if (!again.ok()) fail("the printed spec does not read back:\n" + printed + "\n" + again.renderDiagnostics());
        Problem q = again.get();
        assertEquals(printed, ProblemPrinter.print(q));
        assertEquals(p.objective().map(o -> o.expr()), q.objective().map(o -> o.expr()));
        assertEquals(p.constraints(), q.constraints());
        assertEquals(p.targets(), q.targets());
        assertEquals(p.assumptions(), q.assumptions());
        assertEquals(p.dims(), q.dims());
        assertEquals(p.randoms(), q.randoms());
        for (int k = 0; k < p.expects().size(); k++) {
            assertEquals(p.expects().get(k).relations(), q.expects().get(k).relations());
        }
        for (int k = 0; k < p.lets().size(); k++) assertEquals(p.lets().get(k).body(), q.lets().get(k).body());
    }

    @Test void printedBackpropSpecShowsInferredShapesAsComments() throws Exception {
        Path f = Path.of(ProblemPrinterTest.class.getResource("/specs/good/backprop.prob").toURI());
        String printed = ProblemPrinter.print(SpecReader.read(f).get());
        assertTrue(printed.contains("given g = grad(L, y)    # vector[N-2]"), printed);
        assertTrue(printed.contains("let y_i = a*(x_i + x_{i + 2}) + b for i in 1..N - 2    # vector[N-2]"), printed);
        assertTrue(printed.contains("find grad(L, x)    # vector[N]"), printed);
    }
}
