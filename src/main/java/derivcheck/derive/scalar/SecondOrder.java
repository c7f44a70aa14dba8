package derivcheck.derive.scalar;

import derivcheck.cas.Sign;
import derivcheck.derive.Calculus;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves that the stationary point of a smooth h on an open interval is its global minimizer, or
 * says why it cannot. Three arguments, tried in order:
 * <ol>
 * <li>h'' > 0 on the whole interval: h is strictly convex, its stationary point is the unique
 *     global minimizer;</li>
 * <li>h'' >= 0 on the interval and h''(x*) > 0: h is convex, so x* is a global minimizer, and the
 *     only one (a second minimizer y would make h constant on [x*, y], against h''(x*) > 0);</li>
 * <li>h''(x*) > 0 and x* is the only stationary point in the interval: x* is a strict local
 *     minimum, and a lower value h(y) < h(x*) would force a maximum of h strictly between x* and
 *     y, a second stationary point.</li>
 * </ol>
 * Every argument needs h smooth on the whole interval ({@link Smoothness}). For a maximum the
 * minimized function is h = -f and the steps are worded for f (f'' < 0).
 */
final class SecondOrder {
    private SecondOrder() {}

    /** The steps of the proof, or the reason there is none (the strategy then declines). */
    record Proof(List<Step> steps, Optional<String> whyNot) {
        static Proof no(String why) { return new Proof(List.of(), Optional.of(why)); }
    }

    /**
     * @param h           the function minimized (−f when maximizing)
     * @param d1          h'
     * @param onlyRoot    x* is known to be the only root of h' in the domain (all roots found and the others excluded)
     */
    static Proof prove(Expr h, Expr d1, Sym x, Expr root, DeriveContext ctx, boolean maximizing, boolean onlyRoot) {
        String fpp = maximizing ? "f'' < 0" : "f'' > 0";
        for (Expr part : List.of(h, d1)) {
            Optional<String> why = Smoothness.whyNot(part, x, ctx);
            if (why.isPresent()) {
                return Proof.no("could not prove the objective smooth on the whole domain (" + why.get()
                        + "), so a stationary point need not be the " + optimum(maximizing) + "; declare the domain of " + x.name()
                        + " or the assumptions that exclude it");
            }
        }
        Optional<Expr> g2 = Calculus.gradient(d1, x);
        if (g2.isEmpty()) return Proof.no("cannot differentiate the objective twice");
        Expr d2 = Simplifier.scalar(g2.get(), ctx);
        Expr shownD2 = maximizing ? Simplifier.scalar(Exprs.neg(d2), ctx) : d2;
        Expr second = new Grad(new Grad(Names.objective(), x, Pos.NONE), x, Pos.NONE);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.explained("second derivative", new Relation(RelOp.EQ, second, shownD2, Pos.NONE),
                "differentiate ", new Grad(Names.objective(), x, Pos.NONE), " once more"));
        RelOp strict = maximizing ? RelOp.LT : RelOp.GT;
        Sign everywhere = Exprs.isZero(d2) ? Sign.ZERO : Signs.of(d2, ctx);
        if (everywhere == Sign.POSITIVE) {
            steps.add(Step.explained("convexity", new Relation(strict, shownD2, Num.ZERO, Pos.NONE),
                    new Relation(strict, second, Num.ZERO, Pos.NONE), " for every ", x, " in the domain (from the domain and the assumptions): ",
                    Names.objective(), " is strictly " + (maximizing ? "concave" : "convex")
                            + " there, so its stationary point is the unique global " + optimum(maximizing)));
            return new Proof(steps, Optional.empty());
        }
        Expr atRoot = Simplifier.scalar(Exprs.substitute(d2, x, root), ctx);
        Expr shownAtRoot = maximizing ? Simplifier.scalar(Exprs.neg(atRoot), ctx) : atRoot;
        Sign there = Exprs.isZero(atRoot) ? Sign.ZERO : Signs.of(atRoot, ctx);
        Relation point = new Relation(RelOp.EQ, x, root, Pos.NONE);
        if (there == Sign.NEGATIVE) {
            return Proof.no("the stationary point " + TextPrinter.print(point) + " is a local " + optimum(!maximizing)
                    + ", not a " + optimum(maximizing) + ": f'' there is " + TextPrinter.print(shownAtRoot)
                    + (maximizing ? " > 0" : " < 0"));
        }
        if (there == Sign.ZERO) {
            return Proof.no("f'' = 0 at the stationary point " + TextPrinter.print(point)
                    + ": the second-order test cannot tell a " + optimum(maximizing) + " from an inflection point");
        }
        if (there != Sign.POSITIVE) {
            return Proof.no("could not prove " + fpp + " on the domain (f'' = " + TextPrinter.print(shownD2)
                    + ") nor at the stationary point " + TextPrinter.print(point) + " (f'' = " + TextPrinter.print(shownAtRoot)
                    + "), so it is not known to be the " + optimum(maximizing)
                    + "; declare the domain or the assumptions (`where ...`, `assume ...`) that make its sign known");
        }
        Relation curvature = new Relation(strict, shownAtRoot, Num.ZERO, Pos.NONE);
        if (everywhere == Sign.NONNEGATIVE) {
            steps.add(Step.explained("second order", curvature, new Relation(maximizing ? RelOp.LE : RelOp.GE, second, Num.ZERO, Pos.NONE),
                    " on the domain (", Names.objective(), " is " + (maximizing ? "concave" : "convex") + ") and ",
                    new Relation(strict, second, Num.ZERO, Pos.NONE), " at the stationary point: it is the unique global " + optimum(maximizing)));
            return new Proof(steps, Optional.empty());
        }
        if (onlyRoot) {
            steps.add(Step.explained("second order", curvature, new Relation(strict, second, Num.ZERO, Pos.NONE),
                    " at the only stationary point in the domain: a strict local " + optimum(maximizing)
                    + ", and a better value elsewhere would force a second stationary point in between, so it is the global " + optimum(maximizing)));
            return new Proof(steps, Optional.empty());
        }
        return Proof.no("f'' at the stationary point " + TextPrinter.print(point) + " is " + TextPrinter.print(shownAtRoot)
                + (maximizing ? " < 0" : " > 0") + ", but " + fpp + " is not proven on the whole domain (f'' = " + TextPrinter.print(shownD2)
                + ") and the stationary point is not known to be the only one, so it may be only a local " + optimum(maximizing));
    }

    private static String optimum(boolean maximizing) { return maximizing ? "maximum" : "minimum"; }
}
