package derivcheck.limits;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WatchdogTest {
    @Test @Timeout(30)
    void workThatBeatsReturnsItsValueWithTheCallersDeadlineEntered() {
        Deadline d = Deadline.within(Duration.ofSeconds(20));
        try (Deadline.Scope s = d.enter()) {
            Deadline seen = Watchdog.run("probe", Duration.ofSeconds(5), beat -> { beat.beat(); return Deadline.current(); });
            assertSame(d, seen);
        }
    }

    @Test @Timeout(30)
    void aLoopThatNeverBeatsAndIgnoresInterruptsIsGivenUpAfterTheStallLimit() {
        AtomicBoolean stop = new AtomicBoolean();
        int before = Watchdog.abandoned();
        try {
            Watchdog.Stalled e = assertThrows(Watchdog.Stalled.class, () -> Watchdog.run("spin", Duration.ofMillis(200), beat -> {
                long spins = 0;
                while (!stop.get()) spins++; // ignores interruption, like BOBYQA's trust-region loop
                return spins;
            }));
            assertTrue(e.getMessage().contains("spin made no progress"), e.getMessage());
            assertEquals(before + 1, Watchdog.abandoned());
        } finally {
            stop.set(true);
        }
    }

    @Test @Timeout(30)
    void theCallersDeadlineEndsAWaitEvenWhileTheWorkKeepsBeating() {
        AtomicBoolean stop = new AtomicBoolean();
        try (Deadline.Scope s = Deadline.within(Duration.ofMillis(300)).enter()) {
            assertThrows(Deadline.Expired.class, () -> Watchdog.run("busy", Duration.ofSeconds(10), beat -> {
                while (!stop.get()) beat.beat();
                return 0;
            }));
        } finally {
            stop.set(true);
        }
    }

    /** The thread of the watched work now running, found by its name. */
    private static Thread worker() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("derivcheck-watched-"))
                .filter(Thread::isAlive).findFirst().orElse(null);
    }

    @Test @Timeout(30)
    void aStalledLoopThatIgnoresInterruptsStopsBurningCpuSoonAfterItIsGivenUp() throws Exception {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Thread> spinner = new java.util.concurrent.atomic.AtomicReference<>();
        int stoppedBefore = Watchdog.stopped();
        try {
            assertThrows(Watchdog.Stalled.class, () -> Watchdog.run("spin", Duration.ofMillis(200), beat -> {
                spinner.set(Thread.currentThread());
                double x = 0;
                while (!stop.get()) x = Math.sin(x) + 1; // no beat, no deadline check, interrupts ignored
                return x;
            }));
            Thread t = spinner.get();
            t.join(Watchdog.GRACE.toMillis() + 3000);
            assertFalse(t.isAlive(), "the abandoned thread still runs " + (Watchdog.GRACE.toMillis() + 3000) + " ms after it was given up");
            assertEquals(stoppedBefore + 1, Watchdog.stopped());
            assertNull(worker(), "no watched thread is left running");
            assertTrue(mx.getThreadCpuTime(t.getId()) == -1, "a stopped thread uses no more CPU");
        } finally {
            stop.set(true);
        }
    }

    @Test @Timeout(30)
    void workThatChecksTheDeadlineEndsByItselfAndIsNotStopped() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Thread> worker = new java.util.concurrent.atomic.AtomicReference<>();
        int stoppedBefore = Watchdog.stopped();
        try (Deadline.Scope s = Deadline.within(Duration.ofMillis(300)).enter()) {
            assertThrows(Deadline.Expired.class, () -> Watchdog.run("evaluating", Duration.ofSeconds(10), beat -> {
                worker.set(Thread.currentThread());
                while (true) { Deadline.current().check(); beat.beat(); }
            }));
        }
        worker.get().join(Watchdog.GRACE.toMillis());
        assertFalse(worker.get().isAlive());
        Thread.sleep(Watchdog.GRACE.toMillis() + 200);
        assertEquals(stoppedBefore, Watchdog.stopped(), "a thread that ended by itself is not stopped");
    }

    @Test @Timeout(30)
    void anExceptionOfTheWorkReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Watchdog.run("failing", Duration.ofSeconds(5), beat -> { throw new IllegalStateException("boom"); }));
        assertEquals("boom", e.getMessage());
    }
}
