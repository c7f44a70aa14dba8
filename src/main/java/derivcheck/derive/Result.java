package derivcheck.derive;

import derivcheck.expr.Expr;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.model.IndexRange;
import java.util.List;
import java.util.Optional;

/**
 * A derived closed form: {@code target = value}, for every index of {@code range} if present,
 * where the {@code conditions} hold (e.g. "l solves l + eps*rho'(l) = ||a||").
 * A bound ({@code op} other than EQ) says {@code target op value}, e.g. {@code alpha < 2*lambda/(lambda^2 + a^2)}:
 * a condition on an unknown is one bound per finite end of its interval.
 */
public record Result(Expr target, Expr value, List<Relation> conditions, Optional<IndexRange> range, RelOp op) {
    public Result {
        conditions = List.copyOf(conditions);
        if (op == null) op = RelOp.EQ;
    }

    public Result(Expr target, Expr value, List<Relation> conditions, Optional<IndexRange> range) {
        this(target, value, conditions, range, RelOp.EQ);
    }

    public static Result of(Expr target, Expr value) {
        return new Result(target, value, List.of(), Optional.empty());
    }

    /** {@code target op value}, e.g. a bound of the interval a condition allows. */
    public static Result bound(Expr target, RelOp op, Expr value) {
        return new Result(target, value, List.of(), Optional.empty(), op);
    }

    /** Is this a closed form (target = value) rather than a bound? */
    public boolean isEquation() { return op == RelOp.EQ; }

    /** The result as a relation: {@code target op value}. */
    public Relation relation() { return new Relation(op, target, value, Pos.NONE); }
}
