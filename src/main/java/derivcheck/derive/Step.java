package derivcheck.derive;

import derivcheck.expr.Expr;
import derivcheck.expr.Relation;
import derivcheck.expr.TextPrinter;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a derivation: the rule applied (Lagrangian, stationarity, case analysis, …),
 * the mathematics it produced as relations (usually one equation), and one line saying why.
 *
 * <p>The line is kept twice: as plain text ({@code justification}, the quantities printed in the
 * spec language) and as {@code parts}, a list of text pieces ({@link String}) and the quantities it
 * names ({@link Expr}, {@link Relation}) in the problem's own symbols, so that a renderer prints them
 * with the same printer as the formulas (the sheet in LaTeX math, never as ASCII).
 */
public record Step(String rule, List<Relation> math, String justification, List<Object> parts) {
    public Step {
        math = List.copyOf(math);
        parts = List.copyOf(parts);
        for (Object o : parts) {
            if (!(o instanceof String || o instanceof Expr || o instanceof Relation)) {
                throw new IllegalArgumentException("a part of a step's explanation is text, an Expr or a Relation: " + o);
            }
        }
    }

    /** A step whose explanation is text only. */
    public Step(String rule, List<Relation> math, String justification) {
        this(rule, math, justification, List.of(justification));
    }

    public static Step of(String rule, Relation r, String justification) {
        return new Step(rule, List.of(r), justification);
    }

    /** A step whose explanation names quantities: text pieces, Exprs and Relations in reading order. */
    public static Step explained(String rule, List<Relation> math, Object... parts) {
        return new Step(rule, math, text(List.of(parts)), List.of(parts));
    }

    public static Step explained(String rule, Relation r, Object... parts) {
        return explained(rule, List.of(r), parts);
    }

    /** The explanation as plain text, each quantity in the spec language. */
    static String text(List<Object> parts) {
        StringBuilder b = new StringBuilder();
        for (Object o : parts) {
            if (o instanceof Expr e) b.append(TextPrinter.print(e));
            else if (o instanceof Relation r) b.append(TextPrinter.print(r));
            else b.append(o);
        }
        return b.toString();
    }

    /** The parts with adjacent text pieces joined (for renderers). */
    public List<Object> joinedParts() {
        List<Object> out = new ArrayList<>();
        for (Object o : parts) {
            if (o instanceof String s && !out.isEmpty() && out.get(out.size() - 1) instanceof String t) out.set(out.size() - 1, t + s);
            else out.add(o);
        }
        return out;
    }
}
