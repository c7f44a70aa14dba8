package derivcheck.engine.cohort;

import derivcheck.check.AnswerReport;
import derivcheck.engine.Checked;
import derivcheck.engine.PreparedProblem;
import derivcheck.expr.Expr;
import derivcheck.model.Mistake;
import java.util.Optional;

/**
 * One line of the reports: one answer of one student (or one text of theirs that could not be
 * read). The diagnosis is the checker's sentence; the feedback is the spec's own {@code mistake}
 * text when the answer is one of the anticipated mistakes.
 *
 * @param score  the points of the answer's target when it is right, 0 when it is not; empty when
 *               the answer is not about a graded target
 */
public record Row(String student, String file, int line, Optional<PreparedProblem> problem, String target, String verdict,
                  String input, String readAs, Optional<Integer> firstFalseStep, String diagnosis, String feedback,
                  Optional<Double> score, Optional<Expr> graded) {

    private static final java.util.regex.Pattern LOCATED = java.util.regex.Pattern.compile("^.*?:\\d+:\\d+: (.*)$");

    public String problemName() { return problem.map(p -> p.problem().name()).orElse(""); }

    static Row of(String student, String file, Checked c) {
        Optional<AnswerReport> r = c.report();
        String diagnosis = r.flatMap(AnswerReport::diagnosis).orElse(c.message().isEmpty() ? "" : firstLine(c.message()));
        String feedback = "";
        if (r.isPresent() && c.problem().isPresent() && r.get().diagnosis().isPresent()) {
            for (Mistake m : c.problem().get().problem().mistakes()) {
                if (m.feedback().equals(r.get().diagnosis().get())) feedback = m.feedback();
            }
            if (!feedback.isEmpty()) diagnosis = "one of the mistakes the spec anticipates";
        }
        Optional<Expr> graded = c.problem().flatMap(p -> c.answer().flatMap(p::gradedTarget));
        Optional<Double> score = graded.map(t -> c.status() == Checked.Status.CORRECT ? c.problem().get().gradedTargets().get(t) : 0.0);
        return new Row(student, file, c.pos().line(), c.problem(), c.target(), c.status().word(),
                c.answer().map(a -> a.input()).orElse(""), c.answer().map(a -> a.readAs()).orElse(""),
                r.flatMap(AnswerReport::firstFalseStep).map(AnswerReport.Step::line), diagnosis, feedback, score, graded);
    }

    /** The message without its quoted line and caret, and without the file:line:col prefix (the row has them). */
    private static String firstLine(String m) {
        String first = m.lines().findFirst().orElse("").strip();
        java.util.regex.Matcher x = LOCATED.matcher(first);
        return x.matches() ? x.group(1) : first;
    }
}
