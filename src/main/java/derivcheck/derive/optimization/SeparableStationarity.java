package derivcheck.derive.optimization;

import derivcheck.cas.Assumptions;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.scalar.ScalarSolver;
import derivcheck.expr.Expr;
import derivcheck.expr.Index;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.Domain;
import derivcheck.model.IndexRange;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A vector unknown, no constraints besides an entrywise open domain, and an objective that
 * is a sum over coordinates (seed 001 A11): minimize one coordinate as a scalar problem, then
 * lift the coordinate formula back to an entrywise vector formula.
 */
public final class SeparableStationarity implements FastPath {
    @Override public String name() { return "separable stationarity"; }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        Sym x = o.unknown();
        if (!x.shape().isVector()) return Attempt.declined("the unknown is not a vector");
        if (!o.constraints().isEmpty()) return Attempt.declined("the problem has constraints besides a domain");
        String[] whyNot = {""};
        Optional<Scalarized> sc = Scalarized.of(p, o, whyNot);
        if (sc.isEmpty()) return Attempt.declined(whyNot[0]);
        Sym i = sc.get().index();
        Expr scalarPhi = sc.get().phi();
        Sym xi = sc.get().unknown();
        Optional<Domain> domain = sc.get().domain();
        Assumptions facts = sc.get().facts();
        DeriveContext c = ctx.with(facts);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE), "the objective"
                + (o.maximize() ? "; maximizing the objective is minimizing its negative" : "")));
        steps.add(Step.explained("separable", new Relation(RelOp.EQ, Names.scalar(Names.fresh(p, "f_i")), scalarPhi, Pos.NONE),
                "", Names.objective(), " is a sum over coordinates of terms that depend on ", xi, " alone (up to a constant): "
                        + "minimize each on its own"));
        ScalarSolver.Outcome out = ScalarSolver.minimize(scalarPhi, xi, domain, c, o.maximize());
        steps.addAll(out.steps());
        if (out.root().isEmpty()) return out.declined() ? Attempt.declined(out.why()) : Attempt.undecided(out.why());
        Expr coordinate = sc.get().entries(out.root().get());
        Optional<Expr> lifted = Lifting.lift(coordinate, i);
        List<Result> results = new ArrayList<>();
        if (lifted.isPresent()) {
            Expr value = lifted.get();
            steps.add(Step.of("lift", new Relation(RelOp.EQ, x, value, Pos.NONE), "the same formula in every coordinate, entrywise"));
            results.add(Result.of(x, value));
            OptimalValue.add(p, o, value, c, steps, results);
        } else {
            Expr target = new Index(x, List.of(i), Pos.NONE);
            results.add(new Result(target, coordinate, List.of(),
                    Optional.of(new IndexRange(i, Num.ONE, SeparableBox.dimension(x)))));
        }
        return new Attempt.Derived(steps, results);
    }

}
