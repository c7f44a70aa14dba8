package derivcheck.cas;

import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Sym;

import java.time.Duration;
import java.util.List;

/**
 * The computer-algebra facade, the only door to Symja. Scalars only: vectors and matrices stay
 * in our own algebra, and every non-scalar-algebra subexpression of a scalar (a norm, an inner
 * product, an entry, a sum, an expectation, a piecewise value, ...) crosses as an opaque atom and
 * comes back as the same Expr. Nothing is ever parsed from text.
 *
 * <p>Every operation runs on this instance's own daemon thread and engine with a time limit
 * (default {@link #DEFAULT_TIME_LIMIT}), capped by what is left of the calling thread's
 * {@link derivcheck.limits.Deadline} (the budget of the whole answer or problem); a hit limit, a size guard, a Symja failure or a result
 * with a function outside our whitelist is an {@link Outcome.Undecided}, never an exception or a
 * hang. Calls on one instance are serialized; use one instance per thread for parallel work. The
 * first call of a new instance pays for starting an engine (about 3 s in a fresh JVM, about 0.2 s
 * after that); this start is not counted against the time limit.
 */
public final class Cas implements AutoCloseable {
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    private final BoundedRunner runner = new BoundedRunner();
    private final Duration timeLimit;

    public Cas() { this(DEFAULT_TIME_LIMIT); }

    public Cas(Duration timeLimit) {
        if (timeLimit.isNegative() || timeLimit.isZero()) throw new IllegalArgumentException("time limit must be positive");
        SymjaRuntime.ensureStarted();
        this.timeLimit = timeLimit;
    }

    private static final class Shared {
        static final Cas INSTANCE = new Cas();
    }

    /** One process-wide instance with the default limit (never closed). */
    public static Cas shared() { return Shared.INSTANCE; }

    public Duration timeLimit() { return timeLimit; }

    /**
     * Starts the engine thread now (a cold start costs about 3 s), so that the first item's
     * budget is not spent on it. Optional: the first call starts it otherwise.
     */
    public void warmUp() { runner.warmUp(); }

    /** Simplify under the assumptions (every symbol is real in any case). */
    public Outcome<Expr> simplify(Expr e, Assumptions assumptions) {
        return call("simplify", engine -> Rewrites.run(engine, Rewrites.Kind.SIMPLIFY, e, assumptions));
    }

    public Outcome<Expr> simplify(Expr e) { return simplify(e, Assumptions.NONE); }

    /** Multiply out products and powers. */
    public Outcome<Expr> expand(Expr e) {
        return call("expand", engine -> Rewrites.run(engine, Rewrites.Kind.EXPAND, e, Assumptions.NONE));
    }

    /** Put over one common denominator. */
    public Outcome<Expr> together(Expr e) {
        return call("together", engine -> Rewrites.run(engine, Rewrites.Kind.TOGETHER, e, Assumptions.NONE));
    }

    /** Cancel common factors of numerator and denominator. */
    public Outcome<Expr> cancel(Expr e) {
        return call("cancel", engine -> Rewrites.run(engine, Rewrites.Kind.CANCEL, e, Assumptions.NONE));
    }

    /** Factor over the rationals. */
    public Outcome<Expr> factor(Expr e) {
        return call("factor", engine -> Rewrites.run(engine, Rewrites.Kind.FACTOR, e, Assumptions.NONE));
    }

    /** Whether e is 0 for every value allowed by the assumptions: ZERO, NONZERO or UNKNOWN. */
    public Outcome<ZeroTest> isZero(Expr e, Assumptions assumptions) {
        return call("zero test", engine -> ZeroTester.run(engine, e, assumptions));
    }

    /** {@link #isZero} of {@code a - b}. */
    public Outcome<ZeroTest> isEqual(Expr a, Expr b, Assumptions assumptions) {
        if (!a.isScalar() || !b.isScalar()) return Outcome.undecided("zero test: only scalars can be compared");
        Expr difference = new Add(List.of(a, new Mul(List.of(Num.MINUS_ONE, b), Pos.NONE)), Pos.NONE);
        return isZero(difference, assumptions);
    }

    /**
     * The real solutions of {@code lhs = rhs} for the scalar {@code unknown} (an empty list: none).
     * Solutions that provably violate a stated fact about the unknown are dropped.
     */
    public Outcome<List<Expr>> solve(Expr lhs, Expr rhs, Sym unknown, Assumptions assumptions) {
        return call("solve", engine -> Solver.run(engine, lhs, rhs, unknown, assumptions));
    }

    /** The sign of a scalar expression as far as it can be proven under the assumptions. */
    public Outcome<Sign> sign(Expr e, Assumptions assumptions) {
        return call("sign", engine -> SignDecider.run(engine, e, assumptions));
    }

    /** Translate to Symja and back without evaluating (for tests of the crossing). */
    Outcome<Expr> roundTrip(Expr e) {
        return call("round trip", engine -> {
            Translation t = new Translation();
            return Outcome.done(t.back(t.scalar(e)));
        });
    }

    /** Runs any work on this instance's engine thread with this instance's time limit. */
    <T> Outcome<T> call(String what, BoundedRunner.Task<T> task) {
        return runner.run(what, timeLimit, task);
    }

    BoundedRunner runner() { return runner; }

    /** Stops the engine thread. A closed instance answers Undecided. */
    @Override
    public void close() { runner.close(); }
}
