package derivcheck.derive.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
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
 * Optimization problems beyond the seeds (src/test/resources/derive/optim/): each spec says in a
 * trailing comment which strategy must derive it ("# expect: strategy NAME") or that it must be
 * declined ("# expect: declined"). Derived specs must have every non-index-wise expect verified
 * symbolically.
 */
class OptimizationSpecsTest {
    private static final Pattern EXPECTATION = Pattern.compile("#\\s*expect:\\s*(declined|strategy (.+))");

    @TestFactory
    Stream<DynamicTest> eachSpecIsDerivedByItsStrategyOrDeclined() throws IOException {
        Engine engine = Engine.standard(Cas.shared());
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/derive/optim"))) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        assertTrue(specs.size() >= 8, "at least 8 specs beyond the seeds");
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            String text = Files.readString(spec);
            Matcher m = EXPECTATION.matcher(text);
            assertTrue(m.find(), "the spec states what must happen");
            ParseResult<Problem> r = SpecReader.read(spec);
            assertTrue(r.ok(), r.renderDiagnostics());
            Problem p = r.get();
            Derivation d = engine.derive(p);
            if (m.group(1).equals("declined")) {
                assertEquals(Derivation.Status.DECLINED, d.status(), () -> String.join("\n", d.notes()));
                assertTrue(d.notes().stream().allMatch(n -> n.contains("declined — ")), "every strategy says why it declined");
                return;
            }
            assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
            assertEquals(m.group(2).trim(), d.strategy());
            for (ExpectCheck.Outcome o : ExpectCheck.check(p, d, engine.context(p))) {
                Optional<?> range = o.claim().range();
                if (range.isPresent()) continue; // index-wise expects: compared entry by entry elsewhere
                assertEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), () -> line(o.claim()) + ": " + o.reason());
            }
        }));
    }

    private static String line(Claim c) { return "line " + c.pos().line() + " " + c.text(); }
}
