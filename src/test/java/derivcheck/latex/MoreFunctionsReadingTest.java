package derivcheck.latex;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Pos;
import derivcheck.model.Problem;
import derivcheck.render.LatexPrinter;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cosh … logsumexp in LaTeX both ways: what the printer writes, the answer reader reads back as the same expression. */
class MoreFunctionsReadingTest {
    private static final String SPEC = """
            problem f
              dim n
              given x : vector[n]
              given u : real
              find z : real
              expect z = cosh(u) + sinh(u) + tan(u) + atan(u) + softplus(u) + log1p(u) + erf(u) + normcdf(u) + normpdf(u) + logsumexp(x)
            """;

    @Test void printedFormsReadBackAsTheSameFunctions() {
        SourceText st = new SourceText("f.prob", SPEC);
        Problem p = SpecReader.read(st).get();
        String latex = LatexPrinter.of(p).print(p.expects().get(0).relations());
        for (String head : List.of("\\cosh", "\\sinh", "\\tan", "\\arctan", "\\operatorname{softplus}", "\\operatorname{log1p}",
                "\\operatorname{erf}", "\\Phi", "\\varphi", "\\operatorname{logsumexp}")) {
            assertTrue(latex.contains(head), head + " in " + latex);
        }
        AnswerReader reader = new AnswerReader(p, st);
        ParseResult<List<Answer>> r = reader.read(latex, new Pos("<answer>", 1, 1), new SourceText("<answer>", latex));
        assertTrue(r.ok(), r::renderDiagnostics);
        String read = r.get().get(0).readAs();
        for (String f : List.of("cosh(u)", "sinh(u)", "tan(u)", "atan(u)", "softplus(u)", "log1p(u)", "erf(u)", "normcdf(u)",
                "normpdf(u)", "logsumexp(x)")) {
            assertTrue(read.contains(f), f + " in " + read);
        }
    }
}
