package derivcheck.derive.scalar;

import derivcheck.cas.Assumptions;
import derivcheck.cas.Sign;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Facts;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.Strategy;
import derivcheck.derive.identities.GramForms;
import derivcheck.derive.identities.IdentityProof;
import derivcheck.derive.identities.SumForms;
import derivcheck.derive.moments.MomentAlgebra;
import derivcheck.derive.moments.MomentDerivation;
import derivcheck.expr.Add;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import derivcheck.model.SuchThat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code find alpha > 0 such that lhs < rhs} (seed 000 A2c): write out the definitions, square
 * sides that are norms, expand by bilinearity, substitute the vector assumptions, and read the
 * result as a polynomial inequality in the unknown; its roots (the CAS) and the sign of the
 * leading coefficient give the solution set, intersected with the unknown's own bounds. The
 * answer is one bound per finite end of the interval. An equation ({@code find sigma > 0 such
 * that Var[a] = Var[b]}, seed 003 3.2) is solved with the CAS, keeping the root within the bounds.
 */
public final class ConditionSolve implements Strategy {
    @Override public String name() { return "condition on an unknown"; }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        if (p.conditions().isEmpty()) return Attempt.declined("there is no 'find … such that …'");
        if (p.objective().isPresent()) return Attempt.declined("the problem is an optimization problem");
        List<Step> steps = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        try {
            for (SuchThat st : p.conditions()) {
                if (st.condition().size() != 1) return Attempt.undecided("only a single relation is solved as a condition");
                Optional<String> why = solve(p, st.unknown(), st.bounds(), st.condition().get(0), ctx, steps, results);
                if (why.isPresent()) return Attempt.undecided(why.get());
            }
            for (Expr t : p.targets()) {
                if (!(t instanceof derivcheck.expr.Expectation || t instanceof derivcheck.expr.Variance)) {
                    return Attempt.declined("'" + TextPrinter.print(t) + "' is asked for as well");
                }
            }
        } catch (MomentAlgebra.Stuck s) {
            return Attempt.undecided(s.getMessage());
        } catch (NotOneInterval u) {
            return Attempt.declined(u.getMessage());
        }
        return MomentDerivation.targetsAndShows(p, ctx, steps, results);
    }

    /** The condition holds on more than one interval, which a derived result (one interval) cannot state. */
    static final class NotOneInterval extends RuntimeException {
        NotOneInterval(String why) { super(why, null, false, false); }
    }

    /** Solves one relation for the unknown; empty when done, else why not. */
    public static Optional<String> solve(Problem p, Sym u, List<Relation> bounds, Relation r, DeriveContext ctx,
                                  List<Step> steps, List<Result> results) {
        Optional<Expr> l = IdentityProof.explicit(p, r.lhs(), ctx, steps);
        Optional<Expr> rr = IdentityProof.explicit(p, r.rhs(), ctx, steps);
        if (l.isEmpty() || rr.isEmpty()) return Optional.of("the condition has a gradient that cannot be computed");
        if (!l.get().isScalar()) return Optional.of("only scalar conditions are solved");
        Relation written = new Relation(r.op(), l.get(), rr.get(), Pos.NONE);
        steps.add(Step.of("definitions", written, "write out the definitions"));
        Assumptions boundFacts = Assumptions.NONE;
        for (Relation b : bounds) boundFacts = Facts.with(boundFacts, b);
        Map<Expr, Expr> facts = GramForms.atomFacts(p);
        if (r.op() == RelOp.EQ) return equation(p, u, boundFacts, written, facts, ctx, steps, results);
        if (r.op() == RelOp.NE) return Optional.of("'!=' conditions are not solved");
        Expr a = written.lhs();
        Expr b = written.rhs();
        boolean hasAbs = isAbs(a) || isAbs(b);
        if (nonnegative(a, ctx) && nonnegative(b, ctx) && (a instanceof Norm || b instanceof Norm || hasAbs)) {
            // |u|^2 = u^2 for a real u; t -> t^2 is increasing on t >= 0
            Expr abs = isAbs(a) ? a : b;
            a = squared(a);
            b = squared(b);
            List<Object> why = new ArrayList<>(List.of("both sides are nonnegative, so squaring keeps the order"));
            if (hasAbs) why.addAll(List.of("; ", new Relation(RelOp.EQ, Exprs.sq(abs), squared(abs), Pos.NONE)));
            steps.add(Step.explained("square", List.of(new Relation(r.op(), a, b, Pos.NONE)), why.toArray()));
        }
        Expr expanded = GramForms.expand(Exprs.sub(a, b));
        Expr substituted = GramForms.substitute(expanded, facts);
        if (!substituted.equals(expanded)) {
            steps.add(Step.of("Gram expansion", new Relation(r.op(), expanded, Num.ZERO, Pos.NONE),
                    "expand the squared norms and inner products by bilinearity"));
        }
        Expr q = Simplifier.scalar(SumForms.collapse(substituted, ctx, substituted), ctx);
        List<Object> substitution = new ArrayList<>();
        if (substituted.equals(expanded)) {
            substitution.add("expand by bilinearity and simplify");
        } else {
            substitution.add("substitute ");
            for (Map.Entry<Expr, Expr> e : facts.entrySet()) {
                if (substitution.size() > 1) substitution.add(", ");
                substitution.add(new Relation(RelOp.EQ, e.getKey(), e.getValue(), Pos.NONE));
            }
            substitution.add(" and simplify");
        }
        steps.add(Step.explained(substituted.equals(expanded) ? "Gram expansion" : "assumptions", new Relation(r.op(), q, Num.ZERO, Pos.NONE),
                substitution.toArray()));
        Optional<List<Expr>> coefficients = polynomial(q, u, ctx);
        if (coefficients.isEmpty() || coefficients.get().size() > 3) {
            return Optional.of("the condition is not a polynomial inequality of degree at most 2 in " + u.name());
        }
        List<Expr> c = coefficients.get();
        int degree = c.size() - 1;
        List<Interval> set;
        if (degree == 0) {
            return Optional.of("the condition does not depend on " + u.name());
        } else if (degree == 1) {
            Sign s = sign(ctx, c.get(1), ctx.assumptions());
            if (!(s == Sign.POSITIVE || s == Sign.NEGATIVE)) return Optional.of("the sign of the coefficient " + TextPrinter.print(c.get(1)) + " is not known");
            Expr root = Simplifier.scalar(Exprs.div(Exprs.neg(c.get(0)), c.get(1)), ctx);
            steps.add(Step.explained("root", new Relation(RelOp.EQ, u, root, Pos.NONE), "the linear function of ", u, " changes sign here"
                    + " (its slope ", new Relation(s == Sign.POSITIVE ? RelOp.GT : RelOp.LT, c.get(1), Num.ZERO, Pos.NONE), ")"));
            boolean below = (r.op() == RelOp.LT || r.op() == RelOp.LE) == (s == Sign.POSITIVE);
            boolean strict = r.op() == RelOp.LT || r.op() == RelOp.GT;
            set = List.of(below ? new Interval(Optional.empty(), true, Optional.of(root), strict)
                    : new Interval(Optional.of(root), strict, Optional.empty(), true));
        } else {
            Sign s = sign(ctx, c.get(2), ctx.assumptions());
            if (!(s == Sign.POSITIVE || s == Sign.NEGATIVE)) {
                return Optional.of("the sign of the leading coefficient " + TextPrinter.print(c.get(2)) + " is not known");
            }
            var solved = ctx.cas().solve(q, Num.ZERO, u, ctx.assumptions().without(u));
            if (solved.toOptional().isEmpty()) return Optional.of("the CAS could not find the roots: " + solved.reason().orElse(""));
            List<Expr> roots = new ArrayList<>();
            for (Expr x : solved.toOptional().get()) roots.add(Simplifier.scalar(x, ctx));
            boolean strict = r.op() == RelOp.LT || r.op() == RelOp.GT;
            boolean negativeWanted = r.op() == RelOp.LT || r.op() == RelOp.LE;
            boolean between = negativeWanted == (s == Sign.POSITIVE);
            if (roots.size() != 2) return Optional.of("the quadratic has " + roots.size() + " distinct real root(s); only two are handled");
            Sign order = sign(ctx, Exprs.sub(roots.get(1), roots.get(0)), ctx.assumptions());
            if (order == Sign.NEGATIVE) roots = List.of(roots.get(1), roots.get(0));
            else if (order != Sign.POSITIVE) return Optional.of("the order of the roots " + TextPrinter.print(roots.get(0)) + " and "
                    + TextPrinter.print(roots.get(1)) + " is not known");
            List<Relation> rootRelations = new ArrayList<>();
            for (Expr x : roots) rootRelations.add(new Relation(RelOp.EQ, u, x, Pos.NONE));
            steps.add(Step.explained("roots", rootRelations, "the roots of the quadratic; its leading coefficient ", c.get(2),
                    s == Sign.POSITIVE ? " is positive, so it is negative between them" : " is negative, so it is positive between them"));
            set = between ? List.of(new Interval(Optional.of(roots.get(0)), strict, Optional.of(roots.get(1)), strict))
                    : List.of(new Interval(Optional.empty(), true, Optional.of(roots.get(0)), strict),
                            new Interval(Optional.of(roots.get(1)), strict, Optional.empty(), true));
        }
        Interval own = Interval.of(u, bounds);
        List<Interval> out = new ArrayList<>();
        for (Interval i : set) {
            Optional<Optional<Interval>> x = i.intersect(own, ctx);
            if (x.isEmpty()) return Optional.of("cannot compare the ends of " + i + " with the bounds " + own);
            x.get().ifPresent(out::add);
        }
        if (out.isEmpty()) return Optional.of("no " + u.name() + " within its bounds satisfies the condition");
        if (out.size() > 1) {
            // solved, but a result is one interval (its bounds hold together): the union is named, not stated
            List<String> pieces = new ArrayList<>();
            for (Interval x : out) pieces.add(String.join(" and ", x.relations(u).stream().map(TextPrinter::print).toList()));
            throw new NotOneInterval("the solution set is a union of " + out.size() + " intervals, " + String.join(" or ", pieces)
                    + "; a derived result states a single interval");
        }
        Interval i = out.get(0);
        List<Relation> relations = new ArrayList<>();
        i.lo().ifPresent(lo -> {
            results.add(Result.bound(u, i.loOpen() ? RelOp.GT : RelOp.GE, lo));
            relations.add(new Relation(i.loOpen() ? RelOp.GT : RelOp.GE, u, lo, Pos.NONE));
        });
        i.hi().ifPresent(hi -> {
            results.add(Result.bound(u, i.hiOpen() ? RelOp.LT : RelOp.LE, hi));
            relations.add(new Relation(i.hiOpen() ? RelOp.LT : RelOp.LE, u, hi, Pos.NONE));
        });
        List<Object> intersect = new ArrayList<>(List.of(bounds.isEmpty() ? "the solution set" : "intersect with "));
        for (int k = 0; k < bounds.size(); k++) { if (k > 0) intersect.add(" and "); intersect.add(bounds.get(k)); }
        steps.add(Step.explained("condition", relations, intersect.toArray()));
        return Optional.empty();
    }

    private static Optional<String> equation(Problem p, Sym u, Assumptions boundFacts, Relation written, Map<Expr, Expr> facts,
                                             DeriveContext ctx, List<Step> steps, List<Result> results) {
        Expr l = Simplifier.scalar(SumForms.collapse(GramForms.substitute(GramForms.expand(written.lhs()), facts), ctx, written.lhs()), ctx);
        Expr r = Simplifier.scalar(SumForms.collapse(GramForms.substitute(GramForms.expand(written.rhs()), facts), ctx, written.rhs()), ctx);
        boundFacts = boundFacts.and(new Assumptions(ctx.assumptions().about(u))); // the unknown's declared facts (solve … for)
        DeriveContext bounded = ctx.with(boundFacts);
        // factors of lhs - rhs free of the unknown are cancelled: where one is 0, every value solves it
        Expr q = Simplifier.scalar(Exprs.sub(l, r), ctx);
        Expr factored = ctx.cas().factor(q).orElse(q);
        List<Expr> keep = new ArrayList<>();
        List<Relation> nonzero = new ArrayList<>();
        for (Expr f : factored instanceof Mul m ? m.factors() : List.of(factored)) {
            if (Exprs.mentions(f, u.name())) keep.add(f);
            else if (!(f instanceof Num)) {
                Sign s = sign(ctx, f, ctx.assumptions());
                if (s != Sign.POSITIVE && s != Sign.NEGATIVE) nonzero.add(new Relation(RelOp.NE, f, Num.ZERO, Pos.NONE));
            }
        }
        if (keep.isEmpty()) return Optional.of("the equation does not depend on " + u.name());
        Expr core = Exprs.mul(keep, Pos.NONE);
        var solved = ctx.cas().solve(core, Num.ZERO, u, bounded.assumptions());
        if (solved.toOptional().isEmpty()) return Optional.of("the CAS could not solve it: " + solved.reason().orElse(""));
        List<Expr> inside = new ArrayList<>();
        for (Expr x : solved.toOptional().get()) {
            Expr v = Simplifier.scalar(x, bounded);
            if (withinBounds(v, u, boundFacts, ctx)) inside.add(v);
        }
        if (inside.size() != 1) {
            return Optional.of("the equation has " + solved.toOptional().get().size() + " solution(s), "
                    + inside.size() + " provably within the bounds");
        }
        steps.add(Step.of("equation", new Relation(RelOp.EQ, l, r, Pos.NONE), "both sides in closed form"));
        if (!keep.equals(List.of(factored))) {
            List<Object> why = new ArrayList<>(List.of("factor the difference of the two sides and cancel the factors free of ", u));
            for (int k = 0; k < nonzero.size(); k++) {
                why.add(k == 0 ? " (where " : ", ");
                why.add(nonzero.get(k));
            }
            if (!nonzero.isEmpty()) why.add("; otherwise every value solves it)");
            steps.add(Step.explained("cancel", List.of(new Relation(RelOp.EQ, core, Num.ZERO, Pos.NONE)), why.toArray()));
        }
        steps.add(Step.explained("solve", new Relation(RelOp.EQ, u, inside.get(0), Pos.NONE), "solve for ", u,
                solved.toOptional().get().size() > 1 ? "; the only root within the bounds" : ""));
        results.add(new Result(u, inside.get(0), nonzero, Optional.empty()));
        return Optional.empty();
    }

    private static boolean withinBounds(Expr v, Sym u, Assumptions boundFacts, DeriveContext ctx) {
        for (Assumptions.Fact f : boundFacts.facts()) {
            if (!f.subject().equals(u)) continue;
            Sign s = sign(ctx, Exprs.sub(v, Exprs.num(f.bound())), ctx.assumptions());
            boolean ok = switch (f.kind()) {
                case GREATER -> s == Sign.POSITIVE;
                case GREATER_EQUAL -> s == Sign.POSITIVE || s == Sign.NONNEGATIVE || s == Sign.ZERO;
                case LESS -> s == Sign.NEGATIVE;
                case LESS_EQUAL -> s == Sign.NEGATIVE || s == Sign.NONPOSITIVE || s == Sign.ZERO;
                case EQUAL -> s == Sign.ZERO;
                case UNEQUAL -> s == Sign.POSITIVE || s == Sign.NEGATIVE;
                case INTEGER -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    /**
     * The sign, by the structure first (a product's sign from its factors', a square root of a
     * positive quantity is positive), then the CAS.
     */
    public static Sign sign(DeriveContext ctx, Expr e, Assumptions a) {
        if (e instanceof Num n) return n.value().signum() > 0 ? Sign.POSITIVE : n.value().signum() < 0 ? Sign.NEGATIVE : Sign.ZERO;
        Sign cas = ctx.cas().sign(e, a).orElse(Sign.UNKNOWN);
        if (cas.isStrict()) return cas;
        if (e instanceof Mul m) {
            int s = 1;
            for (Expr f : m.factors()) {
                Sign fs = sign(ctx, f, a);
                if (fs == Sign.NEGATIVE) s = -s;
                else if (fs != Sign.POSITIVE) return cas;
            }
            return s > 0 ? Sign.POSITIVE : Sign.NEGATIVE;
        }
        if (e instanceof Pow p && sign(ctx, p.base(), a) == Sign.POSITIVE) return Sign.POSITIVE;
        if (e instanceof derivcheck.expr.Apply ap && ap.fn() == derivcheck.expr.Builtin.SQRT
                && sign(ctx, ap.args().get(0), a) == Sign.POSITIVE) return Sign.POSITIVE;
        return cas;
    }

    private static boolean isAbs(Expr e) {
        return e instanceof derivcheck.expr.Apply ap && ap.fn() == derivcheck.expr.Builtin.ABS && ap.isScalar();
    }

    private static Expr squared(Expr e) {
        return Exprs.sq(isAbs(e) ? ((derivcheck.expr.Apply) e).args().get(0) : e);
    }

    private static boolean nonnegative(Expr e, DeriveContext ctx) {
        if (isAbs(e)) return true;
        if (e instanceof Norm) return true;
        Sign s = sign(ctx, e, ctx.assumptions());
        return s == Sign.POSITIVE || s == Sign.NONNEGATIVE || s == Sign.ZERO;
    }

    /** The coefficients c_0, c_1, … of q as a polynomial in u, or empty if it is not one. */
    static Optional<List<Expr>> polynomial(Expr q, Sym u, DeriveContext ctx) {
        Expr e = ctx.cas().expand(q).orElse(q);
        List<Expr> terms = e instanceof Add a ? a.terms() : List.of(e);
        List<List<Expr>> byDegree = new ArrayList<>();
        for (Expr t : terms) {
            int degree = 0;
            List<Expr> rest = new ArrayList<>();
            for (Expr f : t instanceof Mul m ? m.factors() : List.of(t)) {
                if (f.equals(u)) degree += 1;
                else if (f instanceof Pow pw && pw.base().equals(u) && pw.exponent() instanceof Num k && k.value().isInteger()
                        && k.value().signum() > 0) degree += k.value().num().intValueExact();
                else if (Exprs.mentions(f, u.name())) return Optional.empty();
                else rest.add(f);
            }
            while (byDegree.size() <= degree) byDegree.add(new ArrayList<>());
            byDegree.get(degree).add(Exprs.mul(rest, Pos.NONE));
        }
        List<Expr> out = new ArrayList<>();
        for (List<Expr> cs : byDegree) out.add(ctx.simplify(Exprs.add(cs, Pos.NONE)));
        while (out.size() > 1 && out.get(out.size() - 1) instanceof Num n && n.value().isZero()) out.remove(out.size() - 1);
        return Optional.of(out);
    }

    /** An interval with symbolic ends; an absent end is infinite. */
    public record Interval(Optional<Expr> lo, boolean loOpen, Optional<Expr> hi, boolean hiOpen) {
        public static Interval of(Sym u, List<Relation> bounds) {
            Interval out = new Interval(Optional.empty(), true, Optional.empty(), true);
            for (Relation r : bounds) {
                Relation b = r.lhs().equals(u) ? r : r.rhs().equals(u) ? new Relation(r.op().flipped(), u, r.lhs(), r.pos()) : null;
                if (b == null) continue;
                switch (b.op()) {
                    case GT -> out = new Interval(Optional.of(b.rhs()), true, out.hi, out.hiOpen);
                    case GE -> out = new Interval(Optional.of(b.rhs()), false, out.hi, out.hiOpen);
                    case LT -> out = new Interval(out.lo, out.loOpen, Optional.of(b.rhs()), true);
                    case LE -> out = new Interval(out.lo, out.loOpen, Optional.of(b.rhs()), false);
                    default -> { }
                }
            }
            return out;
        }

        /** The intersection (empty inner optional: empty set), or empty when the ends cannot be compared. */
        public Optional<Optional<Interval>> intersect(Interval o, DeriveContext ctx) {
            return intersect(o, e -> sign(ctx, e, ctx.assumptions()));
        }

        /** The same, with the ends compared by {@code signOf} (the sign of their difference; derive's bounds ask the judge). */
        public Optional<Optional<Interval>> intersect(Interval o, java.util.function.Function<Expr, Sign> signOf) {
            Optional<Expr> l;
            boolean lOpen;
            Optional<Expr> h;
            boolean hOpen;
            if (lo.isEmpty() || o.lo.isEmpty()) {
                l = lo.isEmpty() ? o.lo : lo;
                lOpen = lo.isEmpty() ? o.loOpen : loOpen;
            } else {
                Sign s = signOf.apply(Exprs.sub(lo.get(), o.lo.get()));
                if (s == Sign.POSITIVE) { l = lo; lOpen = loOpen; }
                else if (s == Sign.NEGATIVE) { l = o.lo; lOpen = o.loOpen; }
                else if (s == Sign.ZERO) { l = lo; lOpen = loOpen || o.loOpen; }
                else return Optional.empty();
            }
            if (hi.isEmpty() || o.hi.isEmpty()) {
                h = hi.isEmpty() ? o.hi : hi;
                hOpen = hi.isEmpty() ? o.hiOpen : hiOpen;
            } else {
                Sign s = signOf.apply(Exprs.sub(hi.get(), o.hi.get()));
                if (s == Sign.NEGATIVE) { h = hi; hOpen = hiOpen; }
                else if (s == Sign.POSITIVE) { h = o.hi; hOpen = o.hiOpen; }
                else if (s == Sign.ZERO) { h = hi; hOpen = hiOpen || o.hiOpen; }
                else return Optional.empty();
            }
            if (l.isPresent() && h.isPresent()) {
                Sign s = signOf.apply(Exprs.sub(h.get(), l.get()));
                if (s == Sign.NEGATIVE || s == Sign.ZERO && (lOpen || hOpen)) return Optional.of(Optional.empty());
                if (s != Sign.POSITIVE && s != Sign.ZERO) return Optional.empty();
            }
            return Optional.of(Optional.of(new Interval(l, lOpen, h, hOpen)));
        }

        /** The bounds of u this interval gives: u > lo, u <= hi, … */
        List<Relation> relations(Sym u) {
            List<Relation> out = new ArrayList<>();
            lo.ifPresent(l -> out.add(new Relation(loOpen ? RelOp.GT : RelOp.GE, u, l, Pos.NONE)));
            hi.ifPresent(h -> out.add(new Relation(hiOpen ? RelOp.LT : RelOp.LE, u, h, Pos.NONE)));
            return out;
        }

        @Override public String toString() {
            return (loOpen ? "(" : "[") + lo.map(TextPrinter::print).orElse("-inf") + ", "
                    + hi.map(TextPrinter::print).orElse("inf") + (hiOpen ? ")" : "]");
        }
    }
}
