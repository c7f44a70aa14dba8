package derivcheck.derive;

import derivcheck.model.Problem;

/**
 * One way to derive answers. A strategy looks at the structure of the mathematics only,
 * never at a problem's name; when the problem does not have the structure it needs, it
 * declines with a reason instead of guessing.
 */
public interface Strategy {
    /** A short name for reports, e.g. "affine stationarity". */
    String name();

    Attempt attempt(Problem problem, DeriveContext context);
}
