package derivcheck.judge;

import derivcheck.expr.Builtin;
import derivcheck.expr.Rational;
import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.ApfloatRuntimeException;

/**
 * Reals to {@link #DIGITS} (or twice as many) significant digits (apfloat), with the exponent range of apfloat, so
 * neither cancellation nor under/overflow of double precision reaches a verdict.
 *
 * <p>Branch convention (real-valued, principal branches): a^b for a &lt; 0 exists only for an
 * integer b; 0^b for b &gt; 0 is 0, for b &le; 0 it does not exist; sqrt and log need x &ge; 0 and
 * x &gt; 0; logit needs 0 &lt; x &lt; 1. This is the convention of double precision (Math.pow gives
 * NaN for a negative base with a non-integer exponent), so the tiers agree on where an expression
 * is defined.
 */
final class PreciseField implements Field<Apfloat> {
    static final long DIGITS = 50;
    /** The working precision. */
    static final PreciseField INSTANCE = new PreciseField(DIGITS);
    /** Twice the digits: a rounding residue shrinks there, a true value does not. */
    static final PreciseField TWICE = new PreciseField(2 * DIGITS);
    private static final Apfloat ZERO = new Apfloat(0);
    private final long digits;
    private final Apfloat ONE;

    private PreciseField(long digits) {
        this.digits = digits;
        this.ONE = new Apfloat(1, digits);
    }

    long digits() { return digits; }

    Apfloat ofDouble(double d) {
        if (!Double.isFinite(d)) throw new Undefined("a drawn value is not finite");
        if (d == 0) return ZERO;
        return new Apfloat(new BigDecimal(d), digits);
    }

    @Override public Apfloat of(Rational r) {
        if (r.isZero()) return ZERO;
        return new Apfloat(r.num(), digits).divide(new Apfloat(r.den(), digits));
    }

    @Override public Apfloat add(Apfloat a, Apfloat b) { return a.add(b); }
    @Override public Apfloat mul(Apfloat a, Apfloat b) { return a.multiply(b); }
    @Override public Apfloat neg(Apfloat a) { return a.negate(); }

    @Override public Apfloat inv(Apfloat a) {
        if (a.signum() == 0) throw new Undefined("division by zero");
        return ONE.divide(a);
    }

    @Override public boolean isZero(Apfloat a) { return a.signum() == 0; }
    @Override public int compare(Apfloat a, Apfloat b) { return a.compareTo(b); }
    @Override public Apfloat pi() { return ApfloatMath.pi(digits); }

    private Apfloat precise(Apfloat x) { return x.precision() == Apfloat.INFINITE ? x.precision(digits) : x; }

    @Override public Apfloat pow(Apfloat base, Apfloat exponent) {
        try {
            Apfloat t = exponent.truncate();
            boolean integer = t.compareTo(exponent) == 0;
            if (integer && t.size() <= 18) {
                long k = t.longValue();
                if (base.signum() == 0) {
                    if (k > 0) return ZERO;
                    if (k == 0) return ONE;
                    throw new Undefined("0 to a negative power");
                }
                return ApfloatMath.pow(precise(base), k);
            }
            if (base.signum() < 0) throw new Undefined("a negative base to a non-integer power (real principal branch)");
            if (base.signum() == 0) {
                if (exponent.signum() > 0) return ZERO;
                throw new Undefined("0 to a non-positive power");
            }
            return ApfloatMath.pow(precise(base), precise(exponent));
        } catch (ArithmeticException | ApfloatRuntimeException e) {
            throw new Undefined("the power cannot be evaluated: " + e.getMessage());
        }
    }

    @Override public Apfloat apply(Builtin f, Apfloat x) {
        try {
            return switch (f) {
                case LOG -> {
                    if (x.signum() <= 0) throw new Undefined("log of a non-positive number");
                    yield ApfloatMath.log(precise(x));
                }
                case EXP -> ApfloatMath.exp(precise(x));
                case SQRT -> {
                    if (x.signum() < 0) throw new Undefined("sqrt of a negative number");
                    yield x.signum() == 0 ? ZERO : ApfloatMath.sqrt(precise(x));
                }
                case ABS -> ApfloatMath.abs(x);
                case SIGN -> new Apfloat(x.signum());
                case RELU -> x.signum() < 0 ? ZERO : x;
                case SIGMOID -> ONE.divide(ONE.add(ApfloatMath.exp(precise(x.negate()))));
                case LOGIT -> {
                    if (x.signum() <= 0 || x.compareTo(ONE) >= 0) throw new Undefined("logit outside (0, 1)");
                    yield ApfloatMath.log(precise(x).divide(ONE.subtract(x)));
                }
                case TANH -> ApfloatMath.tanh(precise(x));
                case SIN -> ApfloatMath.sin(precise(x));
                case COS -> ApfloatMath.cos(precise(x));
                default -> throw new Decline(f.spelling() + " is not evaluated in high precision");
            };
        } catch (ArithmeticException | ApfloatRuntimeException e) {
            throw new Undefined(f.spelling() + " cannot be evaluated: " + e.getMessage());
        }
    }

    @Override public String name() { return "high-precision"; }
}
