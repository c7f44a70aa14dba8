package derivcheck.derive.theorems;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cited theorem: a derivation may use it as one step. It is printed with its name, its
 * statement and its hypotheses, each hypothesis with how it was established for the problem at
 * hand; the step's conclusion is checked numerically like every derived result (the numeric
 * verifier re-solves the original problem, here possibly by a direct method).
 *
 * <p>Statement and hypotheses are explanation parts (text, {@link Expr}, {@link Relation}, as in
 * {@code Step.explained}) over placeholder symbols; a citation puts the problem's own quantities in
 * their place, so the sheet prints the theorem in the problem's names with its LaTeX printer.
 */
public record Theorem(String name, List<Object> statement, List<List<Object>> hypotheses) {
    public Theorem {
        statement = List.copyOf(statement);
        hypotheses = hypotheses.stream().map(List::copyOf).toList();
    }

    /**
     * The explanation parts of a step that cites it: name, statement and hypotheses with the
     * placeholders replaced by {@code instance}, each hypothesis followed by why it holds.
     */
    public List<Object> cite(Map<Sym, Expr> instance, List<List<Object>> why) {
        List<Object> b = new ArrayList<>();
        b.add(name + ": ");
        b.addAll(in(statement, instance));
        for (int k = 0; k < hypotheses.size(); k++) {
            b.add(k == 0 ? ". Hypotheses: " : "; ");
            b.addAll(in(hypotheses.get(k), instance));
            if (k < why.size() && !why.get(k).isEmpty()) {
                b.add(" (");
                b.addAll(why.get(k));
                b.add(")");
            }
        }
        return b;
    }

    private static List<Object> in(List<Object> parts, Map<Sym, Expr> instance) {
        List<Object> out = new ArrayList<>();
        for (Object o : parts) {
            if (o instanceof Expr e) out.add(put(e, instance));
            else if (o instanceof Relation r) out.add(new Relation(r.op(), put(r.lhs(), instance), put(r.rhs(), instance), r.pos()));
            else out.add(o);
        }
        return out;
    }

    /**
     * All placeholders at once, in one pass (a value naming a placeholder is not replaced again, and every
     * node is rebuilt with all its children replaced: g and x of size n become vectors of size p together).
     */
    private static Expr put(Expr e, Map<Sym, Expr> instance) {
        return Exprs.transform(e, x -> x instanceof Sym s ? instance.get(s) : null);
    }
}
