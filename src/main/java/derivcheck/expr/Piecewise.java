package derivcheck.expr;

import java.util.ArrayList;
import java.util.List;

/** A value by cases; the first arm whose guard holds applies. An empty guard means "otherwise". */
public record Piecewise(List<Arm> arms, Pos pos) implements Expr {
    /** One case: the value and the conditions (all must hold). */
    public record Arm(Expr value, List<Relation> guard) {
        public Arm { guard = List.copyOf(guard); }
    }

    public Piecewise {
        arms = List.copyOf(arms);
        if (arms.isEmpty()) throw new ShapeException("cases needs at least one arm", pos);
        Shape s = arms.get(0).value().shape();
        for (Arm a : arms) {
            if (!a.value().shape().equals(s)) {
                throw new ShapeException("the cases have different shapes: a " + Shapes.describe(s) + " and a " + Shapes.describe(a.value().shape()), pos);
            }
        }
    }

    @Override public Shape shape() { return arms.get(0).value().shape(); }

    @Override public List<Expr> children() {
        List<Expr> c = new ArrayList<>();
        for (Arm a : arms) {
            c.add(a.value());
            for (Relation r : a.guard()) { c.add(r.lhs()); c.add(r.rhs()); }
        }
        return c;
    }

    @Override public Expr withChildren(List<Expr> c) {
        List<Arm> out = new ArrayList<>();
        int k = 0;
        for (Arm a : arms) {
            Expr v = c.get(k++);
            List<Relation> g = new ArrayList<>();
            for (Relation r : a.guard()) { g.add(new Relation(r.op(), c.get(k++), c.get(k++), r.pos())); }
            out.add(new Arm(v, g));
        }
        return new Piecewise(out, pos);
    }
}
