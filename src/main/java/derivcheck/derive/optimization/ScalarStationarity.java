package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Facts;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.scalar.ScalarSolver;
import derivcheck.expr.Expr;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.model.Domain;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One scalar unknown, no constraints besides an open interval domain (an implicit
 * constraint): the minimizer is the only stationary point inside the domain (seed 000 A3a,
 * 001 A10).
 */
public final class ScalarStationarity implements FastPath {
    @Override public String name() { return "scalar stationarity"; }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        if (!o.unknown().isScalar()) return Attempt.declined("the unknown is not a scalar");
        if (!o.constraints().isEmpty()) return Attempt.declined("the problem has constraints besides a domain");
        Optional<Domain> domain = o.declaration().domain();
        if (domain.isPresent() && !(domain.get().loOpen() && domain.get().hiOpen())) {
            return Attempt.declined("the domain is not an open interval: boundary points would need a case analysis");
        }
        DeriveContext c = domain.isPresent() ? ctx.with(Facts.withDomain(derivcheck.cas.Assumptions.NONE, o.unknown(), domain.get())) : ctx;
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE),
                "the objective" + (o.maximize() ? "; maximizing the objective is minimizing its negative" : "")
                        + (domain.isPresent() ? "; the open domain is an implicit constraint that is never active" : "")));
        ScalarSolver.Outcome out = ScalarSolver.minimize(o.objective(), o.unknown(), domain, c, o.maximize());
        steps.addAll(out.steps());
        if (out.root().isEmpty()) return out.declined() ? Attempt.declined(out.why()) : Attempt.undecided(out.why());
        Expr value = out.root().get();
        List<Result> results = new ArrayList<>();
        // a non-degeneracy condition the solver stated (Σ(x_i − μ)² > 0) holds for every result
        DeriveContext under = c;
        for (Relation cond : out.conditions()) under = under.with(derivcheck.cas.Assumptions.NONE.positive(cond.lhs()));
        results.add(Result.of(o.unknown(), value));
        OptimalValue.add(p, o, value, under, steps, results);
        if (!out.conditions().isEmpty()) {
            results.replaceAll(r -> new Result(r.target(), r.value(), out.conditions(), r.range(), r.op()));
        }
        return new Attempt.Derived(steps, results);
    }
}
