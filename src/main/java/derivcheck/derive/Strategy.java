package derivcheck.derive;

import derivcheck.model.Problem;
import java.util.List;
import java.util.function.Supplier;

/**
 * One way to derive answers. A strategy looks at the structure of the mathematics only,
 * never at a problem's name; when the problem does not have the structure it needs, it
 * declines with a reason instead of guessing.
 */
public interface Strategy {
    /** A short name for reports, e.g. "affine stationarity". */
    String name();

    Attempt attempt(Problem problem, DeriveContext context);

    /**
     * The ways this strategy tries, in order, each under the name reports give it (the `by` of a
     * derivation, the notes). A plain strategy is one way, itself; an entry that prepares the
     * problem once and has several ways (the optimization entry: its fast paths, then the KKT
     * core) lists them, so that each is reported under its own name.
     */
    default List<Way> ways(Problem problem, DeriveContext context) {
        return List.of(new Way(name(), () -> attempt(problem, context)));
    }

    /** One named way: the engine runs {@code attempt} when it comes to it. */
    record Way(String name, Supplier<Attempt> attempt) {}
}
