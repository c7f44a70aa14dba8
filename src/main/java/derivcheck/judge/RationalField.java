package derivcheck.judge;

import derivcheck.expr.Rational;

/** Exact rational arithmetic (numbers are refused beyond a size, so a hostile input cannot run away). */
final class RationalField implements Field<Rational> {
    static final RationalField INSTANCE = new RationalField();
    private static final int MAX_BITS = 1 << 13;

    private RationalField() {}

    private static Rational guard(Rational r) {
        if (r.num().bitLength() > MAX_BITS || r.den().bitLength() > MAX_BITS) throw new Decline("the exact numbers grow too large");
        return r;
    }

    @Override public Rational of(Rational r) { return r; }
    @Override public Rational add(Rational a, Rational b) { return guard(a.plus(b)); }
    @Override public Rational mul(Rational a, Rational b) { return guard(a.times(b)); }
    @Override public Rational neg(Rational a) { return a.negate(); }

    @Override public Rational inv(Rational a) {
        if (a.isZero()) throw new Undefined("division by zero");
        return a.inverse();
    }

    @Override public boolean isZero(Rational a) { return a.isZero(); }
    @Override public int compare(Rational a, Rational b) { return a.compareTo(b); }

    @Override public Rational apply(derivcheck.expr.Builtin f, Rational x) {
        return switch (f) {
            case ABS -> x.signum() < 0 ? x.negate() : x;
            case SIGN -> Rational.of(x.signum());
            case RELU -> x.signum() < 0 ? Rational.ZERO : x;
            default -> throw new Decline(f.spelling() + " is not rational");
        };
    }

    @Override public String name() { return "exact rational"; }
}
