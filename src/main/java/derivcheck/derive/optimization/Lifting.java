package derivcheck.derive.optimization;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Pos;
import derivcheck.expr.ShapeException;
import derivcheck.expr.Sym;
import java.util.List;
import java.util.Optional;

/**
 * Between a coordinate and its vector: {@code lift} turns an expression in the entries
 * v_i (for one index i) into the entrywise vector expression (g_i − eps → g − eps is not
 * entrywise, so it fails); {@code entry} takes entry i of a vector expression.
 */
final class Lifting {
    private Lifting() {}

    static Optional<Expr> lift(Expr scalarAtIndex, Sym index) {
        try {
            Expr lifted = Exprs.transform(scalarAtIndex, x -> {
                if (x instanceof Index i && i.indices().size() == 1 && i.indices().get(0).equals(index)
                        && i.base().shape().isVector()) {
                    return i.base();
                }
                return null;
            });
            if (Exprs.mentions(lifted, index.name()) || lifted.isScalar()) return Optional.empty();
            // rebuild bottom-up so every node re-checks its shape
            return Optional.of(rebuild(lifted));
        } catch (ShapeException e) {
            return Optional.empty();
        }
    }

    private static Expr rebuild(Expr e) {
        List<Expr> kids = e.children();
        if (kids.isEmpty()) return e;
        return e.withChildren(kids.stream().map(Lifting::rebuild).toList());
    }

    static Expr entry(Expr vector, Sym index) {
        return new Index(vector, List.of(index), Pos.NONE);
    }
}
