package derivcheck.engine.cohort;

import derivcheck.engine.Checked;
import derivcheck.expr.Pos;
import java.util.List;

/**
 * The outcomes of one student's file, in the order the answers are written. {@code file} is relative to the submissions folder.
 * {@code emptyDisplays} are where the file's empty displays ({@code $$ $$}, {@code \[ \]}) open: they hold no answer and are
 * skipped, and the reports name them (as {@code check} does) rather than dropping them without a word.
 */
public record FileResult(String student, String file, List<Checked> outcomes, List<Pos> emptyDisplays) {
    public FileResult {
        outcomes = List.copyOf(outcomes);
        emptyDisplays = List.copyOf(emptyDisplays);
    }

    public FileResult(String student, String file, List<Checked> outcomes) { this(student, file, outcomes, List.of()); }
}
