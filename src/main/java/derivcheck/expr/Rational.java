package derivcheck.expr;

import java.math.BigDecimal;
import java.math.BigInteger;

/** An exact rational number in lowest terms with a positive denominator. */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
    public static final Rational ZERO = of(0);
    public static final Rational ONE = of(1);
    public static final Rational MINUS_ONE = of(-1);

    public Rational {
        if (den.signum() == 0) throw new ArithmeticException("division by zero");
        if (den.signum() < 0) { num = num.negate(); den = den.negate(); }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) { num = num.divide(g); den = den.divide(g); }
        if (num.signum() == 0) den = BigInteger.ONE;
    }

    public static Rational of(long n) { return new Rational(BigInteger.valueOf(n), BigInteger.ONE); }
    public static Rational of(long n, long d) { return new Rational(BigInteger.valueOf(n), BigInteger.valueOf(d)); }

    /** Parses a decimal literal such as {@code 0.5} or {@code 1e-3} exactly. */
    public static Rational parse(String text) {
        BigDecimal d = new BigDecimal(text);
        if (d.scale() <= 0) return new Rational(d.toBigIntegerExact(), BigInteger.ONE);
        return new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    public Rational plus(Rational o) { return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)); }
    public Rational times(Rational o) { return new Rational(num.multiply(o.num), den.multiply(o.den)); }
    public Rational negate() { return new Rational(num.negate(), den); }
    public Rational inverse() { return new Rational(den, num); }
    public boolean isZero() { return num.signum() == 0; }
    public boolean isOne() { return num.equals(BigInteger.ONE) && den.equals(BigInteger.ONE); }
    public boolean isInteger() { return den.equals(BigInteger.ONE); }
    public int signum() { return num.signum(); }
    public double toDouble() { return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue(); }

    @Override public int compareTo(Rational o) { return num.multiply(o.den).compareTo(o.num.multiply(den)); }
    @Override public String toString() { return isInteger() ? num.toString() : num + "/" + den; }
}
