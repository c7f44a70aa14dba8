package derivcheck.derive.optimization;

import derivcheck.derive.SpecFolder;
import derivcheck.numeric.verify.VerifyOptions;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The KKT core's specs (src/test/resources/derive/kkt/), run by the one spec-folder harness
 * ({@link SpecFolder}): a derived spec has every expect verified symbolically (index-wise ones too)
 * and every result verified numerically against the original problem (the re-solve, independent of
 * the derivation); a declined one ("declined by KKT core (active sets) because …") gives the core's reason.
 */
class KktSpecsTest {
    @TestFactory
    Stream<DynamicTest> eachSpecIsDerivedRightOrDeclinedWithItsReason() throws IOException {
        return SpecFolder.of("kkt").atLeast(10).declinedAtLeast(2)
                .numeric(VerifyOptions.defaults().withSamples(6).withSeed(3)).tests();
    }
}
