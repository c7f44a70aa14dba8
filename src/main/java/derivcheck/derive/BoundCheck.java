package derivcheck.derive;

import derivcheck.cas.ZeroTest;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.render.TextPrinter;
import java.util.List;
import java.util.Optional;

/**
 * Compares an expected bound ({@code expect alpha < B}) with the derived bounds of the same
 * unknown: it is verified when a derived bound has the same direction and strictness and its
 * value equals B symbolically. Like every symbolic check it proves, it does not disprove.
 */
final class BoundCheck {
    private BoundCheck() {}

    /** Empty when verified; otherwise why not. */
    static Optional<String> check(Relation expected, List<Result> results, DeriveContext ctx) {
        Relation rel = oriented(expected, results);
        if (rel == null) return Optional.of("no bound on either side of this inequality was derived");
        if (rel.op() == RelOp.NE) return Optional.of("'!=' is compared numerically");
        StringBuilder derived = new StringBuilder();
        for (Result r : results) {
            if (r.isEquation() || !r.target().equals(rel.lhs())) continue;
            if (derived.length() > 0) derived.append(", ");
            derived.append(TextPrinter.print(r.relation()));
            if (!sameSide(r.op(), rel.op())) continue;
            ZeroTest z = ZeroCheck.test(Exprs.sub(r.value(), rel.rhs()), ctx);
            if (z != ZeroTest.ZERO) continue;
            if (r.op() == rel.op()) return Optional.empty();
            return Optional.of("the derived bound is " + TextPrinter.print(r.relation()) + ": same value, different strictness");
        }
        return Optional.of("it is not a bound of the derived condition " + derived);
    }

    /** The relation with a derived target on the left (flipped if needed), or null. */
    private static Relation oriented(Relation e, List<Result> results) {
        for (Result r : results) {
            if (r.isEquation()) continue;
            if (r.target().equals(e.lhs())) return e;
            if (r.target().equals(e.rhs())) return new Relation(e.op().flipped(), e.rhs(), e.lhs(), e.pos());
        }
        return null;
    }

    private static boolean sameSide(RelOp a, RelOp b) {
        boolean upperA = a == RelOp.LT || a == RelOp.LE;
        boolean upperB = b == RelOp.LT || b == RelOp.LE;
        boolean lowerA = a == RelOp.GT || a == RelOp.GE;
        boolean lowerB = b == RelOp.GT || b == RelOp.GE;
        return upperA && upperB || lowerA && lowerB;
    }
}
