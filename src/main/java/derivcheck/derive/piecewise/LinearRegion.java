package derivcheck.derive.piecewise;

import derivcheck.expr.Rational;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A conjunction of linear constraints {@code c0 + Σ c_k·m_k (> | ≥ | =) 0} over atoms m_k with
 * exact rational coefficients, and a test that it has no real solution by Fourier–Motzkin
 * elimination. The atoms are whatever the caller names (monomials such as {@code eps*lambda},
 * {@code ||y||}); treating them as independent unknowns is a relaxation, so "empty" is a proof
 * that the original conditions cannot hold together, and "not shown empty" proves nothing.
 */
final class LinearRegion {
    /** How a constraint compares its form with 0. */
    enum Op { GT, GE, EQ }

    /** {@code constant + Σ coefficients[atom]·atom  op  0}. */
    record Constraint(Rational constant, Map<String, Rational> coefficients, Op op) {
        Constraint {
            Map<String, Rational> c = new LinkedHashMap<>();
            coefficients.forEach((k, v) -> { if (!v.isZero()) c.put(k, v); });
            coefficients = java.util.Collections.unmodifiableMap(c);
        }

        Constraint scaled(Rational s) {
            Map<String, Rational> c = new LinkedHashMap<>();
            coefficients.forEach((k, v) -> c.put(k, v.times(s)));
            return new Constraint(constant.times(s), c, op);
        }

        /** this + s·other, with the weaker of the two comparisons (strict if either is). */
        Constraint plus(Constraint other, Rational s, Op result) {
            Map<String, Rational> c = new LinkedHashMap<>(coefficients);
            other.coefficients.forEach((k, v) -> c.merge(k, v.times(s), Rational::plus));
            return new Constraint(constant.plus(other.constant.times(s)), c, result);
        }

        /** A constraint without atoms that is false: 0 > 0, -1 >= 0, 2 = 0. */
        boolean contradiction() {
            if (!coefficients.isEmpty()) return false;
            int s = constant.signum();
            return switch (op) { case GT -> s <= 0; case GE -> s < 0; case EQ -> s != 0; };
        }
    }

    /** Beyond this many constraints during elimination the test gives up (and proves nothing). */
    static final int MAX_CONSTRAINTS = 400;

    private LinearRegion() {}

    /** True only when the constraints provably have no common solution. */
    static boolean empty(List<Constraint> constraints) {
        List<Constraint> cs = new ArrayList<>(constraints);
        // equations first: solve one for an atom and substitute it everywhere (Gaussian elimination)
        while (true) {
            for (Constraint c : cs) if (c.contradiction()) return true;
            Constraint eq = null;
            for (Constraint c : cs) if (c.op() == Op.EQ && !c.coefficients().isEmpty()) { eq = c; break; }
            if (eq == null) break;
            String atom = eq.coefficients().keySet().iterator().next();
            Rational a = eq.coefficients().get(atom);
            List<Constraint> next = new ArrayList<>();
            for (Constraint c : cs) {
                if (c == eq) continue;
                Rational k = c.coefficients().getOrDefault(atom, Rational.ZERO);
                next.add(k.isZero() ? c : c.plus(eq, k.negate().times(a.inverse()), c.op()));
            }
            cs = next;
        }
        cs.removeIf(c -> c.coefficients().isEmpty());
        // Fourier–Motzkin on the inequalities
        while (!cs.isEmpty()) {
            if (cs.size() > MAX_CONSTRAINTS) return false;
            String atom = cheapest(cs);
            List<Constraint> pos = new ArrayList<>(), neg = new ArrayList<>(), rest = new ArrayList<>();
            for (Constraint c : cs) {
                Rational k = c.coefficients().getOrDefault(atom, Rational.ZERO);
                (k.signum() > 0 ? pos : k.signum() < 0 ? neg : rest).add(c);
            }
            for (Constraint p : pos) {
                for (Constraint n : neg) {
                    // p: a·x + P op 0 (a > 0), n: -b·x + N op 0 (b > 0)  ⇒  b·P + a·N op 0
                    Rational a = p.coefficients().get(atom), b = n.coefficients().get(atom).negate();
                    Op op = p.op() == Op.GT || n.op() == Op.GT ? Op.GT : Op.GE;
                    Constraint combined = p.scaled(b).plus(n, a, op);
                    if (combined.contradiction()) return true;
                    if (!combined.coefficients().isEmpty()) rest.add(combined);
                }
            }
            cs = dedupe(rest);
        }
        return false;
    }

    /** The atom whose elimination makes the fewest new constraints. */
    private static String cheapest(List<Constraint> cs) {
        Set<String> atoms = new HashSet<>();
        for (Constraint c : cs) atoms.addAll(c.coefficients().keySet());
        String best = null;
        long cost = Long.MAX_VALUE;
        for (String x : atoms.stream().sorted().toList()) {
            long p = 0, n = 0;
            for (Constraint c : cs) {
                int s = c.coefficients().getOrDefault(x, Rational.ZERO).signum();
                if (s > 0) p++; else if (s < 0) n++;
            }
            if (p * n - p - n < cost) { cost = p * n - p - n; best = x; }
        }
        return best;
    }

    private static List<Constraint> dedupe(List<Constraint> cs) {
        Map<String, Constraint> out = new LinkedHashMap<>();
        for (Constraint c : cs) out.putIfAbsent(key(normalized(c)), normalized(c));
        return new ArrayList<>(out.values());
    }

    /** Scaled so that its largest |coefficient| is 1 (for deduplication). */
    private static Constraint normalized(Constraint c) {
        Rational max = Rational.ZERO;
        for (Rational v : c.coefficients().values()) {
            Rational abs = v.signum() < 0 ? v.negate() : v;
            if (abs.compareTo(max) > 0) max = abs;
        }
        return max.isZero() ? c : c.scaled(max.inverse());
    }

    private static String key(Constraint c) {
        StringBuilder b = new StringBuilder(c.op().name()).append(':').append(c.constant());
        c.coefficients().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append('|').append(e.getKey()).append('=').append(e.getValue()));
        return b.toString();
    }

    static Rational r(long n) { return new Rational(BigInteger.valueOf(n), BigInteger.ONE); }
}
