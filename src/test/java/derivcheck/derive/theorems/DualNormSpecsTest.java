package derivcheck.derive.theorems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.check.ProblemChecker;
import derivcheck.check.ProblemReport;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.SpecFolder;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.derive.optimization.KktCore;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Linear objectives over the 1-, 2- and ∞-norm balls (src/test/resources/derive/dualnorm/), maximize
 * and minimize, run by the one spec-folder harness ({@link SpecFolder}: "derived by STRATEGY" with every
 * result verified numerically and every expect symbolically, or "declined by KKT core (active sets)
 * because WORDS"). Beyond the harness: "# cites: THEOREM" means a step of the derivation cites that theorem by name,
 * ("# condition: REL", a result stated under REL, is checked by the harness itself) and
 * "# core cites: THEOREM" that the KKT core alone (its dual-norm view, behind the fast path that wins
 * in the engine) derives the same results, citing the theorem, verified the same way.
 */
class DualNormSpecsTest {
    private static final Pattern CITES = Pattern.compile("#\\s*cites:\\s*(.+)");
    private static final Pattern CORE_CITES = Pattern.compile("#\\s*core cites:\\s*(.+)");
    private static final String CORE = new KktCore().name();

    @TestFactory
    Stream<DynamicTest> eachBallSpecIsDerivedByTheDualNormOrDeclinedWithItsReason() throws IOException {
        Engine coreOnly = new Engine(Cas.shared(), List.of(new KktCore()));
        return SpecFolder.of("dualnorm").atLeast(8).declinedAtLeast(2)
                .numeric(VerifyOptions.defaults().withSamples(6).withSeed(3))
                .whenDerived((text, p, d) -> {
                    Matcher cites = CITES.matcher(text);
                    if (cites.find()) assertCites(d, cites.group(1).trim());
                    Matcher core = CORE_CITES.matcher(text);
                    if (core.find()) {
                        Derivation c = derivedAndVerified(coreOnly, p);
                        assertEquals(CORE, c.strategy());
                        assertCites(c, core.group(1).trim());
                    }
                }).tests();
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
