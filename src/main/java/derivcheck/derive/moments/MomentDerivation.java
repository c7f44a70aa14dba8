package derivcheck.derive.moments;

import derivcheck.algebra.Canonical;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Evaluation;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.identities.GramForms;
import derivcheck.derive.identities.IdentityProof;
import derivcheck.derive.identities.RuleFormulas;
import derivcheck.derive.identities.SumForms;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.TextPrinter;
import derivcheck.expr.Variance;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * E[y] and Var[y] in closed form, step by step: the definition written out, the rules of
 * linearity and independence ({@link MomentAlgebra}), the moments of the distributions, and the
 * sums collapsed ({@link SumForms}).
 */
public final class MomentDerivation {
    private MomentDerivation() {}

    /** The closed form of an E[.] or Var[.] node; the steps are appended. */
    static Expr derive(Problem p, Expr node, DeriveContext ctx, List<Step> steps) {
        boolean mean = node instanceof Expectation;
        Expr arg = mean ? ((Expectation) node).arg() : ((Variance) node).arg();
        Optional<Expr> explicit = Evaluation.explicit(p, arg);
        if (explicit.isEmpty()) throw new MomentAlgebra.Stuck("'" + TextPrinter.print(arg) + "' has a gradient that cannot be computed");
        Expr inlined = explicit.get();
        if (Exprs.anyNode(inlined, x -> x instanceof Expectation || x instanceof Variance)) {
            inlined = closedForms(p, inlined, ctx, steps);
        }
        Expr written = mean ? new Expectation(inlined, Pos.NONE) : new Variance(inlined, Pos.NONE);
        if (!inlined.equals(arg)) steps.add(Step.of("definition", eq(node, written), "write out the definitions"));
        Optional<GaussianQuadraticForms.Gaussian> gauss = GaussianQuadraticForms.applies(p, inlined);
        if (gauss.isPresent()) {
            Optional<Expr> v = gaussianQuadratic(node, mean, inlined, gauss.get(), ctx, steps);
            if (v.isPresent()) return v.get();
        }
        MomentAlgebra m = new MomentAlgebra(p, ctx, false);
        Expr ruled;
        try {
            ruled = mean ? m.mean(inlined) : m.variance(inlined);
        } catch (MomentAlgebra.Stuck stuck) {
            Optional<String> why = GaussianQuadraticForms.whyNot(p, inlined, mean);
            if (why.isPresent()) throw new MomentAlgebra.Stuck(why.get() + "; " + stuck.getMessage());
            throw stuck;
        }
        List<Object> why = new ArrayList<>();
        if (mean) {
            why.add("the expectation is linear and passes into finite sums; constants leave it; the expectation of a product"
                    + " of independent factors is the product of their expectations");
            if (m.wroteInner()) {
                why.add("; an inner product with a non-random vector is the sum of the products of their entries,"
                        + " so its expectation is that sum of the entries' expectations (no independence is needed)");
            }
        } else {
            why.add("the variance drops constant terms and takes constant factors out squared; the terms are independent,"
                    + " so their variances add; ");
            why.addAll(List.of(RuleFormulas.productVariance(p)));
        }
        steps.add(Step.explained(mean ? "linearity" : "independence", eq(node, ruled), why.toArray()));
        List<Relation> used = new ArrayList<>();
        Expr withMoments = m.moments(ruled, used);
        if (!used.isEmpty()) steps.add(new Step("moments", used, "the moments of the declared distributions"));
        Expr collapsed = SumForms.collapse(withMoments, ctx, inlined);
        Expr value = present(ctx.simplify(collapsed), ctx);
        steps.add(Step.of("simplify", eq(node, value), Exprs.anyNode(withMoments, x -> x instanceof derivcheck.expr.Sum)
                ? "collapse the sums (a sum of equal terms is the number of terms times the term; constant factors leave the sum) and simplify"
                : "simplify"));
        return value;
    }

    /**
     * E or Var of a polynomial of degree at most 2 in a centred Gaussian vector, by the moments
     * of the quadratic form (Isserlis); empty when the expression is not of that form.
     */
    private static Optional<Expr> gaussianQuadratic(Expr node, boolean mean, Expr inlined,
            GaussianQuadraticForms.Gaussian g, DeriveContext ctx, List<Step> steps) {
        if (!mean && !g.normal()) return Optional.empty();
        GaussianQuadraticForms.Quadratic q;
        try {
            q = GaussianQuadraticForms.quadratic(inlined, g);
        } catch (GaussianQuadraticForms.NotQuadratic e) {
            return Optional.empty();
        }
        Expr form = GaussianQuadraticForms.written(q, g);
        QuadraticFormWords words = new QuadraticFormWords(g.x(), g.variance(), g.shape(), ctx.problem());
        if (!form.equals(inlined)) {
            Expr lhs = mean ? new Expectation(inlined, Pos.NONE) : new Variance(inlined, Pos.NONE);
            steps.add(Step.explained("quadratic form", List.of(eq(lhs, mean ? new Expectation(form, Pos.NONE) : new Variance(form, Pos.NONE))),
                    words.expansion()));
        }
        Expr raw = GramForms.expand(mean ? GaussianQuadraticForms.mean(q, g) : GaussianQuadraticForms.variance(q, g));
        steps.add(Step.explained(mean ? "second moments" : "Isserlis (Wick) fourth moments", List.of(eq(node, raw)),
                mean ? words.secondMoments() : words.fourthMoments()));
        Expr value = present(ctx.simplify(raw), ctx);
        if (!value.equals(raw)) steps.add(Step.of("simplify", eq(node, value), "simplify"));
        return Optional.of(value);
    }

    /** A product with sums in it as the sheet writes it: the other factors over one denominator, then the sums. */
    static Expr present(Expr v, DeriveContext ctx) {
        if (!(v instanceof derivcheck.expr.Mul m) || m.factors().stream().noneMatch(f -> f instanceof derivcheck.expr.Sum)) {
            return Canonical.displayOrder(v);
        }
        List<Expr> coefficient = new ArrayList<>();
        List<Expr> sums = new ArrayList<>();
        for (Expr f : m.factors()) (f instanceof derivcheck.expr.Sum ? sums : coefficient).add(f);
        Expr c = Exprs.mul(coefficient, Pos.NONE);
        Expr t = ctx.cas().together(c).orElse(c);
        t = ctx.cas().factor(t).orElse(t);
        List<Expr> out = new ArrayList<>(List.of(Canonical.displayOrder(t)));
        out.addAll(sums);
        return Exprs.mul(out, Pos.NONE);
    }

    /** Every outermost E[.] and Var[.] in e replaced by its closed form. */
    public static Expr closedForms(Problem p, Expr e, DeriveContext ctx, List<Step> steps) {
        return Exprs.transform(e, x -> x instanceof Expectation || x instanceof Variance ? derive(p, x, ctx, steps) : null);
    }

    /** The E[.] and Var[.] nodes the claims mention (each once, in order). */
    static List<Expr> mentioned(List<Claim> claims) {
        List<Expr> out = new ArrayList<>();
        for (Claim c : claims) {
            for (Relation r : c.relations()) {
                for (Expr side : List.of(r.lhs(), r.rhs())) {
                    Exprs.anyNode(side, x -> {
                        if ((x instanceof Expectation || x instanceof Variance) && !out.contains(x)) out.add(x);
                        return false;
                    });
                }
            }
        }
        return out;
    }

    private static Relation eq(Expr a, Expr b) { return new Relation(RelOp.EQ, a, b, Pos.NONE); }

    /**
     * Derives the E[...]/Var[...] a problem asks for or its expects mention, and proves its
     * shows, after the steps and results already made; the attempt that ends the strategy.
     */
    public static Attempt targetsAndShows(Problem p, DeriveContext ctx, List<Step> steps, List<Result> results) {
        List<Expr> asked = new ArrayList<>(p.targets());
        for (Expr x : mentioned(p.expects())) if (!asked.contains(x)) asked.add(x);
        for (Expr t : asked) {
            try {
                results.add(Result.of(t, derive(p, t, ctx, steps)));
            } catch (MomentAlgebra.Stuck s) {
                if (p.targets().contains(t)) return Attempt.undecided(TextPrinter.print(t) + ": " + s.getMessage());
            }
        }
        for (Claim show : p.shows()) {
            IdentityProof.Outcome o = IdentityProof.prove(p, show, ctx);
            steps.addAll(o.steps());
            if (!o.proven()) return Attempt.undecided("not proven: " + o.notProven().get());
        }
        return new Attempt.Derived(steps, results);
    }
}
