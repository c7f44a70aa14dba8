package derivcheck.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.source.ParseResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** \odot and \oslash are read as the spec's .* and ./, keeping the sheet's left-to-right grouping. */
class EntrywiseLatexReadingTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ## ", value = {
        "\\theta = \\theta^t \\odot g^t ## theta = theta_t .* g",
        "\\theta = \\theta^t \\oslash g^t ## theta = theta_t ./ g",
        "\\theta = \\theta^t - \\varepsilon \\operatorname{sign}(g^t) \\odot g^t ## theta = theta_t - (eps*sign(g)) .* g",
        "\\theta = \\theta^t \\odot g^t \\oslash \\theta^t ## theta = (theta_t .* g) ./ theta_t",
    })
    void readsOdotAndOslash(String latex, String readAs) throws Exception {
        ParseResult<List<Answer>> r = LatexAnswerReadingTest.read("trust_region_box", latex.strip());
        assertTrue(r.ok(), r::renderDiagnostics);
        assertEquals(readAs.strip(), r.get().get(0).readAs());
    }
}
