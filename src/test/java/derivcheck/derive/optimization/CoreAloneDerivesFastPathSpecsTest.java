package derivcheck.derive.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.linear.Definiteness;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.SpecFixtures;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fast paths as the core's views: every spec (the seeds in problems/ and the optimization test specs)
 * that the engine derives by a fast path the KKT core also uses (stationarity with no constraint, the
 * 2-ball's two cases, clipping to a box, a linear objective over a box) is derived by the KKT core alone
 * with the same sheet steps and the same results; one derived by the Lagrange multiplier on a 2-ball, whose
 * core view cites Cauchy–Schwarz instead, or by a linear objective over an ∞-ball (the core cites Hölder), with
 * results that verify every expect of the spec symbolically.
 */
class CoreAloneDerivesFastPathSpecsTest {
    private static final List<Path> FOLDERS = List.of(Path.of("problems"), Path.of("src/test/resources/derive/optim"),
            Path.of("src/test/resources/derive/kkt"), Path.of("src/test/resources/derive/whole"),
            Path.of("src/test/resources/derive/dualnorm"), Path.of("src/test/resources/derive/families"));
    /** The fast paths whose derivation is the core's own view: same steps. */
    private static final List<String> VIEWS = List.of(KktCore.UNCONSTRAINED.name(), KktCore.BALL.name(),
            KktCore.BOX.name(), KktCore.LINEAR_BOX.name());
    /** A fast path the core answers by another argument: same results. */
    private static final String LAGRANGE_BALL = new LinearOverNormBall().name();

    @Test
    void theViewsAreFastPathsOfTheEntry() {
        List<String> ways = Optimize.WAYS.stream().map(FastPath::name).toList();
        for (String v : VIEWS) assertTrue(ways.contains(v), v);
        assertEquals(new KktCore().name(), ways.get(ways.size() - 1), "the core is tried last");
    }

    @TestFactory
    Stream<DynamicTest> theCoreAloneDerivesWhatItsFastPathsDerive() throws IOException {
        Engine engine = Engine.standard(Cas.shared());
        Engine core = new Engine(Cas.shared(), List.of(new KktCore()));
        List<Path> specs = new ArrayList<>();
        for (Path dir : FOLDERS) {
            try (Stream<Path> s = Files.list(dir)) {
                specs.addAll(s.filter(p -> p.toString().endsWith(".prob")).sorted().toList());
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        int views = 0;
        for (Path spec : specs) {
            Problem p = SpecFixtures.read(spec);
            Derivation d = engine.derive(p);
            if (d.status() != Derivation.Status.DERIVED) continue;
            String name = spec.getParent().getFileName() + "/" + spec.getFileName();
            if (VIEWS.contains(d.strategy())) {
                views++;
                tests.add(DynamicTest.dynamicTest(name + " (" + d.strategy() + ")", () -> {
                    Derivation alone = core.derive(p);
                    if (citesATheorem(alone)) sameResults(p, d, alone, core); // the ∞-ball: Hölder, not the box's cases
                    else sameSteps(d, alone, name);
                }));
            } else if (d.strategy().equals(LAGRANGE_BALL)) {
                tests.add(DynamicTest.dynamicTest(name + " (" + d.strategy() + ")", () -> sameResults(p, d, core.derive(p), core)));
            }
        }
        assertTrue(views >= 10, "specs derived by the core's views: " + views);
        return tests.stream();
    }

    /**
     * Whole-vector bounds x >= l, x <= u (a side may be missing) under an isotropic quadratic, which
     * {@link SeparableBounds} derives: the core's box view (clipping) derives them alone, with the results
     * {@code SeparableBounds} gives, and they verify every expect of the spec.
     */
    @TestFactory
    Stream<DynamicTest> theBoxViewDerivesTheOneSidedBoundSpecs() throws IOException {
        Engine engine = Engine.standard(Cas.shared());
        Engine box = new Engine(Cas.shared(), List.of(KktCore.BOX));
        Engine core = new Engine(Cas.shared(), List.of(new KktCore()));
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : FOLDERS) {
            List<Path> specs;
            try (Stream<Path> s = Files.list(dir)) {
                specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
            }
            for (Path spec : specs) {
                Problem p = SpecFixtures.read(spec);
                Optimization.Either e = Optimization.of(p);
                if (e.value().isEmpty()) continue;
                Optimization o = e.value().get();
                if (!o.unknown().shape().isVector() || Boxes.bounds(o, o.unknown()).isEmpty()) continue;
                DeriveContext ctx = engine.context(p);
                Optional<QuadraticObjective> q = o.gradient().flatMap(g -> QuadraticObjective.ofGradient(g, o.unknown(), ctx));
                if (q.isEmpty() || !q.get().isotropic()) continue;
                Attempt bounds = SeparableBounds.attempt(p, o, q.get(), o.kkt().separable(),
                        Definiteness.of(q.get().c(), q.get().parts(), p, ctx), ctx);
                if (!(bounds instanceof Attempt.Derived b)) continue;
                String name = spec.getParent().getFileName() + "/" + spec.getFileName();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Derivation alone = box.derive(p);
                    assertEquals(Derivation.Status.DERIVED, alone.status(), () -> String.join("\n", alone.notes()));
                    assertEquals(b.results().stream().map(r -> TextPrinter.print(r.target()) + " = " + TextPrinter.print(r.value())).toList(),
                            alone.results().stream().map(r -> TextPrinter.print(r.target()) + " = " + TextPrinter.print(r.value())).toList(),
                            "the results of SeparableBounds");
                    sameResults(p, engine.derive(p), alone, box);
                    sameResults(p, engine.derive(p), core.derive(p), core);
                }));
            }
        }
        assertFalse(tests.isEmpty(), "specs with whole-vector bounds that SeparableBounds derives");
        return tests.stream();
    }

    private static boolean citesATheorem(Derivation d) {
        return d.steps().stream().anyMatch(s -> s.rule().equals("theorem"));
    }

    private static void sameSteps(Derivation fast, Derivation alone, String name) {
        assertEquals(Derivation.Status.DERIVED, alone.status(), () -> name + ": " + String.join("\n", alone.notes()));
        assertEquals(new KktCore().name(), alone.strategy());
        assertEquals(printed(fast), printed(alone), "the same results");
        assertEquals(fast.steps().stream().map(s -> s.rule() + ": " + s.math().stream().map(TextPrinter::print).toList() + " " + s.justification()).toList(),
                alone.steps().stream().map(s -> s.rule() + ": " + s.math().stream().map(TextPrinter::print).toList() + " " + s.justification()).toList(),
                "the same sheet steps");
    }

    private static void sameResults(Problem p, Derivation fast, Derivation alone, Engine core) {
        assertEquals(Derivation.Status.DERIVED, alone.status(), () -> String.join("\n", alone.notes()));
        assertEquals(fast.results().stream().map(r -> TextPrinter.print(r.target())).toList(),
                alone.results().stream().map(r -> TextPrinter.print(r.target())).toList(), "the same targets");
        assertFalse(p.expects().isEmpty(), "the spec states expects");
        for (ExpectCheck.Outcome o : ExpectCheck.check(p, alone, core.context(p))) {
            assertEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), () -> "line " + o.claim().pos().line() + " " + o.claim().text() + ": " + o.reason());
        }
    }

    private static Map<String, List<String>> printed(Derivation d) {
        return Map.of("results", d.results().stream().map(r -> TextPrinter.print(r.target()) + " = " + TextPrinter.print(r.value())
                + " " + r.conditions().stream().map(TextPrinter::print).toList()).toList());
    }
}
