package derivcheck.check;

import derivcheck.latex.Answer;
import derivcheck.numeric.verify.NumericVerdict;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one hand-written answer: {@code correct} (proved, or agreeing samples of the
 * valid domain), {@code incorrect} (only with a counterexample at a point where the problem, the
 * reference and the answer are defined, or an answer whose shapes are not conformable),
 * {@code undecided} (with the reason); the evidence the verdict rests on; a diagnosis in one
 * sentence; and for a chain the verdict of every step. The answer's verdict is about its final
 * value (the last side of the chain); a step verdict is about one link {@code a = b} of the chain,
 * so a correct final answer can have an incorrect step: {@link #summary()} says both.
 *
 * @param evidence which evidence the verdict rests on ("exact", "numeric, 20 samples",
 *                 "symbolic proof", "the original problem, re-solved", "shapes")
 */
public record AnswerReport(Answer answer, String target, Word verdict, String symbolic, Optional<NumericVerdict> numeric,
                           Optional<String> diagnosis, List<Step> steps, String evidence) {
    public enum Word {
        CORRECT, INCORRECT, UNDECIDED;

        public String word() { return name().toLowerCase(); }
    }

    /** One adjacent step {@code from = to} of a chain, at the line where {@code to} is written. */
    public record Step(int line, String from, String to, Word verdict, Optional<NumericVerdict> numeric) {}

    public AnswerReport { steps = List.copyOf(steps); }

    public AnswerReport(Answer answer, String target, Word verdict, String symbolic, Optional<NumericVerdict> numeric,
                        Optional<String> diagnosis, List<Step> steps) {
        this(answer, target, verdict, symbolic, numeric, diagnosis, steps, "");
    }

    /** The first false step, if any. */
    public Optional<Step> firstFalseStep() {
        return steps.stream().filter(s -> s.verdict() == Word.INCORRECT).findFirst();
    }

    /** The steps judged incorrect, in order. */
    public List<Step> incorrectSteps() {
        return steps.stream().filter(s -> s.verdict() == Word.INCORRECT).toList();
    }

    /** True when the answer or one of its steps is incorrect (what exit code 1 means). */
    public boolean hasError() { return verdict == Word.INCORRECT || firstFalseStep().isPresent(); }

    /**
     * The verdict as a sentence that never contradicts the steps: "final answer correct",
     * "final answer correct, the step 2 (line 3) incorrect", "final answer incorrect", ... (steps
     * are numbered in the chain, lines are where their right side is written).
     */
    public String summary() {
        StringBuilder b = new StringBuilder("final answer ").append(verdict.word());
        List<Integer> bad = new java.util.ArrayList<>();
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).verdict() == Word.INCORRECT) bad.add(i);
        if (!bad.isEmpty()) {
            b.append(bad.size() == 1 ? ", the step " : ", the steps ");
            for (int i = 0; i < bad.size(); i++) {
                Step s = steps.get(bad.get(i));
                b.append(i > 0 ? (i + 1 == bad.size() ? " and " : ", ") : "").append(bad.get(i) + 1).append(" (line ").append(s.line()).append(')');
            }
            b.append(" incorrect");
        }
        return b.toString();
    }
}
