package derivcheck.model;

import derivcheck.expr.Expr;
import java.util.List;

/** How a random symbol's entries are drawn (always independent of every other random symbol). */
public sealed interface Distribution {
    /** Entries independent and identically distributed? (For scalars this is moot.) */
    boolean iid();

    /** Only the first two moments are known. */
    record Moments(Expr mean, Expr variance, boolean iid) implements Distribution {}

    /** A named family: normal(mean, variance), bernoulli(p), uniform(a, b). */
    record Named(Family family, List<Expr> params, boolean iid) implements Distribution {
        public Named { params = List.copyOf(params); }
    }

    enum Family {
        NORMAL("normal", 2), BERNOULLI("bernoulli", 1), UNIFORM("uniform", 2);

        private final String spelling;
        private final int params;

        Family(String spelling, int params) { this.spelling = spelling; this.params = params; }

        public String spelling() { return spelling; }
        public int params() { return params; }

        public static java.util.Optional<Family> bySpelling(String s) {
            for (Family f : values()) if (f.spelling.equals(s)) return java.util.Optional.of(f);
            return java.util.Optional.empty();
        }
    }
}
