package derivcheck.derive;

import derivcheck.expr.Expr;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Targets that are explicit computations, such as the model output after a gradient-step
 * attack (seed 003 1.1.2): write out the definitions, differentiate explicit functions,
 * simplify.
 */
public final class ComputeTargets implements Strategy {
    @Override public String name() { return "compute"; }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        if (p.objective().isPresent()) return Attempt.declined("the problem is an optimization problem");
        if (p.targets().isEmpty()) return Attempt.declined("there is nothing to compute ('find …')");
        List<Step> steps = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (Expr t : p.targets()) {
            if (t instanceof Sym s && s.kind() != SymKind.LET) return Attempt.declined("'" + s.name() + "' is not defined by a formula");
            Optional<Expr> def = Lets.fully(p, t);
            if (def.isPresent() && derivcheck.derive.optimization.NewtonStep.hasNewtonInverse(def.get())) {
                return Attempt.declined("'" + derivcheck.expr.TextPrinter.print(t) + "' is a Newton step: it needs its curvature decided"
                        + " (strategy 'Newton step')");
            }
            Optional<Expr> e = Evaluation.explicit(p, t);
            if (e.isEmpty()) return Attempt.declined("a gradient in '" + derivcheck.expr.TextPrinter.print(t) + "' is of an abstract function");
            if (hasRandom(e.get())) return Attempt.declined("it involves random variables");
            Expr value = Simplifier.any(e.get(), ctx);
            steps.add(Step.of("compute", new Relation(RelOp.EQ, t, value, Pos.NONE),
                    "write out the definitions, differentiate, and simplify"));
            results.add(Result.of(t, value));
        }
        return new Attempt.Derived(steps, results);
    }

    private static boolean hasRandom(Expr e) {
        return derivcheck.expr.Exprs.anyNode(e, x -> x instanceof Sym s && s.kind() == SymKind.RANDOM
                || x instanceof derivcheck.expr.Expectation || x instanceof derivcheck.expr.Variance);
    }
}
