package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import derivcheck.limits.InputLimits;
import derivcheck.numeric.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

/** A counterexample never lists a million entries (issue 12: fgsm with dim p >= 10^6 printed 31 MB): the rest are counted. */
class ListedEntriesTest {
    @Test void aMillionEntryVectorIsListedUpToTheCapAndCounted() {
        String s = NumericVerdict.text(new Value.Vec(new ArrayRealVector(1_000_000, 0.5)));
        assertTrue(s.endsWith(", ... (1000000 entries)]"), s.substring(Math.max(0, s.length() - 80)));
        assertTrue(s.length() < 20 * InputLimits.MAX_LISTED_ENTRIES, "listed " + s.length() + " characters");
    }

    /** The JSON form (derive/verify/check --json) is cut the same way, and says how many entries it left out, per value. */
    @Test void aMillionEntryVectorInJsonIsCutAtTheCapWithTheOmittedCount() throws Exception {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("g", new Value.Vec(new ArrayRealVector(1_000_000, 0.5)));
        values.put("eps", new Value.Real(0.1));
        values.put("W", Value.of(new Array2DRowRealMatrix(1000, 1000)));
        values.put("v", new Value.Vec(new ArrayRealVector(3, 1.0)));
        NumericVerdict.Counterexample cx = new NumericVerdict.Counterexample(Map.of("p", 1_000_000), values, List.of(), Optional.empty(),
                new Value.Vec(new ArrayRealVector(1_000_000, 2.0)), new Value.Real(1.0), "differs", Map.of("d_star", new Value.Vec(new ArrayRealVector(60))));
        Map<String, Object> m = cx.toMap();
        @SuppressWarnings("unchecked") Map<String, Object> v = (Map<String, Object>) m.get("values");
        int cap = InputLimits.MAX_LISTED_ENTRIES;
        assertEquals(cap, ((List<?>) v.get("g")).size());
        assertEquals(0.1, v.get("eps"));
        assertEquals(3, ((List<?>) v.get("v")).size(), "a small vector is listed whole");
        // a matrix: whole rows while they fit (here the first row alone is longer than the cap, so it is cut)
        List<?> rows = (List<?>) v.get("W");
        assertEquals(1, rows.size());
        assertEquals(cap, ((List<?>) rows.get(0)).size());
        assertEquals(cap, ((List<?>) m.get("lhs")).size());
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("g", 1_000_000L - cap);
        expected.put("W", 1_000_000L - cap);
        expected.put("lhs", 1_000_000L - cap);
        expected.put("extra.d_star", 60L - cap);
        assertEquals(expected, m.get("omitted_entries"));
        String json = new ObjectMapper().writeValueAsString(m);
        assertTrue(json.length() < 40 * 5 * cap, "the JSON is " + json.length() + " characters");
    }

    @Test void aSmallCounterexampleHasNoOmittedEntries() {
        NumericVerdict.Counterexample cx = new NumericVerdict.Counterexample(Map.of("n", 2), Map.of("x", new Value.Vec(new ArrayRealVector(2, 1.0))),
                List.of(), Optional.empty(), new Value.Real(1.0), new Value.Real(2.0), "differs", Map.of());
        Map<String, Object> m = cx.toMap();
        assertFalse(m.containsKey("omitted_entries"), m.toString());
        assertEquals(List.of(1.0, 1.0), ((Map<?, ?>) m.get("values")).get("x"));
    }
}
