package derivcheck.cas;

import derivcheck.limits.Deadline;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.ISymbol;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs Symja work on one daemon thread that owns one evaluation engine (Symja engines are
 * thread-local, and the first one costs seconds, so it is made once and reused), with a time limit
 * per call.
 *
 * <p>On a time limit: {@code engine.stopRequest()} and {@code future.cancel(true)} (Symja checks
 * both the stop flag and the interrupt flag between evaluation steps). If the task still has not
 * returned after a short grace period (a plain-Java loop inside Symja ignores both), the thread and
 * its engine are abandoned, as daemons they cannot keep the JVM alive, and the next call starts a
 * fresh thread and engine. Calls are serialized: a stop request can only hit the call it was meant
 * for. Nothing here throws for a Symja failure; everything becomes {@link Outcome.Undecided}.
 */
final class BoundedRunner implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** How long to wait for the engine itself (class loading, the first evaluation). */
    static final Duration START_LIMIT = Duration.ofSeconds(60);
    /** How long a stopped task may take to notice the stop before its thread is abandoned. */
    static final Duration GRACE = Duration.ofMillis(500);
    private static final long STACK_BYTES = 16L << 20;

    private ExecutorService executor;
    private volatile EvalEngine engine;
    private boolean closed;
    private int abandoned;

    /** Work for the engine thread; may throw anything, which becomes Undecided. */
    interface Task<T> {
        Outcome<T> run(EvalEngine engine) throws Exception;
    }

    /**
     * Runs one call with the smaller of {@code limit} and the time left of the calling thread's
     * {@link Deadline} (the budget of the whole item); with no time left it does not start.
     */
    synchronized <T> Outcome<T> run(String what, Duration limit, Task<T> task) {
        if (closed) return Outcome.undecided("the CAS is closed");
        Outcome<Boolean> ready = start();
        if (ready instanceof Outcome.Undecided<Boolean> u) return Outcome.undecided(u.why());
        Deadline deadline = Deadline.current();
        Duration capped = deadline.cap(limit);
        if (capped.isZero() || deadline.expired()) {
            return Outcome.undecided(what + ": time limit of " + Deadline.seconds(deadline.budget()) + " hit");
        }
        return submit(what, capped, task);
    }

    /** Starts the engine now, outside any item's budget (a cold start costs seconds). */
    synchronized Outcome<Boolean> warmUp() {
        if (closed) return Outcome.undecided("the CAS is closed");
        return start();
    }

    private <T> Outcome<T> submit(String what, Duration limit, Task<T> task) {
        CountDownLatch finished = new CountDownLatch(1);
        EvalEngine eng = engine;
        Future<Outcome<T>> future = executor.submit(() -> {
            try {
                EvalEngine.setReset(eng);
                return task.run(eng);
            } catch (Unsupported u) {
                return Outcome.<T>undecided(what + ": " + u.getMessage());
            } finally {
                finished.countDown();
            }
        });
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(eng, future, finished);
            return Outcome.undecided(what + ": time limit of " + seconds(limit) + " hit");
        } catch (InterruptedException e) {
            stop(eng, future, finished);
            Thread.currentThread().interrupt();
            return Outcome.undecided(what + ": interrupted");
        } catch (CancellationException e) {
            return Outcome.undecided(what + ": cancelled");
        } catch (ExecutionException e) {
            return Outcome.undecided(what + ": " + failure(e.getCause()));
        }
    }

    private void stop(EvalEngine eng, Future<?> future, CountDownLatch finished) {
        eng.stopRequest();
        future.cancel(true);
        boolean done;
        try {
            done = finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) abandon();
    }

    /** Leaves a stuck daemon thread behind; the next call starts afresh. */
    private void abandon() {
        abandoned++;
        executor.shutdownNow();
        executor = null;
        engine = null;
    }

    /** Creates the thread and the engine if needed; not counted against a call's time limit. */
    private Outcome<Boolean> start() {
        if (executor != null && engine != null) return Outcome.done(true);
        SymjaRuntime.ensureStarted();
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "derivcheck-cas-" + THREADS.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        Future<EvalEngine> f = executor.submit(() -> {
            EvalEngine e = SymjaRuntime.newEngine();
            warmUp(e);
            return e;
        });
        try {
            engine = f.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.done(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            abandon();
            return Outcome.undecided("interrupted while starting Symja");
        } catch (TimeoutException e) {
            f.cancel(true);
            abandon();
            return Outcome.undecided("Symja did not start within " + seconds(START_LIMIT));
        } catch (ExecutionException e) {
            abandon();
            return Outcome.undecided("Symja did not start: " + failure(e.getCause()));
        }
    }

    /** How many stuck threads were given up (for tests). */
    synchronized int abandonedThreads() { return abandoned; }

    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) executor.shutdownNow();
        executor = null;
        engine = null;
    }

    static String failure(Throwable t) {
        if (t == null) return "Symja failed";
        String name = t.getClass().getSimpleName();
        if (t instanceof StackOverflowError) return "Symja ran out of stack";
        if (t instanceof OutOfMemoryError) return "Symja ran out of memory";
        if (name.contains("LimitExceeded")) return "size guard hit (" + name + ")";
        if (name.contains("Timeout") || name.contains("TimedOut")) return "Symja stopped (" + name + ")";
        String m = t.getMessage();
        return "Symja failed (" + name + (m == null || m.isBlank() ? "" : ": " + abbreviate(m)) + ")";
    }

    private static String abbreviate(String s) {
        s = s.replace('\n', ' ');
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    /** Touches the common paths once so that the first real call does not pay for class loading. */
    private static void warmUp(EvalEngine e) {
        ISymbol x = F.Dummy("w$1");
        e.evaluate(F.Simplify(F.Plus(x, x), F.Greater(x, F.C0)));
    }
}
