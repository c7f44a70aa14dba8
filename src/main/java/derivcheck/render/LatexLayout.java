package derivcheck.render;

import derivcheck.expr.Relation;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out relations as rows of an {@code align*} body: aligned at the relation sign, a long
 * right side broken at its top-level + and - (continuation rows indented by a quad), a long left
 * side moved onto a row of its own with mathtools' {@code \MoveEqLeft}.
 */
public final class LatexLayout {
    /** Usable width of a row, in em (A4, 2.5 cm margins, 11 pt, less room for the rule's tag). */
    public static final double WIDTH = 34;
    private static final double LONG_LEFT = 12;

    private final LatexPrinter printer;
    private final double width;

    public LatexLayout(LatexPrinter printer) { this(printer, WIDTH); }

    public LatexPrinter printer() { return printer; }

    public LatexLayout(LatexPrinter printer, double width) {
        this.printer = printer;
        this.width = width;
    }

    /** Rows (without the trailing {@code \\}) for a list of relations: a chain in one row, others in one row each. */
    public List<String> rows(List<Relation> rels) {
        List<String> out = new ArrayList<>();
        for (List<Relation> chain : Relation.chainsOf(rels)) {
            if (chain.size() > 1) {
                StringBuilder b = new StringBuilder(printer.print(chain.get(0).lhs())).append(" &");
                for (Relation r : chain) b.append(LatexPrinter.op(r.op())).append(' ').append(printer.print(r.rhs())).append(' ');
                out.add(b.toString().strip());
            } else {
                out.addAll(rows(printer.print(chain.get(0).lhs()), LatexPrinter.op(chain.get(0).op()),
                        printer.terms(chain.get(0).rhs())));
            }
        }
        return out;
    }

    /**
     * A piece that may be wider than the line on its own (a long fraction cannot be broken):
     * shrunk to fit by the sheet's {@code \\fitmath} when it really is too wide when typeset.
     */
    public static String fit(String math, double estimate, double room) {
        if (estimate <= 0.6 * room) return math;
        double share = Math.max(0.3, Math.min(0.95, room / WIDTH * 0.9));
        return "\\fitmath[" + String.format(java.util.Locale.ROOT, "%.2f", share) + "]{" + math + "}";
    }

    /** Rows for {@code lhs op rhs}, the right side given as its signed terms. */
    public List<String> rows(String lhs, String op, List<String> terms) {
        List<String> out = new ArrayList<>();
        double left = LatexWidth.of(lhs);
        double right = terms.stream().mapToDouble(LatexWidth::of).sum();
        // a long left side must not widen the left column of the whole alignment: \MoveEqLeft puts
        // it into the right column (on a row of its own if the right side is long too)
        boolean moveLeft = left > LONG_LEFT;
        if (moveLeft && left + right + 1.5 <= width - 2) {
            out.add("\\MoveEqLeft " + fit(lhs + " " + op + " " + String.join(" ", terms), left + right + 1.5, width - 2));
            return out;
        }
        if (moveLeft) lhs = fit(lhs, left, width - 2);
        double room = width - (moveLeft ? 2 : left) - 1.5;
        StringBuilder row = new StringBuilder(moveLeft ? "\\MoveEqLeft " + lhs + " \\\\ &" + op + " " : lhs + " &" + op + " ");
        double used = 0;
        boolean first = true;
        for (String t : terms) {
            double w = LatexWidth.of(t);
            if (!first && used + w > room) {
                out.add(row.toString().strip());
                row = new StringBuilder("&\\quad ");
                used = 1;
            }
            row.append(fit(t, w, room - used)).append(' ');
            used += w;
            first = false;
        }
        out.add(row.toString().strip());
        return out;
    }

    /** One display line for a relation, broken into an {@code aligned} block when too wide. */
    public String display(Relation r) {
        List<String> rows = rows(List.of(r));
        // only the row's own alignment point goes: a cases environment inside keeps its columns
        if (rows.size() == 1 && !rows.get(0).contains("\\MoveEqLeft")) return rows.get(0).replaceFirst(" &", " ");
        if (rows.size() == 1) return rows.get(0).replace("\\MoveEqLeft ", "");
        return "\\begin{aligned}" + String.join(" \\\\ ", rows).replace("\\MoveEqLeft ", "&") + "\\end{aligned}";
    }
}
