package derivcheck.derive.piecewise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Piecewise results compared with expects written in another piecewise form
 * (src/test/resources/derive/piecewise/): each spec is derived, and its trailing comment says
 * what the symbolic comparison of every expect must give ("# expect: symbolic verified", or
 * "symbolic undecided" for a wrong expect that the region-by-region test must not prove).
 */
class PiecewiseSpecsTest {
    private static final Pattern EXPECTATION = Pattern.compile("#\\s*expect:\\s*symbolic (verified|undecided)");

    @TestFactory
    Stream<DynamicTest> eachPiecewiseExpectIsDecidedAsItsSpecSays() throws IOException {
        return specs("src/test/resources/derive/piecewise", 6, "region by region");
    }

    /** Finite geometric sums in closed form (src/test/resources/derive/sums/), only where the ratio is not 1. */
    @TestFactory
    Stream<DynamicTest> eachSumExpectIsDecidedAsItsSpecSays() throws IOException {
        return specs("src/test/resources/derive/sums", 3, "");
    }

    private static Stream<DynamicTest> specs(String folder, int atLeast, String undecidedReason) throws IOException {
        Engine engine = Engine.standard(Cas.shared());
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of(folder))) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        assertTrue(specs.size() >= atLeast, "at least " + atLeast + " specs in " + folder);
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            Matcher m = EXPECTATION.matcher(Files.readString(spec));
            assertTrue(m.find(), "the spec states what the symbolic comparison must give");
            ParseResult<Problem> r = SpecReader.read(spec);
            assertTrue(r.ok(), r.renderDiagnostics());
            Problem p = r.get();
            Derivation d = engine.derive(p);
            assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
            ExpectCheck.Verdict want = m.group(1).equals("verified") ? ExpectCheck.Verdict.VERIFIED : ExpectCheck.Verdict.UNDECIDED;
            for (ExpectCheck.Outcome o : ExpectCheck.check(p, d, engine.context(p))) {
                assertEquals(want, o.symbolic(), () -> "line " + o.claim().pos().line() + ": " + o.reason());
                if (want == ExpectCheck.Verdict.UNDECIDED) {
                    assertTrue(o.reason().contains(undecidedReason), "the reason names the region not shown: " + o.reason());
                }
            }
        }));
    }
}
