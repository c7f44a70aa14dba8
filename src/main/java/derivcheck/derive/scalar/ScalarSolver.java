package derivcheck.derive.scalar;

import derivcheck.cas.Sign;
import derivcheck.derive.Calculus;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.identities.LogRules;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.Domain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Minimizes a smooth scalar function of one scalar on an open interval (or the whole line):
 * solve f'(x) = 0 (the CAS, or {@link LogRules} for logarithms), keep the roots inside the
 * domain, and require exactly one; then {@link SecondOrder} proves it is the minimizer (f'' > 0
 * on the domain, or at the only stationary point), or the outcome is declined with its reason.
 */
public final class ScalarSolver {
    private ScalarSolver() {}

    /** Steps and the minimizer, or the reason it could not be found (declined or undecided). */
    public record Outcome(List<Step> steps, Optional<Expr> root, String why, boolean declined, List<Relation> conditions) {
        public Outcome(List<Step> steps, Optional<Expr> root, String why, boolean declined) { this(steps, root, why, declined, List.of()); }
    }

    static Outcome minimize(Expr f, Sym x, Optional<Domain> domain, DeriveContext ctx) {
        return minimize(f, x, domain, ctx, false);
    }

    /** As {@link #minimize(Expr, Sym, Optional, DeriveContext)}; {@code maximizing} words the steps for max f = -min(-f). */
    public static Outcome minimize(Expr f, Sym x, Optional<Domain> domain, DeriveContext ctx, boolean maximizing) {
        List<Step> steps = new ArrayList<>();
        Optional<Expr> d1 = Calculus.gradient(f, x);
        if (d1.isEmpty()) return new Outcome(steps, Optional.empty(), "cannot differentiate the objective", true);
        Expr derivative = Simplifier.scalar(d1.get(), ctx);
        // f is the objective as stated; when maximizing, the function minimized is -f
        Expr shown = maximizing ? Simplifier.scalar(Exprs.neg(derivative), ctx) : derivative;
        steps.add(Step.explained("derivative", new Relation(RelOp.EQ, new derivcheck.expr.Grad(Names.objective(), x, Pos.NONE),
                shown, Pos.NONE), "differentiate in ", x));
        steps.add(Step.of("stationarity", new Relation(RelOp.EQ, shown, Num.ZERO, Pos.NONE),
                (maximizing ? "a maximizer" : "a minimizer") + " inside an open domain is a stationary point"));
        List<Expr> roots = new ArrayList<>();
        boolean hasLog = Exprs.anyNode(derivative, e -> e instanceof Apply a && a.fn() == Builtin.LOG && Exprs.mentions(a, x.name()));
        if (hasLog) {
            Optional<Expr> r = LogRules.solve(derivative, x, ctx);
            if (r.isPresent()) {
                roots.add(r.get());
                Expr logX = new Apply(Builtin.LOG, List.of(x), Pos.NONE);
                Expr logit = Exprs.sub(logX, new Apply(Builtin.LOG, List.of(Exprs.sub(Num.ONE, x)), Pos.NONE));
                steps.add(Step.explained("solve", new Relation(RelOp.EQ, x, r.get(), Pos.NONE),
                        "split the logarithms (their arguments are positive on the domain) and collect the log terms: ",
                        new Relation(RelOp.EQ, logit, new Apply(Builtin.LOGIT, List.of(x), Pos.NONE), Pos.NONE),
                        " is inverted by the sigmoid, ", logX, " alone by the exponential"));
            }
        }
        boolean onlyRoot = false;
        List<Relation> conditions = List.of();
        if (roots.isEmpty()) {
            var o = ctx.cas().solve(derivative, Num.ZERO, x, ctx.assumptions());
            if (o.toOptional().isEmpty()) {
                return new Outcome(steps, Optional.empty(), "the CAS could not solve f'(x) = 0: " + o.reason().orElse(""), false);
            }
            List<Expr> all = o.toOptional().get();
            Classified k = classify(all, domain, ctx);
            if (k.inside().isEmpty() && !k.unsure().isEmpty()) {
                // a root that is in the domain unless the data are degenerate: state the condition
                for (Expr q : degenerateQuantities(k.unsure(), x, ctx)) {
                    DeriveContext c2 = ctx.with(derivcheck.cas.Assumptions.NONE.positive(q));
                    Classified k2 = classify(all, domain, c2);
                    if (k2.inside().size() != 1) continue;
                    Relation cond = new Relation(RelOp.GT, q, Num.ZERO, Pos.NONE);
                    steps.add(Step.explained("non-degeneracy", cond, "", q, " is a sum of squares of the data, so it is at least 0, and it is 0"
                            + " only for degenerate data (every term 0), where the stationary point leaves the domain; the result is"
                            + " stated for ", cond));
                    conditions = List.of(cond);
                    ctx = c2;
                    k = k2;
                    break;
                }
            }
            roots.addAll(k.inside());
            int outside = k.outside();
            List<Expr> unsure = k.unsure();
            if (roots.size() > 1) {
                return new Outcome(steps, Optional.empty(), roots.size() + " stationary points lie inside the domain: "
                        + "the " + (maximizing ? "maximizer" : "minimizer") + " is not singled out by stationarity alone", true);
            }
            if (roots.size() != 1) {
                return new Outcome(steps, Optional.empty(), "found " + o.toOptional().get().size() + " stationary point(s), "
                        + roots.size() + " provably inside the domain" + (unsure.isEmpty() ? "" : " and real for all the data (not proven for "
                        + unsure.stream().map(derivcheck.expr.TextPrinter::print).collect(java.util.stream.Collectors.joining(", "))
                        + ")"), false);
            }
            // Solve finds every root of a rational equation; the others are provably outside the domain
            onlyRoot = rational(derivative, x) && outside == o.toOptional().get().size() - 1;
            steps.add(o.toOptional().get().size() > 1
                    ? Step.of("solve", new Relation(RelOp.EQ, x, roots.get(0), Pos.NONE), "the only root inside the domain")
                    : Step.explained("solve", new Relation(RelOp.EQ, x, roots.get(0), Pos.NONE), "solve for ", x));
        }
        Expr root = roots.get(0);
        SecondOrder.Proof proof = SecondOrder.prove(f, d1.get(), x, root, ctx, maximizing, onlyRoot);
        if (proof.whyNot().isPresent()) return new Outcome(steps, Optional.empty(), proof.whyNot().get(), true);
        steps.addAll(proof.steps());
        return new Outcome(steps, Optional.of(root), "", false, conditions);
    }

    private record Classified(List<Expr> inside, int outside, List<Expr> unsure) {}

    private static Classified classify(List<Expr> roots, Optional<Domain> domain, DeriveContext ctx) {
        List<Expr> inside = new ArrayList<>(), unsure = new ArrayList<>();
        int outside = 0;
        for (Expr r : roots) {
            Sign in = inDomain(r, domain, ctx);
            if (in == Sign.POSITIVE) inside.add(Simplifier.scalar(r, ctx));
            else if (in == Sign.NEGATIVE) outside++;
            else unsure.add(Simplifier.scalar(r, ctx));
        }
        return new Classified(inside, outside, unsure);
    }

    /**
     * Quantities of the roots that are sums of squares of the data (Σ_i (x_i − μ)², ‖v‖²): at least 0,
     * and 0 only on a set of the givens of measure zero (every term 0). Their positivity is the
     * non-degeneracy condition a sheet assumes without saying; here it is stated with the result.
     */
    private static List<Expr> degenerateQuantities(List<Expr> roots, Sym x, DeriveContext ctx) {
        List<Expr> out = new ArrayList<>();
        for (Expr r : roots) {
            Exprs.anyNode(r, e -> {
                if (!Exprs.mentions(e, x.name()) && sumOfSquares(e) && !out.contains(e) && Signs.of(e, ctx) != Sign.POSITIVE) out.add(e);
                return false;
            });
        }
        return out;
    }

    private static boolean sumOfSquares(Expr e) {
        if (e instanceof derivcheck.expr.Sum s) return square(s.body());
        // ||v||^2 of a vector of the data
        return e instanceof derivcheck.expr.Pow p && p.base() instanceof derivcheck.expr.Norm && square(p);
    }

    /** A square of a term that varies with the data (not a constant). */
    private static boolean square(Expr e) {
        return e instanceof derivcheck.expr.Pow p && p.exponent() instanceof Num two && two.value().equals(derivcheck.expr.Rational.of(2))
                && Exprs.anyNode(p.base(), n -> n instanceof Sym s && s.kind() == derivcheck.expr.SymKind.GIVEN);
    }

    /**
     * Is the root a real number for every value of the data the assumptions allow? Every logarithm of it has a provably
     * positive argument, every logit one in (0, 1), every square root (or power with a fractional exponent) a provably
     * nonnegative base. A root of {@code a + 2 sigmoid(t) = 0} such as {@code log(-a/(a + 2))} is a stationary point only
     * for -2 < a < 0, a set of data of positive measure; stated as the minimizer for every a it would be wrong elsewhere
     * (found by fuzz/GeneratedSpecsTest). Denominators are not asked to be provably nonzero: they vanish on a set of
     * measure zero (as lambda - eps does), like the degenerate data the results are stated without.
     */
    private static boolean real(Expr root, DeriveContext ctx) {
        return !Exprs.anyNode(root, e -> {
            if (e instanceof Apply a && a.args().size() == 1) {
                Expr arg = a.args().get(0);
                if (a.fn() == Builtin.LOG) return Signs.of(arg, ctx) != Sign.POSITIVE;
                if (a.fn() == Builtin.LOGIT) return Signs.of(arg, ctx) != Sign.POSITIVE || Signs.of(Exprs.sub(Num.ONE, arg), ctx) != Sign.POSITIVE;
                if (a.fn() == Builtin.SQRT) return !nonnegative(Signs.of(arg, ctx));
            }
            if (e instanceof derivcheck.expr.Pow p && p.exponent() instanceof Num k && !k.value().isInteger()) {
                return !nonnegative(Signs.of(p.base(), ctx));
            }
            return false;
        });
    }

    private static boolean nonnegative(Sign s) { return s == Sign.POSITIVE || s == Sign.NONNEGATIVE || s == Sign.ZERO; }

    /** Is e a rational function of x (sums, products and integer powers; x does not occur elsewhere)? */
    static boolean rational(Expr e, Sym x) {
        if (!Exprs.mentions(e, x.name())) return true;
        if (e.equals(x)) return true;
        if (e instanceof derivcheck.expr.Add || e instanceof derivcheck.expr.Mul) {
            return e.children().stream().allMatch(c -> rational(c, x));
        }
        return e instanceof derivcheck.expr.Pow p && p.exponent() instanceof Num k && k.value().isInteger() && rational(p.base(), x);
    }

    /**
     * POSITIVE when the point is provably inside the domain (and provably a real number: {@link #real}), NEGATIVE when
     * provably outside, else UNKNOWN.
     */
    private static Sign inDomain(Expr r, Optional<Domain> domain, DeriveContext ctx) {
        if (!real(r, ctx)) return Sign.UNKNOWN;
        if (domain.isEmpty()) return Sign.POSITIVE;
        Domain d = domain.get();
        boolean inside = true;
        if (d.lo().isPresent()) {
            Sign s = Signs.of(Exprs.sub(r, d.lo().get()), ctx);
            if (s == Sign.NEGATIVE || s == Sign.NONPOSITIVE && d.loOpen() || s == Sign.ZERO && d.loOpen()) return Sign.NEGATIVE;
            inside &= s == Sign.POSITIVE || s == Sign.NONNEGATIVE && !d.loOpen() || s == Sign.ZERO && !d.loOpen();
        }
        if (d.hi().isPresent()) {
            Sign s = Signs.of(Exprs.sub(d.hi().get(), r), ctx);
            if (s == Sign.NEGATIVE || s == Sign.NONPOSITIVE && d.hiOpen() || s == Sign.ZERO && d.hiOpen()) return Sign.NEGATIVE;
            inside &= s == Sign.POSITIVE || s == Sign.NONNEGATIVE && !d.hiOpen() || s == Sign.ZERO && !d.hiOpen();
        }
        return inside ? Sign.POSITIVE : Sign.UNKNOWN;
    }
}
