package derivcheck.judge;

import derivcheck.expr.Rational;
import java.math.BigInteger;

/**
 * Integers modulo the Mersenne prime p = 2^61 - 1. A rational function that is not zero is zero
 * at a uniformly random point with probability at most (its degree)/p (Schwartz-Zippel), so a
 * few random points decide whether a rational expression is identically zero; a denominator that
 * happens to vanish mod p is {@link Undefined} and the point is redrawn.
 */
final class ModField implements Field<Long> {
    static final long P = (1L << 61) - 1;
    private static final BigInteger BP = BigInteger.valueOf(P);
    static final ModField INSTANCE = new ModField();

    private ModField() {}

    static long reduce(long x) {
        long r = (x & P) + (x >>> 61);
        return r >= P ? r - P : r;
    }

    static long mulmod(long a, long b) {
        long lo = a * b, hi = Math.multiplyHigh(a, b);
        long r = (lo & P) + ((lo >>> 61) | (hi << 3));
        r = (r & P) + (r >>> 61);
        return r >= P ? r - P : r;
    }

    @Override public Long of(Rational r) {
        long n = r.num().mod(BP).longValue();
        if (r.isInteger()) return n;
        long d = r.den().mod(BP).longValue();
        if (d == 0) throw new Undefined("a denominator divisible by p");
        return mulmod(n, inv(d));
    }

    @Override public Long add(Long a, Long b) {
        long s = a + b;
        return s >= P ? s - P : s;
    }

    @Override public Long mul(Long a, Long b) { return mulmod(a, b); }

    @Override public Long neg(Long a) { return a == 0 ? 0L : P - a; }

    @Override public Long inv(Long a) {
        if (a == 0) throw new Undefined("division by zero (mod p)");
        // a^(p-2) by Fermat
        long result = 1, base = a, e = P - 2;
        while (e > 0) {
            if ((e & 1) == 1) result = mulmod(result, base);
            base = mulmod(base, base);
            e >>>= 1;
        }
        return result;
    }

    @Override public boolean isZero(Long a) { return a == 0; }

    @Override public String name() { return "modular"; }
}
