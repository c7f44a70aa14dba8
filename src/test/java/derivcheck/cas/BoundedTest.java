package derivcheck.cas;

import static derivcheck.cas.Ex.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class BoundedTest {
    private static final long SLACK_MS = 1500;

    private static long millisSince(long t0) { return (System.nanoTime() - t0) / 1_000_000; }

    private static Expr sumOfSymbols(int count) {
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < count; i++) terms.add(mul(n(i + 1), x("s" + i)));
        return add(terms.toArray(new Expr[0]));
    }

    @Test @Timeout(60)
    void aHugeInputIsRefusedByTheSizeGuardWithoutEvaluating() {
        try (Cas cas = new Cas()) {
            cas.simplify(x("warm"));
            long t0 = System.nanoTime();
            Outcome<Expr> o = cas.simplify(sumOfSymbols(2000));
            assertFalse(o.isDone());
            assertTrue(o.reason().orElseThrow().contains("too large"), o.toString());
            assertTrue(millisSince(t0) < 30_000, "hang guard only: took " + millisSince(t0) + " ms");
        }
    }

    @Test @Timeout(60)
    void aRunawayExpansionHitsSymjasSizeGuardQuickly() {
        try (Cas cas = new Cas()) {
            cas.simplify(x("warm"));
            long t0 = System.nanoTime();
            Outcome<Expr> o = cas.expand(pow(add(x("a"), x("b"), x("c"), x("d"), x("e")), n(25)));
            assertFalse(o.isDone());
            assertTrue(o.reason().orElseThrow().contains("size guard"), o.toString());
            assertTrue(millisSince(t0) < 30_000, "hang guard only: took " + millisSince(t0) + " ms");
        }
    }

    @Test @Timeout(60)
    void aSlowSymjaCallReturnsUndecidedWithinItsTimeLimit() {
        Duration limit = Duration.ofMillis(50);
        try (Cas cas = new Cas(limit)) {
            Sym a = x("a"), b = x("b"), c = x("c");
            cas.simplify(x("warm"));
            // factoring an expanded (a+b+c+1)^7 takes Symja about 0.4 s (2 cores, 2025)
            Expr poly = pow(add(a, b, c, n(1)), n(7));
            Outcome<Expr> expanded;
            try (Cas roomy = new Cas()) { expanded = roomy.expand(poly); }
            assertTrue(expanded.isDone(), expanded.toString());
            long t0 = System.nanoTime();
            Outcome<Expr> o = cas.factor(expanded.orElse(null));
            long took = millisSince(t0);
            assertFalse(o.isDone(), "factor finished within 50 ms: " + o);
            assertTrue(o.reason().orElseThrow().contains("time limit"), o.toString());
            assertTrue(took < limit.toMillis() + SLACK_MS, "took " + took + " ms");
            // the instance is still usable afterwards
            assertEquals(Outcome.done(mul(n(2), a)), cas.simplify(add(a, a)));
        }
    }

    @Test @Timeout(60)
    void aTaskThatIgnoresStopRequestsIsAbandonedAndTheNextCallWorks() {
        Duration limit = Duration.ofMillis(200);
        try (Cas cas = new Cas(limit)) {
            long t0 = System.nanoTime();
            Outcome<Integer> o = cas.call("busy loop", engine -> {
                long until = System.nanoTime() + 5_000_000_000L;
                long spins = 0;
                while (System.nanoTime() < until) spins++; // ignores interrupts and stop requests
                return Outcome.done((int) spins);
            });
            long took = millisSince(t0);
            assertFalse(o.isDone());
            assertTrue(took < limit.toMillis() + BoundedRunner.GRACE.toMillis() + SLACK_MS, "took " + took + " ms");
            assertEquals(1, cas.runner().abandonedThreads());
            Sym a = x("a");
            assertEquals(Outcome.done(mul(n(3), a)), cas.simplify(add(a, a, a)));
        }
    }

    @Test @Timeout(60)
    void aFailureInsideACallBecomesUndecidedInsteadOfAnException() {
        try (Cas cas = new Cas()) {
            Outcome<Object> o = cas.call("failing", engine -> { throw new IllegalStateException("boom"); });
            assertFalse(o.isDone());
            assertTrue(o.reason().orElseThrow().contains("boom"), o.toString());
            Outcome<Object> deep = cas.call("deep", engine -> { throw new StackOverflowError(); });
            assertTrue(deep.reason().orElseThrow().contains("stack"), deep.toString());
        }
    }

    @Test @Timeout(60)
    void aClosedCasAnswersUndecided() {
        Cas cas = new Cas();
        cas.close();
        assertFalse(cas.simplify(x("a")).isDone());
    }
}
