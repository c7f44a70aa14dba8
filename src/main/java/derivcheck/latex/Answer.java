package derivcheck.latex;

import derivcheck.expr.Pos;
import derivcheck.model.Claim;
import java.util.List;

/**
 * One answer as read: the text as written, where it starts, the chain of relations it states
 * (a = b = c gives a = b and b = c), the line of each side, and how it was read ("read as").
 *
 * @param latex whether the text was read as LaTeX (else as the spec's ASCII expressions)
 */
public record Answer(String input, Pos pos, Claim claim, List<Integer> sideLines, String readAs, boolean latex) {
    public Answer { sideLines = List.copyOf(sideLines); }
}
