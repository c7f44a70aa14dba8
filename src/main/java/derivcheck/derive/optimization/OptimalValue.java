package derivcheck.derive.optimization;

import derivcheck.derive.DeriveContext;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Problem;
import java.util.List;

/** When a problem asks for the optimal value (`find min`), substitutes the optimizer into f. */
public final class OptimalValue {
    private OptimalValue() {}

    public static void add(Problem p, Optimization o, Expr optimizer, DeriveContext ctx, List<Step> steps, List<Result> results) {
        for (Expr t : p.targets()) {
            if (t instanceof Sym s && s.kind() == SymKind.OPTIMUM) {
                Expr value = Simplifier.scalar(Exprs.substitute(o.original(), o.unknown(), optimizer), ctx);
                steps.add(Step.of("optimal value", new Relation(RelOp.EQ, s, value, Pos.NONE),
                        "substitute the optimizer into the objective"));
                results.add(Result.of(s, value));
            }
        }
    }
}
