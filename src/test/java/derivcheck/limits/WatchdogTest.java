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

    @Test @Timeout(30)
    void anExceptionOfTheWorkReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Watchdog.run("failing", Duration.ofSeconds(5), beat -> { throw new IllegalStateException("boom"); }));
        assertEquals("boom", e.getMessage());
    }
}
