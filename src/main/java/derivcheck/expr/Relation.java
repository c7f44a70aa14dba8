package derivcheck.expr;

import java.util.ArrayList;
import java.util.List;

/** A comparison of two expressions of one shape (elementwise for vectors). */
public record Relation(RelOp op, Expr lhs, Expr rhs, Pos pos) {
    public Relation {
        if (!lhs.shape().equals(rhs.shape()) && !rhs.isScalar() && !lhs.isScalar()) {
            throw new ShapeException("cannot compare a " + Shapes.describe(lhs.shape()) + " with a " + Shapes.describe(rhs.shape()), pos);
        }
    }

    /**
     * The relations as proper chains, in order: each relation of a chain starts with the previous
     * one's right side and all of them run one way ({@code a <= b < c}, {@code a = b <= c},
     * {@code a >= b > c}). Relations that share a side but run both ways ({@code a > x} and
     * {@code x < y}) are two chains, printed as a conjunction, never as {@code a > x < y}; two that
     * start from the same side and run opposite ways are one chain with the first turned round
     * ({@code x > a} and {@code x < b} is {@code a < x < b}). {@code !=} never chains.
     */
    public static List<List<Relation>> chainsOf(List<Relation> rels) {
        List<List<Relation>> out = new ArrayList<>();
        List<Relation> run = new ArrayList<>();
        int direction = 0;
        for (Relation r : rels) {
            if (!run.isEmpty()) {
                Relation last = run.get(run.size() - 1);
                if (continues(direction, last, r)) {
                    run.add(r);
                    direction = direction != 0 ? direction : direction(r.op());
                    continue;
                }
                if (run.size() == 1 && last.lhs().equals(r.lhs()) && direction(last.op()) != 0
                        && direction(last.op()) == -direction(r.op())) {
                    run.set(0, last.flipped());
                    run.add(r);
                    direction = direction(r.op());
                    continue;
                }
                out.add(run);
                run = new ArrayList<>();
            }
            run.add(r);
            direction = direction(r.op());
        }
        if (!run.isEmpty()) out.add(run);
        return out;
    }

    /** The same relation with its sides swapped: {@code x > a} is {@code a < x}. */
    public Relation flipped() { return new Relation(op.flipped(), rhs, lhs, pos); }

    private static boolean continues(int direction, Relation prev, Relation next) {
        if (prev.op() == RelOp.NE || next.op() == RelOp.NE || !next.lhs().equals(prev.rhs())) return false;
        int d = direction(next.op());
        return d == 0 || direction == 0 || d == direction;
    }

    /** +1 for {@code <} and {@code <=}, −1 for {@code >} and {@code >=}, 0 for {@code =}. */
    private static int direction(RelOp op) {
        return switch (op) { case LT, LE -> 1; case GT, GE -> -1; default -> 0; };
    }
}
