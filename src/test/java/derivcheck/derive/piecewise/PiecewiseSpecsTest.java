package derivcheck.derive.piecewise;

import derivcheck.derive.SpecFolder;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Piecewise results compared with expects written in another piecewise form
 * (src/test/resources/derive/piecewise/), run by the one spec-folder harness ({@link SpecFolder}):
 * each spec is derived with every expect verified, except a wrong expect that the region-by-region
 * test must leave undecided ("derived; undecided: EXPECT because region by region").
 */
class PiecewiseSpecsTest {
    @TestFactory
    Stream<DynamicTest> eachPiecewiseExpectIsDecidedAsItsSpecSays() throws IOException {
        return SpecFolder.of("piecewise").atLeast(6).tests();
    }

    /**
     * Entrywise results with a scalar broadcast (src/test/resources/derive/entrywise/): the vector soft
     * threshold sign(a) .* max(abs(a) - eps*lambda, 0) derived and printed as a sheet writes it
     * ({@code # result:}), compared with its clip and case forms, and verified numerically against
     * the original problem; every mistake caught.
     */
    @TestFactory
    Stream<DynamicTest> eachEntrywiseSpecDerivesAndVerifiesAsItSays() throws IOException {
        return SpecFolder.of("entrywise").atLeast(8).numeric(derivcheck.numeric.verify.VerifyOptions.defaults()).tests();
    }

    /** Finite geometric sums in closed form (src/test/resources/derive/sums/), only where the ratio is not 1. */
    @TestFactory
    Stream<DynamicTest> eachSumExpectIsDecidedAsItsSpecSays() throws IOException {
        return SpecFolder.of("sums").atLeast(3).tests();
    }
}
