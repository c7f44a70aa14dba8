package derivcheck.limits;

import java.time.Duration;

/**
 * A wall-clock budget for one piece of work as a whole (one answer, one problem), shared by every
 * stage that works on it: reading, symbolic, numeric and re-solve work together. Stages check it
 * cooperatively ({@link #check()} throws {@link Expired}) and size their own per-call limits from
 * {@link #remaining()}. The deadline of the running thread is kept in a scoped thread-local, so a
 * numeric optimizer's objective can check it without being passed it.
 *
 * <pre>
 *   try (Deadline.Scope s = Deadline.within(Duration.ofSeconds(5)).enter()) {
 *       ... Deadline.current().check(); ...
 *   } catch (Deadline.Expired e) { ... undecided (time limit) ... }
 * </pre>
 *
 * Immutable; {@link #NONE} never expires.
 */
public final class Deadline {
    /** A deadline that never expires (the default outside any scope). */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ZERO);

    private static final ThreadLocal<Deadline> CURRENT = ThreadLocal.withInitial(() -> NONE);

    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    /** A deadline {@code budget} from now. */
    public static Deadline within(Duration budget) {
        if (budget.isNegative() || budget.isZero()) throw new IllegalArgumentException("a time budget must be positive");
        long now = System.nanoTime();
        long nanos = budget.toNanos();
        long end = Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE : now + nanos;
        return new Deadline(end, budget);
    }

    /** The deadline of this thread's innermost scope ({@link #NONE} outside any). */
    public static Deadline current() { return CURRENT.get(); }

    /** The earlier of this deadline and {@code budget} from now: a per-call limit inside a whole budget. */
    public Deadline child(Duration budget) {
        Deadline d = within(budget);
        return d.endNanos < endNanos ? d : this;
    }

    /** Is this a real limit? */
    public boolean bounded() { return endNanos != Long.MAX_VALUE; }

    /** The whole budget this deadline was made with (zero for {@link #NONE}). */
    public Duration budget() { return budget; }

    public boolean expired() { return bounded() && System.nanoTime() - endNanos >= 0; }

    /** Time left (zero when expired; a very long time for {@link #NONE}). */
    public Duration remaining() {
        if (!bounded()) return Duration.ofDays(365);
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** The smaller of {@code limit} and the time left: the limit to give one call inside this budget. */
    public Duration cap(Duration limit) {
        Duration r = remaining();
        return r.compareTo(limit) < 0 ? r : limit;
    }

    /** Throws {@link Expired} when the deadline has passed (or the thread was interrupted). */
    public void check() {
        if (expired()) throw new Expired(this);
        if (Thread.currentThread().isInterrupted()) throw new Expired(this);
    }

    /** Makes this the running thread's deadline until the scope is closed. */
    public Scope enter() {
        Deadline previous = CURRENT.get();
        CURRENT.set(this);
        return () -> CURRENT.set(previous);
    }

    /** Restores the previous deadline of the thread. */
    public interface Scope extends AutoCloseable {
        @Override void close();
    }

    /** The budget is used up; caught at an item boundary and reported as {@code undecided (time limit)}. */
    public static final class Expired extends RuntimeException {
        private final transient Deadline deadline;

        public Expired(Deadline deadline) {
            super("time limit of " + seconds(deadline.budget()) + " hit", null, false, false);
            this.deadline = deadline;
        }

        public Deadline deadline() { return deadline; }
    }

    /** "2 s", "0.5 s". */
    public static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return (s == Math.rint(s) ? Long.toString((long) s) : String.format(java.util.Locale.ROOT, "%.3g", s)) + " s";
    }
}
