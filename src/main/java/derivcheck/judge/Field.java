package derivcheck.judge;

import derivcheck.expr.Builtin;
import derivcheck.expr.Rational;

/**
 * The arithmetic a {@link FieldEval} computes in: integers modulo a prime, exact rationals, or
 * high-precision reals. The four field operations are exact (or correctly rounded); everything
 * else (non-integer powers, elementary functions, comparisons) is optional and {@link Decline}s
 * where the arithmetic has no meaning for it.
 */
interface Field<T> {
    T of(Rational r);

    T add(T a, T b);

    T mul(T a, T b);

    T neg(T a);

    /** 1/a; {@link Undefined} for 0. */
    T inv(T a);

    boolean isZero(T a);

    /** base^exponent for an exponent that is not a known integer. */
    default T pow(T base, T exponent) { throw new Decline("a power with a non-integer exponent"); }

    /** An entrywise built-in function. */
    default T apply(Builtin f, T x) { throw new Decline(f.spelling() + " is not in this arithmetic"); }

    /** Sign of a - b (for guards, max, min); {@link Decline} where there is no order. */
    default int compare(T a, T b) { throw new Decline("comparisons are not in this arithmetic"); }

    default T pi() { throw new Decline("pi is not in this arithmetic"); }

    /** The name of the arithmetic, for evidence. */
    String name();
}
