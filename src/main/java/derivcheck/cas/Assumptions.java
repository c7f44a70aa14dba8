package derivcheck.cas;

import derivcheck.expr.Expr;
import derivcheck.expr.Rational;

import java.util.ArrayList;
import java.util.List;

/**
 * Facts about real scalar quantities, as a problem spec states them ({@code eps > 0},
 * {@code x in (0,1)}, {@code n integer}). A subject may be a symbol or any scalar expression
 * (for example {@code ||g||}, which {@link Cas} turns into an opaque atom). Immutable: the
 * builder methods return new values.
 *
 * <p>Every scalar symbol handed to Symja is real in any case; dimensions are positive integers,
 * index variables integers, norms and variances nonnegative, Iverson brackets in [0, 1]. Those
 * facts are added by {@link Cas} and need not be stated here.
 */
public record Assumptions(List<Fact> facts) {

    public static final Assumptions NONE = new Assumptions(List.of());

    /** How a fact relates its subject to its bound. */
    public enum Kind { GREATER, GREATER_EQUAL, LESS, LESS_EQUAL, EQUAL, UNEQUAL, INTEGER }

    /** One fact: {@code subject kind bound}, e.g. {@code eps GREATER 0}; INTEGER has no bound. */
    public record Fact(Expr subject, Kind kind, Rational bound) {
        public Fact {
            if (subject == null || kind == null) throw new IllegalArgumentException("incomplete fact");
            if (!subject.isScalar()) {
                throw new IllegalArgumentException("an assumption is about a scalar, not a " + subject.shape());
            }
            if ((kind == Kind.INTEGER) != (bound == null)) {
                throw new IllegalArgumentException(kind == Kind.INTEGER ? "INTEGER takes no bound" : kind + " needs a bound");
            }
        }
    }

    public Assumptions {
        facts = List.copyOf(facts);
    }

    public static Assumptions of(Fact... facts) { return new Assumptions(List.of(facts)); }

    public Assumptions with(Fact f) {
        List<Fact> out = new ArrayList<>(facts);
        out.add(f);
        return new Assumptions(out);
    }

    public Assumptions and(Assumptions other) {
        List<Fact> out = new ArrayList<>(facts);
        out.addAll(other.facts);
        return new Assumptions(out);
    }

    public Assumptions positive(Expr e) { return with(new Fact(e, Kind.GREATER, Rational.ZERO)); }
    public Assumptions nonnegative(Expr e) { return with(new Fact(e, Kind.GREATER_EQUAL, Rational.ZERO)); }
    public Assumptions negative(Expr e) { return with(new Fact(e, Kind.LESS, Rational.ZERO)); }
    public Assumptions nonpositive(Expr e) { return with(new Fact(e, Kind.LESS_EQUAL, Rational.ZERO)); }
    public Assumptions nonzero(Expr e) { return with(new Fact(e, Kind.UNEQUAL, Rational.ZERO)); }
    public Assumptions integer(Expr e) { return with(new Fact(e, Kind.INTEGER, null)); }
    public Assumptions equalTo(Expr e, Rational c) { return with(new Fact(e, Kind.EQUAL, c)); }
    public Assumptions greaterThan(Expr e, Rational c) { return with(new Fact(e, Kind.GREATER, c)); }
    public Assumptions lessThan(Expr e, Rational c) { return with(new Fact(e, Kind.LESS, c)); }

    /** {@code lo < e < hi}. */
    public Assumptions inOpenInterval(Expr e, Rational lo, Rational hi) {
        return with(new Fact(e, Kind.GREATER, lo)).with(new Fact(e, Kind.LESS, hi));
    }

    /** {@code lo <= e <= hi}. */
    public Assumptions inClosedInterval(Expr e, Rational lo, Rational hi) {
        return with(new Fact(e, Kind.GREATER_EQUAL, lo)).with(new Fact(e, Kind.LESS_EQUAL, hi));
    }

    /** The facts whose subject is {@code e} (structurally; positions are ignored). */
    public List<Fact> about(Expr e) {
        return facts.stream().filter(f -> f.subject().equals(e)).toList();
    }

    /** These facts without the ones about {@code e}. */
    public Assumptions without(Expr e) {
        return new Assumptions(facts.stream().filter(f -> !f.subject().equals(e)).toList());
    }
}
