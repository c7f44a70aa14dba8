package derivcheck.limits;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work that may ignore interruption (a library loop that never calls back) where it can be
 * abandoned: on a fresh daemon thread that has the caller's {@link Deadline} entered, while the
 * caller waits. The work reports progress through a {@link Heartbeat}; the caller gives up when
 * the deadline passes ({@link Deadline.Expired}) or when no heartbeat came for the stall limit
 * ({@link Stalled}). A thread given up on is interrupted and its result dropped; one that is still
 * running {@link #GRACE} later (a loop that neither evaluates nor looks at interruption) is stopped,
 * so that it does not keep burning a core. {@link #abandoned()} and {@link #stopped()} count them.
 */
public final class Watchdog {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final AtomicInteger ABANDONED = new AtomicInteger();
    private static final long STACK_BYTES = 16L << 20;

    private Watchdog() {}

    /** Progress reports of one piece of work: {@link #beat()} whenever it gets on. */
    public static final class Heartbeat {
        private final AtomicLong last = new AtomicLong(System.nanoTime());

        public void beat() { last.lazySet(System.nanoTime()); }

        long quietNanos() { return System.nanoTime() - last.get(); }
    }

    /** The work made no progress for the stall limit and was given up. */
    public static final class Stalled extends RuntimeException {
        public Stalled(String what, Duration limit) {
            super(what + " made no progress for " + Deadline.seconds(limit), null, false, false);
        }
    }

    /** Work that beats its heartbeat. */
    @FunctionalInterface
    public interface Task<T> {
        T run(Heartbeat beat) throws Exception;
    }

    /**
     * Runs the task and returns its result. Throws {@link Deadline.Expired} when the caller's
     * deadline passes first, {@link Stalled} when no heartbeat came for {@code stall}, and rethrows
     * whatever runtime exception or error the task threw.
     */
    public static <T> T run(String what, Duration stall, Task<T> task) {
        Deadline deadline = Deadline.current();
        Heartbeat beat = new Heartbeat();
        AtomicReference<Object> outcome = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(null, () -> {
            try (Deadline.Scope s = deadline.enter()) {
                outcome.set(new Result(task.run(beat)));
            } catch (Throwable e) {
                outcome.set(e);
            } finally {
                done.countDown();
            }
        }, "derivcheck-watched-" + THREADS.incrementAndGet(), STACK_BYTES);
        t.setDaemon(true);
        t.start();
        long poll = Math.max(1, Math.min(stall.toMillis() / 4, 50));
        try {
            while (!done.await(poll, TimeUnit.MILLISECONDS)) {
                if (deadline.expired()) { giveUp(t); throw new Deadline.Expired(deadline); }
                if (beat.quietNanos() > stall.toNanos()) { giveUp(t); throw new Stalled(what, stall); }
            }
        } catch (InterruptedException e) {
            giveUp(t);
            Thread.currentThread().interrupt();
            throw new Deadline.Expired(deadline);
        }
        Object o = outcome.get();
        if (o instanceof Result r) {
            @SuppressWarnings("unchecked") T v = (T) r.value();
            return v;
        }
        if (o instanceof RuntimeException e) throw e;
        if (o instanceof Error e) throw e;
        throw new IllegalStateException(what + " failed: " + o, (Throwable) o);
    }

    private record Result(Object value) {}

    private static void giveUp(Thread t) {
        t.interrupt();
        ABANDONED.incrementAndGet();
        REAPER.schedule(() -> reap(t), GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * How long a thread given up on has to end by itself: work that evaluates anything checks the
     * deadline there and ends at once. One still running after this is in a loop that calls nothing
     * of ours (BOBYQA's trsbox) and would burn a core until the process exits: it is stopped.
     */
    static final Duration GRACE = Duration.ofMillis(500);

    private static final java.util.concurrent.ScheduledExecutorService REAPER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "derivcheck-watchdog-reaper");
                t.setDaemon(true);
                return t;
            });

    private static final AtomicInteger STOPPED = new AtomicInteger();

    /**
     * Stops an abandoned thread that did not end within {@link #GRACE}. Thread.stop is safe enough here:
     * the thread runs pure arithmetic on objects only it can reach (its result is dropped), and it is
     * past any class initialisation by then. Where the JDK no longer supports it, the thread is left
     * (a daemon, bounded by nothing but the process).
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void reap(Thread t) {
        if (!t.isAlive()) return;
        STOPPED.incrementAndGet();
        try {
            t.stop();
        } catch (UnsupportedOperationException | SecurityException e) {
            STOPPED.decrementAndGet(); // JDK 20+: cannot be stopped; it stays a daemon
        }
    }

    /** How many threads were given up on in this process (they end by themselves, or are stopped after {@link #GRACE}). */
    public static int abandoned() { return ABANDONED.get(); }

    /** How many abandoned threads had to be stopped (they ignored both the deadline and interruption). */
    public static int stopped() { return STOPPED.get(); }
}
