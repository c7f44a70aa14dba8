package derivcheck.derive.identities;

import derivcheck.algebra.Canonical;
import derivcheck.algebra.LinearCombination;
import derivcheck.cas.Sign;
import derivcheck.cas.ZeroTest;
import derivcheck.derive.Calculus;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Evaluation;
import derivcheck.derive.Facts;
import derivcheck.derive.Lets;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.expect.ZeroProof;
import derivcheck.derive.moments.MomentAlgebra;
import derivcheck.derive.moments.MomentDerivation;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.expr.Variance;
import derivcheck.judge.Judge;
import derivcheck.judge.Judgement;
import derivcheck.judge.Prover;
import derivcheck.judge.SignProver;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves a stated relation ({@code show lhs = rhs}, or {@code >}/{@code <}): write out the
 * definitions, differentiate, substitute the assumptions, reduce expectations and variances,
 * expand norms and inner products by bilinearity, and ask the judge whether lhs − rhs is zero
 * ({@link Judge#proveZero}) or has the stated sign ({@link Judge#proveSign}), with the CAS after the
 * Gram expansion as its tier. A relation it cannot reduce is not proven: the numeric side checks it.
 */
public final class IdentityProof {
    private IdentityProof() {}

    /** The proof steps, or why it was not proven. */
    public record Outcome(List<Step> steps, Optional<String> notProven) {
        public boolean proven() { return notProven.isEmpty(); }
    }

    public static Outcome prove(Problem p, Claim show, DeriveContext ctx) {
        List<Step> steps = new ArrayList<>();
        for (Relation r : show.relations()) {
            Optional<String> why = one(p, r, ctx, steps);
            if (why.isPresent()) return new Outcome(steps, Optional.of(TextPrinter.print(r) + ": " + why.get()));
        }
        return new Outcome(steps, Optional.empty());
    }

    private static Optional<String> one(Problem p, Relation r, DeriveContext ctx, List<Step> steps) {
        boolean hasMoments = Exprs.anyNode(r.lhs(), x -> x instanceof Expectation || x instanceof Variance)
                || Exprs.anyNode(r.rhs(), x -> x instanceof Expectation || x instanceof Variance);
        if (hasMoments && r.op() == RelOp.EQ) {
            // first for any random quantity: only the rules of E and Var, the lets kept as names
            Optional<Step> general = abstractMoments(p, r, ctx);
            if (general.isPresent()) {
                steps.add(general.get());
                return Optional.empty();
            }
        }
        Expr diff;
        try {
            Optional<Expr> d = explicit(p, Exprs.sub(r.lhs(), r.rhs()), ctx, steps);
            if (d.isEmpty()) return Optional.of("it has a gradient of an abstract function");
            diff = d.get();
        } catch (MomentAlgebra.Stuck s) {
            return Optional.of(s.getMessage());
        }
        Map<Expr, Expr> facts = GramForms.atomFacts(p);
        if (r.op() == RelOp.EQ) {
            ZeroTest z = judgedZero(p, diff, facts, ctx);
            if (z == ZeroTest.ZERO) {
                boolean logs = !LogRules.splitPositiveLogs(diff, p, ctx).equals(diff);
                List<Object> why = new ArrayList<>(List.of("write out the definitions" + (facts.isEmpty() ? "" : ", substitute the assumptions")));
                if (logs) {
                    why.add(", split the logarithms (");
                    why.addAll(List.of(RuleFormulas.logRules(p)));
                    why.add(": every argument is positive) and the sums by linearity");
                }
                why.add((diff.isScalar() ? "" : ", collect the terms of each vector") + " and simplify: the difference of the two sides is 0");
                steps.add(Step.explained("identity", r, why.toArray()));
                return Optional.empty();
            }
            return Optional.of(z == ZeroTest.NONZERO ? "lhs − rhs does not simplify to 0"
                    : "the algebra does not close (the CAS could not show lhs − rhs = 0)");
        }
        if (!diff.isScalar()) return Optional.of("only scalar inequalities are proven");
        for (Relation a : p.assumptions()) {
            // the Gram expansion writes the Frobenius norm of a matrix as ||.||: the facts hold for it too
            if (a.lhs() instanceof derivcheck.expr.Norm n && n.kind() == derivcheck.expr.NormKind.FROBENIUS) {
                ctx = ctx.with(Facts.with(derivcheck.cas.Assumptions.NONE, new Relation(a.op(),
                        new derivcheck.expr.Norm(n.arg(), derivcheck.expr.NormKind.L2, Pos.NONE), a.rhs(), Pos.NONE)));
            }
        }
        // the sign as the judge proves it (exact tier, then the CAS sign of the Gram-expanded scalar form)
        DeriveContext under = ctx;
        Expr[] form = {null};
        SignProver gram = ZeroProof.casSign(d -> {
            form[0] = scalarForm(d, facts, under, p);
            return under.cas().sign(form[0], under.assumptions()).orElse(Sign.UNKNOWN);
        }, "Gram expansion and the CAS sign under the assumptions");
        boolean ok = ZeroProof.sign(p, diff, List.of(gram)).proves(r.op());
        Expr s = form[0] != null ? form[0] : scalarForm(diff, facts, ctx, p);
        if (!ok) return Optional.of("the sign of lhs − rhs = " + TextPrinter.print(s) + " was not proven");
        steps.add(Step.of("inequality", new Relation(r.op(), s, Num.ZERO, Pos.NONE),
                "write out the definitions and simplify the difference of the two sides; its sign follows from the assumptions"));
        return Optional.empty();
    }

    /** E and Var by their rules alone, lets kept as names: an identity for any random quantity. */
    private static Optional<Step> abstractMoments(Problem p, Relation r, DeriveContext ctx) {
        try {
            MomentAlgebra m = new MomentAlgebra(p, ctx, true);
            Expr l = reduce(m, inlineConstantLets(p, m, r.lhs()));
            Expr rr = reduce(m, inlineConstantLets(p, m, r.rhs()));
            Expr diff = Exprs.sub(l, rr);
            if (Exprs.anyNode(diff, x -> x instanceof Grad)) return Optional.empty();
            if (ctx.cas().isZero(diff, ctx.assumptions()).orElse(ZeroTest.UNKNOWN) != ZeroTest.ZERO) return Optional.empty();
            Expr common = ctx.cas().expand(l).orElse(l);
            return Optional.of(Step.explained("identity", List.of(new Relation(RelOp.EQ, r.lhs(), common, Pos.NONE),
                    new Relation(RelOp.EQ, r.rhs(), ctx.cas().expand(rr).orElse(rr), Pos.NONE)),
                    "linearity of the expectation and ", RuleFormulas.secondMoment(p),
                    " reduce both sides to the same expression in the moments; it holds for any random quantity"));
        } catch (MomentAlgebra.Stuck | IllegalArgumentException s) {
            return Optional.empty();
        }
    }

    /** Lets that are not random are written out; random ones stay names. */
    private static Expr inlineConstantLets(Problem p, MomentAlgebra m, Expr e) {
        for (int round = 0; round < 16; round++) {
            Expr next = Exprs.transform(e, x -> x instanceof Sym s && s.kind() == derivcheck.expr.SymKind.LET && !m.random(s)
                    ? p.let(s.name()).filter(l -> l.range().isEmpty()).map(l -> l.body()).orElse(null) : null);
            if (next.equals(e)) return e;
            e = next;
        }
        return e;
    }

    /** Every E[.] and Var[.] replaced by its form after the rules (leaves kept). */
    private static Expr reduce(MomentAlgebra m, Expr e) {
        return Exprs.transform(e, x -> {
            if (x instanceof Expectation ex) return m.mean(ex.arg());
            if (x instanceof Variance v) return m.variance(v.arg());
            return null;
        });
    }

    /**
     * Written out: lets inlined, gradients of explicit functions taken (before the assumptions
     * that define a given, such as v = lam*w, are substituted), expectations and variances
     * evaluated in closed form.
     */
    public static Optional<Expr> explicit(Problem p, Expr e, DeriveContext ctx, List<Step> steps) {
        if (Exprs.anyNode(e, x -> x instanceof Expectation || x instanceof Variance)) {
            e = MomentDerivation.closedForms(p, e, ctx, steps); // E[y], Var[y] by name first, then written out
        }
        Optional<Expr> full = Lets.fully(p, e);
        if (full.isEmpty()) return Optional.empty();
        boolean[] failed = {false};
        // innermost first: a second derivative grad(grad(f, w), w) is the gradient of the first
        Expr out = Evaluation.innermostFirst(full.get(), failed);
        if (failed[0] || Exprs.anyNode(out, x -> x instanceof Grad)) return Optional.empty();
        out = Facts.substitute(p, out);
        if (Exprs.anyNode(out, x -> x instanceof Expectation || x instanceof Variance)) {
            out = MomentDerivation.closedForms(p, out, ctx, steps);
        }
        return Optional.of(out);
    }

    /** The scalar after Gram expansion, the atom assumptions and the CAS. */
    static Expr scalarForm(Expr e, Map<Expr, Expr> facts, DeriveContext ctx, Problem p) {
        Expr g = GramForms.substitute(GramForms.expand(e), facts);
        if (p != null) g = distributeSumBodies(LogRules.splitPositiveLogs(g, p, ctx)); // log(a/b) = log a − log b for a, b > 0
        g = SumForms.collapse(g, ctx, g);
        return Simplifier.scalar(Canonical.sorted(g), ctx);
    }

    /** Every scalar sum split by linearity: its body multiplied out, one sum per term. */
    private static Expr distributeSumBodies(Expr e) {
        return Exprs.transform(e, x -> {
            if (!(x instanceof derivcheck.expr.Sum s) || !s.isScalar()) return null;
            Expr body = distributeSumBodies(s.body());
            List<Expr> sums = new ArrayList<>();
            for (Expr t : scalarTerms(body)) sums.add(new derivcheck.expr.Sum(s.index(), s.lo(), s.hi(), t, s.pos()));
            return sums.isEmpty() ? Num.ZERO : sums.size() == 1 ? sums.get(0) : Exprs.add(sums, Pos.NONE);
        });
    }

    /** A scalar product of sums multiplied out into its terms (other nodes are left whole). */
    private static List<Expr> scalarTerms(Expr e) {
        if (e instanceof derivcheck.expr.Add a) {
            List<Expr> out = new ArrayList<>();
            for (Expr t : a.terms()) out.addAll(scalarTerms(t));
            return out;
        }
        if (e instanceof derivcheck.expr.Mul m && m.isScalar() && m.factors().stream().allMatch(Expr::isScalar)) {
            List<List<Expr>> partial = new ArrayList<>();
            partial.add(List.of());
            for (Expr f : m.factors()) {
                List<List<Expr>> next = new ArrayList<>();
                for (Expr t : scalarTerms(f)) {
                    for (List<Expr> pre : partial) {
                        List<Expr> l = new ArrayList<>(pre);
                        l.add(t);
                        next.add(l);
                    }
                }
                partial = next;
                if (partial.size() > 64) return List.of(e); // keep a large product whole
            }
            List<Expr> out = new ArrayList<>();
            for (List<Expr> fs : partial) out.add(fs.size() == 1 ? fs.get(0) : Exprs.mul(fs, Pos.NONE));
            return out;
        }
        return List.of(e);
    }

    /**
     * lhs − rhs = 0, as the judge decides it ({@link Judge#proveZero}: its exact tier, then this
     * prover's Gram expansion with the atom assumptions and the CAS). ZERO when proved; NONZERO when
     * the CAS simplified it to a nonzero form (no proof of difference), else UNKNOWN.
     */
    private static ZeroTest judgedZero(Problem p, Expr diff, Map<Expr, Expr> facts, DeriveContext ctx) {
        ZeroTest[] last = {ZeroTest.UNKNOWN};
        Prover gram = d -> {
            last[0] = zero(d, facts, ctx, p);
            return last[0] == ZeroTest.ZERO ? Prover.Attempt.proved("Gram expansion and the CAS")
                    : Prover.Attempt.notShown(last[0] == ZeroTest.NONZERO ? "does not simplify to 0" : "the CAS could not show it is 0");
        };
        Judgement j = Judge.over(diff, p.assumptions()).proveZero(diff, List.of(gram), false);
        return j.kind() == Judgement.Kind.PROVED_EQUAL ? ZeroTest.ZERO : last[0];
    }

    static ZeroTest zero(Expr e, Map<Expr, Expr> facts, DeriveContext ctx, Problem p) {
        if (e.isScalar()) {
            Expr s = scalarForm(e, facts, ctx, p);
            if (s instanceof Num n) return n.value().isZero() ? ZeroTest.ZERO : ZeroTest.NONZERO;
            return ctx.cas().isZero(s, ctx.assumptions()).orElse(ZeroTest.UNKNOWN);
        }
        LinearCombination lc = GramForms.combination(GramForms.substitute(Canonical.sorted(Canonical.atoms(e)), facts));
        for (Expr c : lc.terms().values()) {
            if (zero(c, facts, ctx, p) != ZeroTest.ZERO) return ZeroTest.UNKNOWN;
        }
        return ZeroTest.ZERO;
    }
}
