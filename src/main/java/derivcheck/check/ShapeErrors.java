package derivcheck.check;

import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.latex.Answer;
import derivcheck.model.Claim;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import java.util.List;
import java.util.Optional;

/**
 * Issue 11, defect 9: an answer that reads but whose shapes do not fit (X X^T where X^T X is meant,
 * a vector added to a matrix) is a wrong answer, not unreadable input. The reader reports it as a
 * diagnostic from the expression model's shape rules; this turns such a diagnostic into an
 * {@code incorrect} verdict with the message and its position. Input with any other error stays
 * unreadable (exit 2).
 */
public final class ShapeErrors {
    private ShapeErrors() {}

    /** The shape-rule messages of derivcheck.expr (Shapes, Inner, Pow, Inverse). */
    private static final List<String> SHAPE_MESSAGES = List.of("not conformable", "cannot add a ", "<a, b> needs two vectors",
            "cannot raise a vector to a power", "only a square matrix has powers", "inv needs a square matrix");

    public static boolean isShapeError(Diagnostic d) {
        for (String m : SHAPE_MESSAGES) if (d.message().startsWith(m)) return true;
        return false;
    }

    /** A report `incorrect` when every diagnostic of a failed read is a shape error. */
    public static Optional<AnswerReport> asIncorrect(String input, Pos pos, ParseResult<?> read) {
        if (read == null || read.ok() || read.diagnostics().isEmpty()) return Optional.empty();
        for (Diagnostic d : read.diagnostics()) if (!isShapeError(d)) return Optional.empty();
        Diagnostic d = read.diagnostics().get(0);
        String where = d.pos().file() + ":" + d.pos().line() + ":" + d.pos().col();
        String message = d.message();
        String target = input.contains("=") ? input.substring(0, input.indexOf('=')).strip() : input.strip();
        // the answer has no value to compare: a placeholder claim carries the position for reports
        Claim placeholder = new Claim(List.of(new Relation(RelOp.EQ, Sym.scalar("answer"), Num.ZERO, pos)), Optional.empty(), input, pos);
        Answer a = new Answer(input, pos, placeholder, List.of(pos.line()), "(not conformable, see the diagnosis)", input.contains("\\"));
        NumericVerdict nv = NumericVerdict.undecided("shapes", 0L, "the answer has no value: " + message);
        return Optional.of(new AnswerReport(a, target, AnswerReport.Word.INCORRECT, "not run: the shapes do not fit",
                Optional.of(nv), Optional.of(message + " (at " + where + ")"), List.of(), "shapes"));
    }
}
