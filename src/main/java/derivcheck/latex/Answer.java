package derivcheck.latex;

import derivcheck.expr.Pos;
import derivcheck.model.Claim;
import derivcheck.expr.Expr;
import java.util.List;
import java.util.Optional;

/**
 * One answer as read: the text as written, where it starts, the chain of relations it states
 * (a = b = c gives a = b and b = c), the line of each side, and how it was read ("read as").
 *
 * @param latex    whether the text was read as LaTeX (else as the spec's ASCII expressions)
 * @param instance for a display with a second free index (dL/db_i = g_j/||w_j||): which instance
 *                 of it the claim is ("j = 1"), else empty. The claim holds for every value of that
 *                 index, so a counterexample at the instance disproves it, but agreement there proves
 *                 nothing about the other values.
 * @param instanced the sides (0-based) that mention that index
 * @param upToFactor the display says `target \propto value`: equal up to a positive factor independent
 *                   of the target (the claim holds the relation target = value)
 * @param notes    what the reader left out of the claim and says so: text after a formula read as prose
 *                 ({@code \text{ for all } i}), each a sentence that quotes it; never dropped without a word
 * @param objective for {@code \arg\min_x J = v}: the function J written under \arg\min (over the
 *                 unknown, which the claim's left side names); the display says v minimizes J, which is
 *                 the spec's question only when J is the spec's objective (the checker asks the judge)
 */
public record Answer(String input, Pos pos, Claim claim, List<Integer> sideLines, String readAs, boolean latex,
                     String instance, List<Integer> instanced, boolean upToFactor, List<String> notes,
                     Optional<Expr> objective) {
    public Answer {
        sideLines = List.copyOf(sideLines);
        instanced = List.copyOf(instanced);
        notes = List.copyOf(notes);
    }

    public Answer(String input, Pos pos, Claim claim, List<Integer> sideLines, String readAs, boolean latex,
                  String instance, List<Integer> instanced, boolean upToFactor, List<String> notes) {
        this(input, pos, claim, sideLines, readAs, latex, instance, instanced, upToFactor, notes, Optional.empty());
    }

    public Answer(String input, Pos pos, Claim claim, List<Integer> sideLines, String readAs, boolean latex,
                  String instance, List<Integer> instanced, boolean upToFactor) {
        this(input, pos, claim, sideLines, readAs, latex, instance, instanced, upToFactor, List.of());
    }

    /** The same answer with these notes. */
    public Answer withNotes(List<String> more) {
        return new Answer(input, pos, claim, sideLines, readAs, latex, instance, instanced, upToFactor, more, objective);
    }

    public Answer(String input, Pos pos, Claim claim, List<Integer> sideLines, String readAs, boolean latex) {
        this(input, pos, claim, sideLines, readAs, latex, "", List.of(), false);
    }

    public Answer(String input, Pos pos, Claim claim, List<Integer> sideLines, String readAs, boolean latex,
                  String instance, List<Integer> instanced) {
        this(input, pos, claim, sideLines, readAs, latex, instance, instanced, false);
    }

    /** True when the relation between sides a and b is only an instance of what the display states. */
    public boolean onlyAnInstance(int a, int b) {
        return !instance.isEmpty() && (instanced.contains(a) || instanced.contains(b));
    }
}
