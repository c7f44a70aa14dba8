package derivcheck.derive;

import java.util.List;

/**
 * The outcome of deriving a problem: {@code derived} by one strategy (its steps and results),
 * {@code declined} when no strategy applies, {@code undecided} when one applied but could not
 * finish. {@code notes} says what every strategy tried made of the problem.
 */
public record Derivation(Status status, String strategy, List<Step> steps, List<Result> results, List<String> notes) {
    public enum Status {
        DERIVED, DECLINED, UNDECIDED;

        public String word() { return name().toLowerCase(); }
    }

    public Derivation {
        steps = List.copyOf(steps);
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }
}
