package derivcheck.numeric.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.limits.InputLimits;
import derivcheck.numeric.Value;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

/** A counterexample never lists a million entries (issue 12: fgsm with dim p >= 10^6 printed 31 MB): the rest are counted. */
class ListedEntriesTest {
    @Test void aMillionEntryVectorIsListedUpToTheCapAndCounted() {
        String s = NumericVerdict.text(new Value.Vec(new ArrayRealVector(1_000_000, 0.5)));
        assertTrue(s.endsWith(", ... (1000000 entries)]"), s.substring(Math.max(0, s.length() - 80)));
        assertTrue(s.length() < 20 * InputLimits.MAX_LISTED_ENTRIES, "listed " + s.length() + " characters");
    }
}
