package derivcheck.engine.cohort;

import derivcheck.engine.Checked;
import java.util.List;

/** The outcomes of one student's file, in the order the answers are written. {@code file} is relative to the submissions folder. */
public record FileResult(String student, String file, List<Checked> outcomes) {
    public FileResult { outcomes = List.copyOf(outcomes); }
}
