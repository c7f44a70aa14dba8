package derivcheck.judge;

import derivcheck.expr.Expr;
import derivcheck.numeric.Env;
import derivcheck.numeric.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where two expressions are compared: the valid domain (every point a space gives satisfies the
 * assumptions), how an expression is evaluated in double precision there, and the definitions
 * of defined names (so the exact and high-precision tiers can evaluate them from their formulas).
 * {@link FreeSpace} is the judge's own, for expressions over declared symbols and assumptions;
 * a problem's space (numeric/verify) draws with the problem's sampler.
 */
public interface Space {
    /** One point of the valid domain: the sizes, the environment to evaluate in, the drawn base values. */
    record Point(int index, Map<String, Integer> sizes, Env env, Map<String, Value> drawn, List<String> functions) {}

    /** The k-th point (reproducible), or empty when the space cannot draw one (with {@link #whyNoPoint()}). */
    Optional<Point> point(int k);

    /** Why the last {@link #point} was empty. */
    default String whyNoPoint() { return "no point of the domain could be drawn"; }

    /** How many points the numeric tier may ask for (undefined draws are discarded and redrawn). */
    int points();

    /** How many agreeing points settle equality (the numeric tier stops there). */
    default int wanted() { return points(); }

    /** Fewer valid points than this leave the numeric tier undecided. */
    default int minimum() { return Math.min(8, wanted()); }

    /** The value in double precision (NaN or infinite entries where it is undefined). */
    Value eval(Expr e, Point p);

    /** The formula of a defined name (a `let` without a range), if it has one. */
    Optional<Expr> definition(String name);

    /**
     * True when an assumption is an equation (||w|| = 1, <g, w> = 0, v = lam*w) or otherwise
     * confines the domain to a set without interior: a difference that is nonzero as a rational
     * function may then vanish on the whole domain, so a nonzero exact difference proves nothing.
     */
    boolean confined();

    /**
     * The declared properties of a matrix symbol (symmetric, diagonal, …; closed under implication).
     * The exact tier draws its random matrices with that structure, so Aᵀ and A are the same
     * rational function when A is declared symmetric; every point of the space has it too.
     */
    default java.util.Set<derivcheck.model.MatrixProperty> properties(String name) { return java.util.Set.of(); }

    /** The relative tolerance of double-precision agreement for these expressions (larger with finite differences). */
    default double tolerance(Expr a, Expr b) { return 1e-9; }
}
