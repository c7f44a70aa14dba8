package derivcheck.derive;

import derivcheck.expr.Expr;
import derivcheck.expr.Relation;
import derivcheck.model.IndexRange;
import java.util.List;
import java.util.Optional;

/**
 * A derived closed form: {@code target = value}, for every index of {@code range} if present,
 * where the {@code conditions} hold (e.g. "l solves l + eps*rho'(l) = ||a||").
 */
public record Result(Expr target, Expr value, List<Relation> conditions, Optional<IndexRange> range) {
    public Result {
        conditions = List.copyOf(conditions);
    }

    public static Result of(Expr target, Expr value) {
        return new Result(target, value, List.of(), Optional.empty());
    }
}
