package derivcheck.derive.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.check.ProblemChecker;
import derivcheck.check.ProblemReport;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The KKT core's specs (src/test/resources/derive/kkt/): each says which strategy must derive it
 * ("# expect: strategy NAME") or that it must be declined ("# expect: declined", with the words
 * the core's reason must contain on a "# reason:" line). A derived spec has every expect verified
 * symbolically (index-wise ones too) and every result verified numerically against the original
 * problem (the re-solve, independent of the derivation).
 */
class KktSpecsTest {
    private static final Pattern EXPECTATION = Pattern.compile("#\\s*expect:\\s*(declined|strategy (.+))");
    private static final Pattern REASON = Pattern.compile("#\\s*reason:\\s*(.+)");
    private static final String CORE = new KktCore().name();

    @TestFactory
    Stream<DynamicTest> eachSpecIsDerivedRightOrDeclinedWithItsReason() throws IOException {
        Engine engine = Engine.standard(Cas.shared());
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/derive/kkt"))) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        assertTrue(specs.size() >= 10, "at least 10 specs for the KKT core");
        assertTrue(specs.stream().filter(KktSpecsTest::declined).count() >= 2, "at least 2 declined specs");
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            String text = Files.readString(spec);
            Matcher m = EXPECTATION.matcher(text);
            assertTrue(m.find(), "the spec states what must happen");
            ParseResult<Problem> r = SpecReader.read(spec);
            assertTrue(r.ok(), r.renderDiagnostics());
            Problem p = r.get();
            if (m.group(1).equals("declined")) {
                Derivation d = engine.derive(p);
                assertEquals(Derivation.Status.DECLINED, d.status(), () -> String.join("\n", d.notes()));
                Matcher why = REASON.matcher(text);
                assertTrue(why.find(), "a declined spec states the reason the core must give");
                String core = d.notes().stream().filter(n -> n.startsWith(CORE + ": declined — ")).findFirst().orElse("");
                assertTrue(core.contains(why.group(1).trim()), () -> "the core's reason: " + core);
                return;
            }
            ProblemReport report = new ProblemChecker(engine, Optional.of(VerifyOptions.defaults().withSamples(6).withSeed(3))).check(p);
            Derivation d = report.derivation();
            assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
            assertEquals(m.group(2).trim(), d.strategy());
            for (var res : report.results()) {
                assertTrue(res.numeric().orElseThrow().verified(), () -> "numeric check of a result: " + res.numeric());
            }
            assertTrue(!p.expects().isEmpty(), "a derived spec has expects");
            for (ExpectCheck.Outcome o : ExpectCheck.check(p, d, engine.context(p))) {
                assertEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), () -> "line " + o.claim().pos().line() + ": " + o.reason());
            }
        }));
    }

    private static boolean declined(Path spec) {
        try {
            return Files.readString(spec).contains("# expect: declined");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
