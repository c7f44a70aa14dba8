package derivcheck.check;

import derivcheck.latex.Answer;
import derivcheck.numeric.verify.NumericVerdict;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one hand-written answer: {@code correct} (a symbolic proof or agreeing numeric
 * samples), {@code incorrect} (only with a numerically confirmed counterexample, or shapes that
 * cannot be equal), {@code undecided}; the evidence of each tier; a diagnosis in one sentence;
 * and for a chain the verdict of every step.
 */
public record AnswerReport(Answer answer, String target, Word verdict, String symbolic, Optional<NumericVerdict> numeric,
                           Optional<String> diagnosis, List<Step> steps) {
    public enum Word {
        CORRECT, INCORRECT, UNDECIDED;

        public String word() { return name().toLowerCase(); }
    }

    /** One adjacent step {@code from = to} of a chain, at the line where {@code to} is written. */
    public record Step(int line, String from, String to, Word verdict, Optional<NumericVerdict> numeric) {}

    public AnswerReport { steps = List.copyOf(steps); }

    /** The first false step, if any. */
    public Optional<Step> firstFalseStep() {
        return steps.stream().filter(s -> s.verdict() == Word.INCORRECT).findFirst();
    }
}
