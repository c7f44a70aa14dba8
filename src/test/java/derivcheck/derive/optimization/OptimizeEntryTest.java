package derivcheck.derive.optimization;

import static org.junit.jupiter.api.Assertions.*;

import derivcheck.cas.Cas;
import derivcheck.derive.Attempt;
import derivcheck.derive.Calculus;
import derivcheck.derive.Derivation;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Engine;
import derivcheck.derive.Strategies;
import derivcheck.derive.Strategy;
import derivcheck.expr.Exprs;
import derivcheck.limits.Deadline;
import derivcheck.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: one optimization entry ({@link Optimize}) prepares the problem once and tries the fast
 * paths, then the KKT core; each way keeps its own name in the derivation's `by` and notes, and a
 * problem that is not an optimization problem is declined once, not once per fast path.
 */
class OptimizeEntryTest {
    private static final Engine ENGINE = Engine.standard(Cas.shared());

    private static final String BOX = """
              dim n
              given y : vector[n]
              given lo, hi : real where lo < hi
              find x : vector[n]
              minimize 1/2*||x - y||^2
              subject to lo <= x_i <= hi for all i
            """;

    private static final String NO_CLOSED_FORM = """
              dim n
              given c : vector[n]
              find x : vector[n]
              minimize log(sum(exp(x))) - <c, x> + ||x||^2
            """;

    private static final String NO_OBJECTIVE = """
              given a : real
              let f = a^3
              find grad(f, a)
            """;

    private static List<String> wayNames() { return Optimize.WAYS.stream().map(Strategy::name).toList(); }

    private static long notesOf(Derivation d, String name) {
        return d.notes().stream().filter(n -> n.startsWith(name + ": ")).count();
    }

    @Test
    void theEngineListsOneOptimizationEntryAndNoFastPathBesideIt() {
        List<Strategy> all = Strategies.all();
        assertEquals(1, all.stream().filter(s -> s instanceof Optimize).count(), all::toString);
        assertTrue(all.stream().noneMatch(s -> s instanceof FastPath), "the fast paths are reached through the entry only");
        assertInstanceOf(KktCore.class, Optimize.WAYS.get(Optimize.WAYS.size() - 1), "the general KKT core comes after the fast paths");
    }

    @Test
    void aProblemWithoutAnObjectiveIsDeclinedOnceByTheEntryNotOncePerFastPath() {
        Derivation d = new Engine(Cas.shared(), List.of(new Optimize())).derive(OptimizationStrategyTest.spec(NO_OBJECTIVE));
        assertEquals(Derivation.Status.DECLINED, d.status(), () -> String.join("\n", d.notes()));
        assertEquals(List.of("optimization: declined — there is no objective"), d.notes());
    }

    @Test
    void theFastPathThatAppliesDerivesUnderItsOwnNameAfterEachEarlierOneDeclinedOnce() {
        Derivation d = ENGINE.derive(OptimizationStrategyTest.spec(BOX));
        assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
        assertEquals("separable quadratic over a box (clipping)", d.strategy());
        List<String> names = wayNames();
        for (String earlier : names.subList(0, names.indexOf(d.strategy()))) {
            assertEquals(1, notesOf(d, earlier), () -> earlier + " has one note:\n" + String.join("\n", d.notes()));
        }
        assertEquals(0, notesOf(d, "KKT core (active sets)"), "the core is not tried once a fast path derived");
    }

    @Test
    void theEntryOnItsOwnDeclinesWithEveryWaysReasonOnce() {
        Problem p = OptimizationStrategyTest.spec(NO_CLOSED_FORM);
        Attempt a = new Optimize().attempt(p, ENGINE.context(p));
        assertInstanceOf(Attempt.Declined.class, a, a::toString);
        String reason = ((Attempt.Declined) a).reason();
        for (String name : wayNames()) {
            assertEquals(1, reason.split(java.util.regex.Pattern.quote(name + ": "), -1).length - 1, () -> name + " once in: " + reason);
        }
        assertFalse(reason.contains("there is no objective"), reason);
    }

    @Test
    void aFastPathDerivesTheSameStepsThroughTheEntryAsOnItsOwn() {
        Problem p = OptimizationStrategyTest.spec(BOX);
        Derivation viaEntry = ENGINE.derive(p);
        Attempt alone = new QuadraticOverBox().attempt(p, ENGINE.context(p));
        assertInstanceOf(Attempt.Derived.class, alone, alone::toString);
        assertEquals(((Attempt.Derived) alone).steps(), viaEntry.steps());
        assertEquals(((Attempt.Derived) alone).results(), viaEntry.results());
    }

    @Test
    void thePreparedGradientIsThatOfTheMinimizedObjectiveSoMaximizeIsNegated() {
        Problem p = OptimizationStrategyTest.spec("""
                  dim n
                  given b : vector[n]
                  find x : vector[n]
                  maximize <b, x> - 1/2*||x||^2
                """);
        Optimization q = Optimization.of(p).value().orElseThrow();
        assertTrue(q.maximize());
        assertEquals(Calculus.gradient(Exprs.neg(q.original()), q.unknown()), q.gradient());
        assertTrue(q.kkt().affine().isEmpty() && q.kkt().unsupported().isEmpty());
        assertEquals("it optimizes over 2 unknowns jointly", Optimization.of(OptimizationStrategyTest.spec("""
                  given a : real
                  find x : real
                  find y : real
                  minimize (x - a)^2 + y^2
                """)).whyNot());
    }

    @Test
    void aWayStoppedByTheDeadlineIsReportedUnderItsOwnName() {
        Strategy twoWays = new Strategy() {
            @Override public String name() { return "entry"; }

            @Override public Attempt attempt(Problem p, DeriveContext c) { throw new AssertionError("the engine runs the ways"); }

            @Override public List<Way> ways(Problem p, DeriveContext c) {
                return List.of(new Way("first way", () -> Attempt.declined("not this shape")),
                        new Way("second way", () -> { throw new Deadline.Expired(Deadline.within(java.time.Duration.ofSeconds(1))); }));
            }
        };
        Derivation d = new Engine(Cas.shared(), List.of(twoWays)).derive(OptimizationStrategyTest.spec(BOX));
        assertEquals(Derivation.Status.UNDECIDED, d.status());
        assertEquals("second way", d.strategy());
        assertEquals("first way: declined — not this shape", d.notes().get(0));
        assertTrue(d.notes().get(1).startsWith("second way: undecided — time limit"), d.notes()::toString);
    }
}
