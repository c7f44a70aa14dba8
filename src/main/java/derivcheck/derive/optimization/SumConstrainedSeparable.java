package derivcheck.derive.optimization;

import derivcheck.algebra.Expansion;
import derivcheck.algebra.Term;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.Tidy;
import derivcheck.derive.scalar.ScalarSolver;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.model.Constraint;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A separable objective under one sum constraint, min Σ_i φ(x_i) s.t. Σ_i x_i = s (entropic
 * mirror descent on the simplex). With the multiplier nu of the constraint every coordinate
 * solves φ'(x_i) + nu = 0; when that gives x_i = exp(u_i + κ) with κ the same for every i
 * (κ carries nu), the constraint fixes exp(κ) = s / Σ_j exp(u_j), so x = s·softmax(u).
 */
public final class SumConstrainedSeparable implements FastPath {
    @Override public String name() { return "separable with a sum constraint (Lagrange, softmax)"; }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        Sym x = o.unknown();
        if (!x.shape().isVector()) return Attempt.declined("the unknown is not a vector");
        Optional<Expr> total = sumConstraint(o, x);
        if (total.isEmpty()) return Attempt.declined("the constraints are not one equation sum(x) = s");
        String[] whyNot = {""};
        Optional<Scalarized> sc = Scalarized.of(p, o, whyNot);
        if (sc.isEmpty()) return Attempt.declined(whyNot[0]);
        Sym xi = sc.get().unknown();
        Sym nu = Names.multiplier(Names.fresh(p, "nu"));
        Expr lagrangianI = Exprs.add(sc.get().phi(), Exprs.mul(nu, xi));
        DeriveContext c = ctx.with(sc.get().facts());
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE), "the objective"
                + (o.maximize() ? "; maximizing the objective is minimizing its negative" : "")));
        steps.add(Step.explained("Lagrangian", new Relation(RelOp.EQ, Names.scalar(Names.fresh(p, "L")),
                Exprs.add(Names.objective(), Exprs.mul(nu, Exprs.sub(new Apply(Builtin.SUM, List.of(x), Pos.NONE), total.get()))), Pos.NONE),
                "one multiplier ", nu, " for the equality constraint (its sign is free)"));
        steps.add(Step.of("separable", new Relation(RelOp.EQ, Names.scalar(Names.fresh(p, "L_i")), lagrangianI, Pos.NONE),
                "the Lagrangian is a sum over coordinates; minimize each term on its own"));
        ScalarSolver.Outcome out = ScalarSolver.minimize(lagrangianI, xi, sc.get().domain(), c, o.maximize());
        steps.addAll(out.steps());
        if (out.root().isEmpty()) return out.declined() ? Attempt.declined(out.why()) : Attempt.undecided(out.why());
        if (!(out.root().get() instanceof Apply e && e.fn() == Builtin.EXP)) {
            return Attempt.declined("the coordinate solution is not of the form exp(u_i + kappa)");
        }
        List<Expr> u = new ArrayList<>();
        List<Expr> kappa = new ArrayList<>();
        for (Term t : Expansion.expand(e.args().get(0))) (sc.get().dependsOnCoordinate(t.coefficient()) ? u : kappa).add(t.coefficient());
        if (u.isEmpty()) return Attempt.declined("the coordinates do not differ");
        Expr ui = Exprs.add(u, Pos.NONE);
        Optional<Expr> lifted = Lifting.lift(sc.get().entries(ui), sc.get().index());
        if (lifted.isEmpty()) return Attempt.declined("the exponent does not lift to an entrywise vector");
        Expr uVec = Tidy.of(lifted.get(), ctx);
        Expr kappaExpr = kappa.isEmpty() ? Num.ZERO : Exprs.add(kappa, Pos.NONE);
        Expr expKappa = new Apply(Builtin.EXP, List.of(kappaExpr), Pos.NONE);
        steps.add(Step.explained("split", new Relation(RelOp.EQ, xi, Exprs.mul(new Apply(Builtin.EXP, List.of(ui), Pos.NONE),
                expKappa), Pos.NONE),
                "the factor ", expKappa, " is the same for every coordinate; it carries the multiplier"));
        Expr s = total.get();
        Expr softmax = new Apply(Builtin.SOFTMAX, List.of(uVec), Pos.NONE);
        Expr value = s instanceof Num one && one.value().isOne() ? softmax : Exprs.mul(s, softmax);
        Relation constraint = o.constraints().get(0).relations().get(0);
        steps.add(Step.explained("normalize", new Relation(RelOp.EQ, x, value, Pos.NONE),
                "the constraint ", constraint, " fixes ", expKappa, ": the entries are the softmax of ", uVec,
                s instanceof Num one && one.value().isOne() ? "" : ", scaled by ", s instanceof Num one && one.value().isOne() ? "" : s));
        List<Result> results = new ArrayList<>();
        results.add(Result.of(x, value));
        return new Attempt.Derived(steps, results);
    }

    /** s for the one constraint sum(x) = s (or sum(i = 1..n, x_i) = s), s free of x. */
    private static Optional<Expr> sumConstraint(Optimization o, Sym x) {
        if (o.constraints().size() != 1) return Optional.empty();
        Constraint k = o.constraints().get(0);
        if (k.relations().size() != 1 || k.forAll().isPresent() || k.relations().get(0).op() != RelOp.EQ) return Optional.empty();
        Relation r = k.relations().get(0);
        Expr lhs = r.lhs();
        Expr rhs = r.rhs();
        if (Exprs.mentions(rhs, x.name())) return Optional.empty();
        boolean isSum = lhs instanceof Apply a && a.fn() == Builtin.SUM && a.args().get(0).equals(x)
                || lhs instanceof Sum s && s.lo() instanceof Num lo && lo.value().isOne()
                && s.body() instanceof Index ix && ix.base().equals(x) && ix.indices().equals(List.of(s.index()))
                && derivcheck.expr.TextPrinter.print(s.hi()).equals(x.shape().rows().toString());
        return isSum ? Optional.of(rhs) : Optional.empty();
    }
}
