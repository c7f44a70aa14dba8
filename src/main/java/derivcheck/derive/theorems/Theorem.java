package derivcheck.derive.theorems;

import java.util.List;

/**
 * A cited theorem: a derivation may use it as one step. It is printed with its name, its
 * statement and its hypotheses, each hypothesis with how it was established for the problem at
 * hand; the step's conclusion is checked numerically like every derived result (the numeric
 * verifier re-solves the original problem, here possibly by a direct method).
 */
public record Theorem(String name, String statement, List<String> hypotheses) {
    public Theorem { hypotheses = List.copyOf(hypotheses); }

    /** The justification printed with a step that cites it: name, statement, hypotheses and why they hold. */
    public String cite(List<String> why) {
        StringBuilder b = new StringBuilder(name).append(": ").append(statement);
        for (int k = 0; k < hypotheses.size(); k++) {
            b.append(k == 0 ? ". Hypotheses: " : "; ").append(hypotheses.get(k));
            if (k < why.size() && !why.get(k).isEmpty()) b.append(" (").append(why.get(k)).append(")");
        }
        return b.toString();
    }
}
