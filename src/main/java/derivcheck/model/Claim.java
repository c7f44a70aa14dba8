package derivcheck.model;

import derivcheck.expr.Pos;
import derivcheck.expr.Relation;
import java.util.List;
import java.util.Optional;

/**
 * A stated relation: an `expect`, a `show`, or the relation of a `mistake`. It may hold for every
 * index of a range ({@code for j in 1..N}). {@code text} is the source text as written.
 */
public record Claim(List<Relation> relations, Optional<IndexRange> range, String text, Pos pos) {
    public Claim { relations = List.copyOf(relations); }
}
