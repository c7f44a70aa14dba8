package derivcheck.engine;

import derivcheck.check.AnswerReport;
import derivcheck.expr.Pos;
import derivcheck.expr.TextPrinter;
import derivcheck.latex.Answer;
import java.util.Optional;

/**
 * The outcome for one answer (or one piece of text that could not be read as answers): the
 * verdict word, the answer as read, the checker's report when it ran, the problem it was read
 * against, and for {@code unreadable}/{@code timeout} the message (for an unreadable text the
 * rendered diagnostic, {@code file:line:col: message} with the line and a caret).
 *
 * @param reused whether the verdict was taken from an identical answer checked before (same spec)
 */
public record Checked(Status status, Pos pos, Optional<PreparedProblem> problem, Optional<Answer> answer,
                      Optional<AnswerReport> report, String message, boolean reused) {
    public enum Status {
        CORRECT, INCORRECT, UNDECIDED, UNREADABLE, TIMEOUT;

        public String word() { return name().toLowerCase(); }

        static Status of(AnswerReport.Word w) {
            return switch (w) { case CORRECT -> CORRECT; case INCORRECT -> INCORRECT; case UNDECIDED -> UNDECIDED; };
        }
    }

    static Checked of(AnswerReport r, PreparedProblem p, boolean reused) {
        return new Checked(Status.of(r.verdict()), r.answer().pos(), Optional.of(p), Optional.of(r.answer()), Optional.of(r), "", reused);
    }

    public static Checked unreadable(Pos pos, String message) {
        return new Checked(Status.UNREADABLE, pos, Optional.empty(), Optional.empty(), Optional.empty(), message, false);
    }

    public static Checked timeout(Pos pos, Optional<PreparedProblem> p, Optional<Answer> a, String message) {
        return new Checked(Status.TIMEOUT, pos, p, a, Optional.empty(), message, false);
    }

    /** The target as the spec writes it ("theta"), or "" when nothing was read. */
    public String target() {
        if (report.isPresent()) return report.get().target();
        return answer.map(a -> TextPrinter.print(a.claim().relations().get(0).lhs())).orElse("");
    }
}
