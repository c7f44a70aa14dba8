package derivcheck.derive.scalar;

import derivcheck.cas.Assumptions;
import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Expr;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import java.util.Optional;

/**
 * Interval bounds of a scalar with rational ends, from the facts about its symbols and the
 * ranges of bounded functions (sigmoid in (0, 1), tanh in (-1, 1), exp in (0, inf)), by interval
 * arithmetic. It proves what the CAS misses: 1 - sigmoid(z) > 0, 1 - x > 0 for x in (0, 1).
 */
final class Ranges {
    private Ranges() {}

    /** One end of an interval: absent is infinite; open excludes the bound. */
    record End(Optional<Rational> value, boolean open) {
        static final End INFINITE = new End(Optional.empty(), true);
        static End closed(Rational r) { return new End(Optional.of(r), false); }
        static End open(Rational r) { return new End(Optional.of(r), true); }
    }

    /** {@code lo .. hi}; a whole-line interval says nothing. */
    record Interval(End lo, End hi) {
        static final Interval LINE = new Interval(End.INFINITE, End.INFINITE);

        boolean positive() {
            return lo.value().isPresent() && (lo.value().get().signum() > 0 || lo.value().get().signum() == 0 && lo.open());
        }

        boolean negative() {
            return hi.value().isPresent() && (hi.value().get().signum() < 0 || hi.value().get().signum() == 0 && hi.open());
        }

        boolean nonnegative() { return lo.value().isPresent() && lo.value().get().signum() >= 0; }
    }

    static Interval of(Expr e, Assumptions facts) {
        if (e instanceof Num n) return new Interval(End.closed(n.value()), End.closed(n.value()));
        if (e instanceof Apply a && a.args().size() == 1 && a.fn() instanceof derivcheck.expr.Builtin b) {
            switch (b) {
                case SIGMOID: return new Interval(End.open(Rational.ZERO), End.open(Rational.ONE));
                case TANH: return new Interval(End.open(Rational.MINUS_ONE), End.open(Rational.ONE));
                case EXP: case SOFTPLUS: return new Interval(End.open(Rational.ZERO), End.INFINITE);
                case COSH: return new Interval(End.closed(Rational.ONE), End.INFINITE);
                default: break;
            }
        }
        if (e instanceof Add a) {
            Interval sum = new Interval(End.closed(Rational.ZERO), End.closed(Rational.ZERO));
            for (Expr t : a.terms()) sum = plus(sum, of(t, facts));
            return sum;
        }
        if (e instanceof Mul m) {
            Interval product = new Interval(End.closed(Rational.ONE), End.closed(Rational.ONE));
            for (Expr f : m.factors()) {
                product = times(product, of(f, facts));
                if (product.equals(Interval.LINE)) return fromFacts(e, facts);
            }
            return product;
        }
        if (e instanceof Pow p && p.exponent() instanceof Num k && k.value().equals(Rational.MINUS_ONE)) {
            Interval b = of(p.base(), facts);
            if (b.positive()) return inverse(b);
        }
        return fromFacts(e, facts);
    }

    /** The facts stated about e itself (a symbol, or any scalar the spec bounds). */
    private static Interval fromFacts(Expr e, Assumptions facts) {
        End lo = End.INFINITE, hi = End.INFINITE;
        for (Assumptions.Fact f : facts.about(e)) {
            switch (f.kind()) {
                case GREATER -> lo = tighterLo(lo, End.open(f.bound()));
                case GREATER_EQUAL -> lo = tighterLo(lo, End.closed(f.bound()));
                case LESS -> hi = tighterHi(hi, End.open(f.bound()));
                case LESS_EQUAL -> hi = tighterHi(hi, End.closed(f.bound()));
                case EQUAL -> { lo = End.closed(f.bound()); hi = End.closed(f.bound()); }
                default -> { }
            }
        }
        return new Interval(lo, hi);
    }

    private static End tighterLo(End a, End b) {
        if (a.value().isEmpty()) return b;
        int c = a.value().get().compareTo(b.value().get());
        return c > 0 || c == 0 && a.open() ? a : b;
    }

    private static End tighterHi(End a, End b) {
        if (a.value().isEmpty()) return b;
        int c = a.value().get().compareTo(b.value().get());
        return c < 0 || c == 0 && a.open() ? a : b;
    }

    private static End plusEnd(End a, End b) {
        if (a.value().isEmpty() || b.value().isEmpty()) return End.INFINITE;
        return new End(Optional.of(a.value().get().plus(b.value().get())), a.open() || b.open());
    }

    private static Interval plus(Interval a, Interval b) {
        return new Interval(plusEnd(a.lo(), b.lo()), plusEnd(a.hi(), b.hi()));
    }

    /** Products where the sign of each factor is fixed (a constant, or an interval on one side of 0). */
    private static Interval times(Interval a, Interval b) {
        if (constant(a).isPresent()) return scale(b, constant(a).get());
        if (constant(b).isPresent()) return scale(a, constant(b).get());
        if (a.nonnegative() && b.nonnegative()) {
            return new Interval(timesEnd(a.lo(), b.lo()), timesEnd(a.hi(), b.hi()));
        }
        return Interval.LINE;
    }

    private static End timesEnd(End a, End b) {
        if (a.value().isEmpty() || b.value().isEmpty()) return End.INFINITE;
        // a product is attained when both ends are, or when one of them is an attained 0
        boolean attainedZero = !a.open() && a.value().get().isZero() || !b.open() && b.value().get().isZero();
        return new End(Optional.of(a.value().get().times(b.value().get())), !attainedZero && (a.open() || b.open()));
    }

    private static Optional<Rational> constant(Interval a) {
        if (a.lo().value().isPresent() && !a.lo().open() && a.lo().value().equals(a.hi().value()) && !a.hi().open()) {
            return a.lo().value();
        }
        return Optional.empty();
    }

    private static Interval scale(Interval a, Rational c) {
        if (c.isZero()) return new Interval(End.closed(Rational.ZERO), End.closed(Rational.ZERO));
        End lo = scaleEnd(a.lo(), c), hi = scaleEnd(a.hi(), c);
        return c.signum() > 0 ? new Interval(lo, hi) : new Interval(hi, lo);
    }

    private static End scaleEnd(End e, Rational c) {
        return e.value().isEmpty() ? End.INFINITE : new End(Optional.of(e.value().get().times(c)), e.open());
    }

    /** 1/[lo, hi] for 0 < lo: [1/hi, 1/lo] (an infinite hi gives an open 0). */
    private static Interval inverse(Interval b) {
        End lo = b.hi().value().isEmpty() ? End.open(Rational.ZERO) : new End(Optional.of(b.hi().value().get().inverse()), b.hi().open());
        End hi = b.lo().value().get().signum() == 0 ? End.INFINITE : new End(Optional.of(b.lo().value().get().inverse()), b.lo().open());
        return new Interval(lo, hi);
    }
}
