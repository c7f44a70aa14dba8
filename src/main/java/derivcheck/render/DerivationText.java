package derivcheck.render;

import derivcheck.check.ClaimReport;
import derivcheck.check.ProblemReport;
import derivcheck.check.ResultReport;
import derivcheck.check.Verdict;
import derivcheck.derive.Derivation;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.expr.Relation;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The plain-text report of one problem: derivation steps, results, and every claim's verdict. */
public final class DerivationText {
    private DerivationText() {}

    public static String print(ProblemReport report) {
        Problem p = report.problem();
        Derivation d = report.derivation();
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
        for (ResultReport r : report.results()) {
            b.append("  result  ").append(result(r.result())).append('\n');
            r.numeric().ifPresent(v -> b.append("          numeric: ").append(numeric(v)).append('\n'));
        }
        if (d.status() != Derivation.Status.DERIVED) {
            for (String n : d.notes()) b.append("    ").append(n).append('\n');
        }
        for (ClaimReport c : report.claims()) {
            b.append("  ").append(c.kind().word()).append("  line ").append(c.claim().pos().line()).append(": ")
                    .append(TextPrinter.print(c.claim().relations()));
            c.claim().range().ifPresent(x -> b.append(" for ").append(x.index().name()).append(" in ")
                    .append(TextPrinter.print(x.lo())).append("..").append(TextPrinter.print(x.hi())));
            b.append("  —  ").append(c.verdict().word().toUpperCase(Locale.ROOT)).append('\n');
            ExpectCheck.Outcome s = c.symbolic();
            b.append("          symbolic: ").append(s.symbolic().word());
            if (s.symbolic() != ExpectCheck.Verdict.VERIFIED) b.append(" (").append(s.reason()).append(')');
            b.append('\n');
            c.numeric().ifPresent(v -> b.append("          numeric: ").append(numeric(v)).append('\n'));
            if (c.verdict() == Verdict.FAILED) {
                c.numeric().flatMap(NumericVerdict::counterexample).ifPresent(ce ->
                        b.append("          counterexample: ").append(ce.toString().replace("\n", "\n            ")).append('\n'));
            }
        }
        return b.toString();
    }

    static String numeric(NumericVerdict v) {
        if (v.verified()) {
            return v.verifiedLine();
        }
        return v.verdict().word() + (v.reason() == null || v.reason().isEmpty() ? "" : " (" + v.reason() + ")");
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
        StringBuilder b = new StringBuilder(TextPrinter.print(r.relation()));
        r.range().ifPresent(x -> b.append(" for ").append(x.index().name()).append(" in ")
                .append(TextPrinter.print(x.lo())).append("..").append(TextPrinter.print(x.hi())));
        if (!r.conditions().isEmpty()) b.append(", where ").append(math(r.conditions()));
        return b.toString();
    }

}
