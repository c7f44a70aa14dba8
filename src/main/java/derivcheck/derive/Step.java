package derivcheck.derive;

import derivcheck.expr.Relation;
import java.util.List;

/**
 * One step of a derivation: the rule applied (Lagrangian, stationarity, case analysis, …),
 * the mathematics it produced as relations (usually one equation), and one line saying why.
 */
public record Step(String rule, List<Relation> math, String justification) {
    public Step {
        math = List.copyOf(math);
    }

    public static Step of(String rule, Relation r, String justification) {
        return new Step(rule, List.of(r), justification);
    }
}
