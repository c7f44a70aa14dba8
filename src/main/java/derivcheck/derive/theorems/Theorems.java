package derivcheck.derive.theorems;

import java.util.List;

/** The library of cited theorems. */
public final class Theorems {
    private Theorems() {}

    public static final Theorem ECKART_YOUNG_MIRSKY = new Theorem("Eckart–Young–Mirsky theorem",
            "write X by its singular value decomposition, the singular values in decreasing order; the best"
                    + " approximation of X of rank at most r in the Frobenius norm is the truncated SVD, which keeps the first r"
                    + " singular values and their singular vectors, and its squared error is the sum of the squared singular"
                    + " values left out",
            List.of("r ≤ min(m, n)"));

    public static final Theorem HOLDER = new Theorem("Hölder's inequality (dual norms)",
            "|<g, x>| ≤ ||g||_q ||x||_p for 1/p + 1/q = 1; over ||x||_p ≤ ε the maximum of <g, x> is ε||g||_q"
                    + " (the dual norm: ℓ2 ↔ ℓ2, ℓ∞ ↔ ℓ1, ℓ1 ↔ ℓ∞)",
            List.of("1 ≤ p ≤ ∞", "ε ≥ 0"));

    public static final Theorem CAUCHY_SCHWARZ = new Theorem("Cauchy–Schwarz inequality",
            "|<g, x>| ≤ ||g|| ||x||, with equality exactly when x and g are parallel",
            List.of());

    public static List<Theorem> all() { return List.of(ECKART_YOUNG_MIRSKY, HOLDER, CAUCHY_SCHWARZ); }
}
