package derivcheck.derive;

import java.util.List;

/** What one strategy made of a problem. */
public sealed interface Attempt {
    /** The strategy applied and produced results. */
    record Derived(List<Step> steps, List<Result> results) implements Attempt {
        public Derived {
            steps = List.copyOf(steps);
            results = List.copyOf(results);
        }
    }

    /** The strategy does not apply to this problem (a plain reason for people). */
    record Declined(String reason) implements Attempt {}

    /** The strategy applies but could not finish (a time limit, a CAS that could not solve). */
    record Undecided(String reason) implements Attempt {}

    static Attempt declined(String reason) { return new Declined(reason); }

    static Attempt undecided(String reason) { return new Undecided(reason); }
}
