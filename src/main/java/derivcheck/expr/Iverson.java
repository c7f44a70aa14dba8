package derivcheck.expr;

import java.util.ArrayList;
import java.util.List;

/** The Iverson bracket {@code [j = i]}: 1 where all conditions hold, else 0. */
public record Iverson(List<Relation> conditions, Pos pos) implements Expr {
    public Iverson {
        conditions = List.copyOf(conditions);
        for (Relation r : conditions) {
            if (!r.lhs().isScalar()) throw new ShapeException("an Iverson bracket compares scalars", pos);
        }
    }

    @Override public Shape shape() { return Shape.SCALAR; }

    @Override public List<Expr> children() {
        List<Expr> c = new ArrayList<>();
        for (Relation r : conditions) { c.add(r.lhs()); c.add(r.rhs()); }
        return c;
    }

    @Override public Expr withChildren(List<Expr> c) {
        List<Relation> out = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            Relation r = conditions.get(i);
            out.add(new Relation(r.op(), c.get(2 * i), c.get(2 * i + 1), r.pos()));
        }
        return new Iverson(out, pos);
    }
}
