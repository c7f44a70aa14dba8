package derivcheck.serve;

import derivcheck.limits.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A small fixed pool for the symbolic work. Each worker is one daemon thread that owns its
 * {@link Checking} (its own computer-algebra engine, which is single-threaded, and one checker per
 * exercise), so no two requests share an engine. Jobs wait in one bounded queue (a full queue is
 * "busy", never an unbounded backlog); a job runs inside its request's {@link Deadline}, and a job
 * whose request already gave up is dropped before it starts. An idle worker warms the exercises
 * (derives them once) so that the first student of each does not wait for it.
 */
final class Workers implements AutoCloseable {
    private final BlockingQueue<FutureTask<?>> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Checking> checkings = new ArrayList<>();
    private volatile boolean closed;

    /** A job on one worker's own checking engine. */
    interface Job<T> {
        T run(Checking checking) throws Exception;
    }

    Workers(int count, int queueCapacity, Supplier<Checking> make, List<Exercise> warmUp) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        for (int i = 0; i < count; i++) {
            Checking c = make.get();
            checkings.add(c);
            ConcurrentLinkedQueue<Exercise> todo = new ConcurrentLinkedQueue<>(warmUp);
            Thread t = new Thread(() -> loop(c, todo), "derivcheck-serve-worker-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private final ThreadLocal<Checking> own = new ThreadLocal<>();

    private void loop(Checking checking, ConcurrentLinkedQueue<Exercise> warmUp) {
        own.set(checking);
        while (!closed) {
            try {
                FutureTask<?> job = queue.poll();
                if (job == null) {
                    Exercise next = warmUp.poll();
                    if (next != null) {
                        warm(checking, next);
                        continue;
                    }
                    job = queue.poll(1, TimeUnit.SECONDS);
                    if (job == null) continue;
                }
                job.run();
                Thread.interrupted(); // a cancelled job's interrupt must not reach the next one
            } catch (InterruptedException e) {
                if (closed) return;
            } catch (RuntimeException | Error e) {
                // a job's own failure is its future's; the worker goes on
            }
        }
    }

    private static void warm(Checking checking, Exercise ex) {
        try (Deadline.Scope s = Deadline.within(java.time.Duration.ofSeconds(60)).enter()) {
            checking.warm(ex);
        } catch (RuntimeException e) {
            // warming is an optimization: a failure leaves the derivation to the first request
        }
    }

    /**
     * Queues a job to run within {@code deadline}; null when the queue is full. The caller waits on
     * the future for at most the deadline's remaining time and cancels it after that.
     */
    <T> Future<T> submit(Deadline deadline, Job<T> job) {
        Callable<T> call = () -> {
            deadline.check();
            try (Deadline.Scope s = deadline.enter()) {
                return job.run(own.get());
            }
        };
        FutureTask<T> task = new FutureTask<>(call);
        return queue.offer(task) ? task : null;
    }

    int size() { return threads.size(); }

    @Override public void close() {
        closed = true;
        for (Thread t : threads) t.interrupt();
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        checkings.forEach(Checking::close);
    }
}
