package derivcheck.derive;

import derivcheck.expr.Expr;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.model.Problem;
import derivcheck.model.SolveFor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code solve lhs = rhs for x}: make both sides explicit and let the CAS solve (seed 003 1.2.3). */
public final class SolveForUnknown implements Strategy {
    @Override public String name() { return "solve for"; }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        if (p.solves().isEmpty()) return Attempt.declined("there is no 'solve … for …'");
        List<Step> steps = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (SolveFor s : p.solves()) {
            Optional<Expr> lhs = Evaluation.explicit(p, s.equation().lhs());
            Optional<Expr> rhs = Evaluation.explicit(p, s.equation().rhs());
            if (lhs.isEmpty() || rhs.isEmpty()) return Attempt.declined("the equation has a gradient that cannot be computed");
            if (!lhs.get().isScalar()) return Attempt.declined("only scalar equations are solved");
            Expr l = Simplifier.scalar(lhs.get(), ctx);
            Expr r = Simplifier.scalar(rhs.get(), ctx);
            steps.add(Step.of("substitute", new Relation(RelOp.EQ, l, r, Pos.NONE), "write out the definitions and simplify"));
            var roots = ctx.cas().solve(l, r, s.unknown(), ctx.assumptions());
            if (roots.toOptional().isEmpty()) return Attempt.undecided("the CAS could not solve it: " + roots.reason().orElse(""));
            List<Expr> rs = roots.toOptional().get();
            if (rs.size() != 1) return Attempt.undecided(rs.isEmpty() ? "the equation has no solution" : "the equation has " + rs.size() + " solutions");
            Expr value = Simplifier.scalar(rs.get(0), ctx);
            steps.add(Step.explained("solve", new Relation(RelOp.EQ, s.unknown(), value, Pos.NONE), "solve for ", s.unknown()));
            results.add(Result.of(s.unknown(), value));
        }
        return new Attempt.Derived(steps, results);
    }
}
