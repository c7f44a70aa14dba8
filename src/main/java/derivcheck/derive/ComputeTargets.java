package derivcheck.derive;

import derivcheck.derive.backprop.UnitVectors;
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
            if (def.isPresent() && derivcheck.derive.newton.NewtonStep.hasNewtonInverse(def.get())) {
                return Attempt.declined("'" + derivcheck.expr.TextPrinter.print(t) + "' is a Newton step: it needs its curvature decided"
                        + " (strategy 'Newton step')");
            }
            Optional<Expr> e = Evaluation.explicit(p, t);
            if (e.isEmpty()) return Attempt.declined("a gradient in '" + derivcheck.expr.TextPrinter.print(t) + "' is of an abstract function");
            if (hasRandom(e.get())) return Attempt.declined("it involves random variables");
            Expr value = Simplifier.any(e.get(), ctx);
            if (UnitVectors.applies(value)) {
                // Σ_i [j = i]·s_i·e_i = s_j·e_j and ⟨e_j, v⟩ = v_j, then simplified again
                Expr unit = UnitVectors.simplify(p, value);
                if (!unit.equals(value)) value = Simplifier.any(unit, ctx);
            }
            steps.add(Step.of("compute", new Relation(RelOp.EQ, t, value, Pos.NONE),
                    "write out the definitions, differentiate, and simplify"));
            // in the spec's own names: a definition's written-out value becomes its name again (not the target's own)
            Expr folded = Refold.lets(p, value, ctx, targetNames(p, t));
            if (!folded.equals(value)) {
                steps.add(Step.of("definitions", new Relation(RelOp.EQ, t, folded, Pos.NONE),
                        "write the result in the names the problem defines"));
                value = folded;
            }
            results.add(Result.of(t, value));
        }
        return new Attempt.Derived(steps, results);
    }

    /** The let the target is (find x1), and every let defined through it: folding those would state the target by itself. */
    private static java.util.Set<String> targetNames(Problem p, Expr t) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (t instanceof Sym s && s.kind() == SymKind.LET) out.add(s.name());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (derivcheck.model.LetDef d : p.lets()) {
                if (out.contains(d.sym().name())) continue;
                if (derivcheck.expr.Exprs.anyNode(d.body(), x -> x instanceof Sym s && out.contains(s.name()))) grew |= out.add(d.sym().name());
            }
        }
        return out;
    }

    private static boolean hasRandom(Expr e) {
        return derivcheck.expr.Exprs.anyNode(e, x -> x instanceof Sym s && s.kind() == SymKind.RANDOM
                || x instanceof derivcheck.expr.Expectation || x instanceof derivcheck.expr.Variance);
    }
}
