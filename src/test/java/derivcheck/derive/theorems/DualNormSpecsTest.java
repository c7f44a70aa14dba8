package derivcheck.derive.theorems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.check.ProblemChecker;
import derivcheck.check.ProblemReport;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.derive.optimization.KktCore;
import derivcheck.expr.TextPrinter;
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
 * Linear objectives over the 1-, 2- and ∞-norm balls (src/test/resources/derive/dualnorm/), maximize
 * and minimize. Each spec says which strategy derives it ("# expect: strategy NAME") or that it is
 * declined ("# expect: declined" with the words of the KKT core's reason on "# reason:"). A derived
 * spec has every result verified numerically against the original problem and every expect verified
 * symbolically; "# cites: THEOREM" means a step of the derivation cites that theorem by name,
 * "# condition: REL" that the optimizer is stated under the non-degeneracy condition REL, and
 * "# core cites: THEOREM" that the KKT core alone (its dual-norm view, behind the fast path that wins
 * in the engine) derives the same results, citing the theorem, verified the same way.
 */
class DualNormSpecsTest {
    private static final Pattern EXPECTATION = Pattern.compile("#\\s*expect:\\s*(declined|strategy (.+))");
    private static final Pattern REASON = Pattern.compile("#\\s*reason:\\s*(.+)");
    private static final Pattern CITES = Pattern.compile("#\\s*cites:\\s*(.+)");
    private static final Pattern CORE_CITES = Pattern.compile("#\\s*core cites:\\s*(.+)");
    private static final Pattern CONDITION = Pattern.compile("#\\s*condition:\\s*(.+)");
    private static final String CORE = new KktCore().name();

    @TestFactory
    Stream<DynamicTest> eachBallSpecIsDerivedByTheDualNormOrDeclinedWithItsReason() throws IOException {
        Engine engine = Engine.standard(Cas.shared());
        Engine coreOnly = new Engine(Cas.shared(), List.of(new KktCore()));
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/derive/dualnorm"))) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        assertTrue(specs.size() >= 8, "maximize and minimize over each ball, and the declines");
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
            Derivation d = derivedAndVerified(engine, p);
            assertEquals(m.group(2).trim(), d.strategy());
            Matcher cites = CITES.matcher(text);
            if (cites.find()) assertCites(d, cites.group(1).trim());
            Matcher cond = CONDITION.matcher(text);
            if (cond.find()) {
                String want = cond.group(1).trim();
                assertTrue(d.results().stream().anyMatch(res -> res.conditions().stream().anyMatch(c -> TextPrinter.print(c).equals(want))),
                        () -> "a result stated under " + want + ": " + d.results());
            }
            Matcher core = CORE_CITES.matcher(text);
            if (core.find()) {
                Derivation c = derivedAndVerified(coreOnly, p);
                assertEquals(CORE, c.strategy());
                assertCites(c, core.group(1).trim());
            }
        }));
    }

    /** Derived, every result verified numerically, every expect verified symbolically. */
    private static Derivation derivedAndVerified(Engine engine, Problem p) {
        ProblemReport report = new ProblemChecker(engine, Optional.of(VerifyOptions.defaults().withSamples(6).withSeed(3))).check(p);
        Derivation d = report.derivation();
        assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
        assertTrue(!report.results().isEmpty(), "results were derived");
        for (var res : report.results()) {
            assertTrue(res.numeric().orElseThrow().verified(), () -> "numeric check of a result: " + res.numeric());
        }
        assertTrue(!p.expects().isEmpty(), "a derived spec has expects");
        for (ExpectCheck.Outcome o : ExpectCheck.check(p, d, engine.context(p))) {
            assertEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), () -> "line " + o.claim().pos().line() + ": " + o.reason());
        }
        return d;
    }

    private static void assertCites(Derivation d, String theorem) {
        assertTrue(d.steps().stream().anyMatch(s -> s.rule().equals("theorem") && s.justification().contains(theorem + ": ")
                        && s.justification().contains("Hypotheses: ")),
                () -> "a step cites " + theorem + " with its hypotheses: " + d.steps());
    }
}
