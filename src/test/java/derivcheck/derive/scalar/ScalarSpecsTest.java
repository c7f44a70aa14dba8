package derivcheck.derive.scalar;

import derivcheck.derive.SpecFolder;
import derivcheck.numeric.verify.VerifyOptions;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scalar problems a sheet solves in a line, and scalar objectives whose stationary point is not a
 * minimizer (src/test/resources/derive/scalar/), run by the one spec-folder harness
 * ({@link SpecFolder}): a derived spec has every expect verified symbolically and every claim
 * (results, expects) verified numerically against the original statement; a declined or undecided
 * one gives its reason.
 */
class ScalarSpecsTest {
    @TestFactory
    Stream<DynamicTest> eachSpecIsDerivedAndVerifiedOrDeclinedWithItsReason() throws IOException {
        return SpecFolder.of("scalar").atLeast(13).numeric(VerifyOptions.defaults()).tests();
    }
}
