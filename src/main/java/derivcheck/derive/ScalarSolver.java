package derivcheck.derive;

import derivcheck.cas.Sign;
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
 * domain, and require exactly one, with f'' > 0 there when the CAS can tell.
 */
final class ScalarSolver {
    private ScalarSolver() {}

    /** Steps and the minimizer, or the reason it could not be found (declined or undecided). */
    record Outcome(List<Step> steps, Optional<Expr> root, String why, boolean declined) {}

    static Outcome minimize(Expr f, Sym x, Optional<Domain> domain, DeriveContext ctx) {
        return minimize(f, x, domain, ctx, false);
    }

    /** As {@link #minimize(Expr, Sym, Optional, DeriveContext)}; {@code maximizing} words the steps for max f = -min(-f). */
    static Outcome minimize(Expr f, Sym x, Optional<Domain> domain, DeriveContext ctx, boolean maximizing) {
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
        if (roots.isEmpty()) {
            var o = ctx.cas().solve(derivative, Num.ZERO, x, ctx.assumptions());
            if (o.toOptional().isEmpty()) {
                return new Outcome(steps, Optional.empty(), "the CAS could not solve f'(x) = 0: " + o.reason().orElse(""), false);
            }
            for (Expr r : o.toOptional().get()) {
                if (inDomain(r, domain, ctx) == Sign.POSITIVE) roots.add(Simplifier.scalar(r, ctx));
            }
            if (roots.size() != 1) {
                return new Outcome(steps, Optional.empty(), "found " + o.toOptional().get().size() + " stationary point(s), "
                        + roots.size() + " provably inside the domain", false);
            }
            steps.add(o.toOptional().get().size() > 1
                    ? Step.of("solve", new Relation(RelOp.EQ, x, roots.get(0), Pos.NONE), "the only root inside the domain")
                    : Step.explained("solve", new Relation(RelOp.EQ, x, roots.get(0), Pos.NONE), "solve for ", x));
        }
        Expr root = roots.get(0);
        Optional<Expr> d2 = Calculus.gradient(d1.get(), x);
        if (d2.isPresent()) {
            Expr curvature = Simplifier.scalar(Exprs.substitute(d2.get(), x, root), ctx);
            Sign s = ctx.cas().sign(curvature, ctx.assumptions()).orElse(Sign.UNKNOWN);
            if (s == Sign.NEGATIVE) {
                return new Outcome(steps, Optional.empty(), "the stationary point is a " + (maximizing ? "minimum" : "maximum"), true);
            }
            steps.add(Step.of("second order", new Relation(s == Sign.POSITIVE ? RelOp.GT : RelOp.GE,
                    curvature, Num.ZERO, Pos.NONE), s == Sign.POSITIVE
                    ? (maximizing ? "the second derivative of the negated objective is positive at the only stationary point: it is the maximizer"
                            : "the second derivative is positive at the only stationary point: it is the minimizer")
                    : "the second derivative there (its sign was not proven; the numeric check decides)"));
        }
        return new Outcome(steps, Optional.of(root), "", false);
    }

    /** POSITIVE when the point is provably inside the domain. */
    private static Sign inDomain(Expr r, Optional<Domain> domain, DeriveContext ctx) {
        if (domain.isEmpty()) return Sign.POSITIVE;
        Domain d = domain.get();
        if (d.lo().isPresent()) {
            Sign s = ctx.cas().sign(Exprs.sub(r, d.lo().get()), ctx.assumptions()).orElse(Sign.UNKNOWN);
            if (s != Sign.POSITIVE && !(s == Sign.NONNEGATIVE && !d.loOpen())) return Sign.UNKNOWN;
        }
        if (d.hi().isPresent()) {
            Sign s = ctx.cas().sign(Exprs.sub(d.hi().get(), r), ctx.assumptions()).orElse(Sign.UNKNOWN);
            if (s != Sign.POSITIVE && !(s == Sign.NONNEGATIVE && !d.hiOpen())) return Sign.UNKNOWN;
        }
        return Sign.POSITIVE;
    }
}
