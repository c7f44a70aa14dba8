package derivcheck.model;

import derivcheck.expr.Pos;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import java.util.List;

/** {@code find alpha > 0 such that ||w1|| < ||w0||}: the unknown, its own bounds, the condition. */
public record SuchThat(Sym unknown, List<Relation> bounds, List<Relation> condition, Pos pos) {
    public SuchThat {
        bounds = List.copyOf(bounds);
        condition = List.copyOf(condition);
    }
}
