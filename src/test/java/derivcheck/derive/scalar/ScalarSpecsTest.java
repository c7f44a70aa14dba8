package derivcheck.derive.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.numeric.verify.VerifyOptions;
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
 * Scalar problems a sheet solves in a line, and scalar objectives whose stationary point is not a
 * minimizer (src/test/resources/derive/scalar/). Each spec says in a comment which strategy must
 * derive it ("# expect: strategy NAME"), or that it must be declined with a reason containing a
 * phrase ("# expect: declined "PHRASE""). A derived spec has every expect verified symbolically
 * and every claim (results, expects) verified numerically against the original statement.
 */
class ScalarSpecsTest {
    private static final Pattern EXPECTATION = Pattern.compile("#\\s*expect:\\s*((declined|undecided)(?:\\s+\"([^\"]+)\")?|strategy (.+))");

    @TestFactory
    Stream<DynamicTest> eachSpecIsDerivedAndVerifiedOrDeclinedWithItsReason() throws IOException {
        Engine engine = Engine.standard(Cas.shared());
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/derive/scalar"))) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        assertTrue(specs.size() >= 13, "the scalar folder holds its specs");
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            Matcher m = EXPECTATION.matcher(Files.readString(spec));
            assertTrue(m.find(), "the spec states what must happen");
            ParseResult<Problem> r = SpecReader.read(spec);
            assertTrue(r.ok(), r.renderDiagnostics());
            Problem p = r.get();
            Derivation d = engine.derive(p);
            if (m.group(2) != null) {
                boolean declined = m.group(2).equals("declined");
                assertEquals(declined ? Derivation.Status.DECLINED : Derivation.Status.UNDECIDED, d.status(), () -> String.join("\n", d.notes()));
                if (declined) assertTrue(d.notes().stream().allMatch(n -> n.contains("declined — ")), "every strategy says why it declined");
                if (m.group(3) != null) {
                    assertTrue(d.notes().stream().anyMatch(n -> n.contains(m.group(3))),
                            () -> "no strategy gave the reason \"" + m.group(3) + "\":\n" + String.join("\n", d.notes()));
                }
                return;
            }
            assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
            assertEquals(m.group(4).trim(), d.strategy());
            List<ExpectCheck.Outcome> outcomes = ExpectCheck.check(p, d, engine.context(p));
            assertTrue(!outcomes.isEmpty(), "a derived spec states its expects");
            for (ExpectCheck.Outcome o : outcomes) {
                assertEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), () -> o.claim().text() + ": " + o.reason());
            }
            for (Result res : d.results()) {
                if (!res.isEquation()) continue; // a derived interval is checked through its expect below
                var v = NumericVerifier.checkResult(p, res.target(), res.value(), res.range(), VerifyOptions.defaults());
                assertEquals(derivcheck.numeric.verify.NumericVerdict.Kind.VERIFIED, v.verdict(), () -> res + ": " + v.reason());
            }
            for (var c : NumericVerifier.of(p, VerifyOptions.defaults()).verifyAll()) {
                assertTrue(c.ok(), () -> c.kind() + " " + c.claim().text() + ": " + c.verdict().reason());
            }
        }));
    }
}
