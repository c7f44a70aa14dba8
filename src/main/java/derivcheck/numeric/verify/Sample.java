package derivcheck.numeric.verify;

import derivcheck.numeric.Env;
import derivcheck.numeric.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One draw of a problem: concrete sizes, a value for every given (and for every unknown and
 * random that a check does not set itself), implementations of the declared functions, and
 * every definition computed.
 *
 * @param index     which sample (0 is drawn at the smallest sizes allowed)
 * @param sizes     the dimension sizes
 * @param env       sizes, values (base values and computed definitions) and functions
 * @param drawn     the base values in the order they were drawn (for counterexamples)
 * @param functions how each declared function was implemented
 * @param tries     how many draws it took until every assumption held
 */
public record Sample(int index, Map<String, Integer> sizes, Env env, Map<String, Value> drawn, List<String> functions, int tries) {
    public Sample {
        sizes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
        drawn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(drawn));
        functions = List.copyOf(functions);
    }

    /** A fresh copy of the environment to change. */
    public Env copyEnv() { return env.copy(); }
}
