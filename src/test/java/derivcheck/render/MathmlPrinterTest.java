package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class MathmlPrinterTest {
    private static Problem read(String spec) {
        ParseResult<Problem> r = SpecReader.read(new SourceText("t.prob", spec));
        assertTrue(r.ok(), r::renderDiagnostics);
        return r.get();
    }

    private static void wellFormed(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.newDocumentBuilder().parse(new ByteArrayInputStream(("<div>" + xml + "</div>").getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static final String SPEC = """
            problem p
              title "t"
              source "s"
              dim n
              given g, theta_t : vector[n]   latex "\\tilde g^t", "\\theta^t"
              given lambda, eps : real       latex "\\lambda", "\\varepsilon'"  where lambda > 0, eps > 0
              find theta : vector[n]         latex "\\theta^{t+1}"
              minimize <g, theta - theta_t> + lambda/2*||theta||^2 + 1/(2*eps)*||theta - theta_t||^2
              expect theta = (theta_t - eps*g)/(1 + eps*lambda)
            """;

    @Test
    void aQuotientIsAFractionWithTheSpecsNames() {
        Problem p = read(SPEC);
        Claim e = p.expects().get(0);
        String m = MathmlPrinter.of(p).print(e.relations().get(0).rhs());
        assertTrue(m.startsWith("<mfrac>"), m);
        assertTrue(m.contains("<mover accent=\"true\"><mi>g</mi><mo>~</mo></mover>"), m);
        assertTrue(m.contains("<mi>ε</mi><mo lspace=\"0\" rspace=\"0\">′</mo>"), m);
        wellFormed(m);
    }

    @Test
    void normsInnerProductsAndPowersHaveTheirDelimiters() {
        Problem p = read(SPEC);
        String m = MathmlPrinter.of(p).print(p.objective().get().expr());
        assertTrue(m.contains(">⟨</mo>"), m);
        assertTrue(m.contains("<msup><mrow><mo stretchy=\"false\">‖</mo>"), m);
        assertEquals("<mrow><mo>(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo>)</mo></mrow>",
                MathmlPrinter.fenced("(", "<mfrac><mi>a</mi><mi>b</mi></mfrac>", ")"), "delimiters grow around a fraction");
        wellFormed(m);
    }

    @Test
    void latexNamesBecomeMathmlAndHostileTextIsEscaped() {
        assertEquals("<msup><mi>θ</mi><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow></msup>", MathmlNames.of("\\theta^{t+1}"));
        assertEquals("<mi mathvariant=\"normal\">\uD835\uDC30</mi>", MathmlNames.of("\\mathbf{w}"));
        assertEquals("<msub><mi>D</mi><mrow><mi>K</mi><mi>L</mi></mrow></msub>", MathmlNames.of("D_{KL}"));
        String hostile = MathmlNames.of("<script>alert(1)</script>\\unknown{&}");
        assertFalse(hostile.contains("<script"), hostile);
        wellFormed(hostile);
        wellFormed(MathmlNames.of("{{{{x"));
        wellFormed(MathmlNames.of("}}^_'\\"));
    }

    /** Every statement and every expected answer of the repository's specs prints as well-formed MathML. */
    @Test
    void everySpecsStatementAndAnswersAreWellFormed() throws Exception {
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("problems"))) {
            specs = s.filter(f -> f.toString().endsWith(".prob")).sorted().toList();
        }
        assertFalse(specs.isEmpty());
        for (Path f : specs) {
            ParseResult<Problem> r = SpecReader.read(new SourceText(f.toString(), Files.readString(f)));
            assertTrue(r.ok(), r::renderDiagnostics);
            Problem p = r.get();
            String statement = new MathmlStatement(p).write();
            wellFormed(statement);
            MathmlPrinter printer = MathmlPrinter.of(p);
            for (Claim c : p.expects()) wellFormed(printer.print(c.relations()));
            for (Claim c : p.shows()) wellFormed(printer.print(c.relations()));
            for (Claim c : p.expects()) {
                // the statement is what the student is asked: never the expected value
                String answer = printer.print(c.relations().get(0).rhs());
                if (answer.length() > 40) assertFalse(statement.contains(answer), f + " shows its expect");
            }
        }
    }
}
