package derivcheck.render;

import derivcheck.derive.Derivation;
import derivcheck.derive.ExpectCheck;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.expr.Relation;
import derivcheck.model.Problem;
import java.util.List;

/** The plain-text report of one problem's derivation and expect checks, for people. */
public final class DerivationText {
    private DerivationText() {}

    public static String print(Problem p, Derivation d, List<ExpectCheck.Outcome> expects) {
        StringBuilder b = new StringBuilder();
        b.append(p.name());
        if (!p.title().isEmpty()) b.append(" — ").append(p.title());
        if (!p.source().isEmpty()) b.append(" (").append(p.source()).append(')');
        b.append('\n').append("  ").append(p.file()).append('\n');
        switch (d.status()) {
            case DERIVED -> b.append("  derived by ").append(d.strategy()).append('\n');
            case DECLINED -> b.append("  declined: no strategy applies\n");
            case UNDECIDED -> b.append("  undecided: ").append(d.strategy()).append(" applies but could not finish\n");
        }
        int width = d.steps().stream().mapToInt(s -> s.rule().length()).max().orElse(0);
        int k = 1;
        for (Step s : d.steps()) {
            String head = String.format("  %2d. %-" + width + "s  ", k++, s.rule());
            b.append(head).append(math(s.math())).append('\n');
            if (!s.justification().isEmpty()) b.append(" ".repeat(head.length())).append(s.justification()).append('\n');
        }
        for (Result r : d.results()) b.append("  result  ").append(result(r)).append('\n');
        if (d.status() != Derivation.Status.DERIVED) {
            for (String n : d.notes()) b.append("    ").append(n).append('\n');
        }
        for (ExpectCheck.Outcome o : expects) {
            b.append("  expect  line ").append(o.claim().pos().line()).append(": ").append(TextPrinter.print(o.claim().relations()));
            b.append("  —  ").append(o.symbolic().word());
            if (o.symbolic() != ExpectCheck.Verdict.VERIFIED) b.append(" (").append(o.reason()).append(')');
            b.append('\n');
        }
        return b.toString();
    }

    static String math(List<Relation> rs) {
        StringBuilder b = new StringBuilder();
        for (Relation r : rs) {
            if (b.length() > 0) b.append(",  ");
            b.append(TextPrinter.print(r));
        }
        return b.toString();
    }

    public static String result(Result r) {
        StringBuilder b = new StringBuilder(TextPrinter.print(r.target()) + " = " + TextPrinter.print(r.value()));
        r.range().ifPresent(x -> b.append(" for ").append(x.index().name()).append(" in ")
                .append(TextPrinter.print(x.lo())).append("..").append(TextPrinter.print(x.hi())));
        if (!r.conditions().isEmpty()) b.append(", where ").append(math(r.conditions()));
        return b.toString();
    }
}
