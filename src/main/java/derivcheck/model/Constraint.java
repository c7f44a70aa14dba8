package derivcheck.model;

import derivcheck.expr.Pos;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import java.util.List;
import java.util.Optional;

/**
 * A constraint: one comparison or a chain ({@code -eps <= d_i <= eps}), optionally for every
 * index i ({@code for all i}; the range is the size of the vectors indexed by i).
 */
public record Constraint(List<Relation> relations, Optional<Sym> forAll, Pos pos) {
    public Constraint { relations = List.copyOf(relations); }
}
