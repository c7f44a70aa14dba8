package derivcheck.derive.optimization;

import derivcheck.derive.SpecFolder;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Optimization problems beyond the seeds (src/test/resources/derive/optim/), run by the one
 * spec-folder harness ({@link SpecFolder}): derived by the named strategy with every expect
 * verified symbolically, or declined with every strategy saying why.
 */
class OptimizationSpecsTest {
    @TestFactory
    Stream<DynamicTest> eachSpecIsDerivedByItsStrategyOrDeclined() throws IOException {
        return SpecFolder.of("optim").atLeast(8).tests();
    }
}
