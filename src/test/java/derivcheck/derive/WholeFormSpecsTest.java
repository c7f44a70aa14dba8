package derivcheck.derive;

import derivcheck.numeric.verify.VerifyOptions;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Index sums and index-defined matrices used as a whole (src/test/resources/derive/whole/), run by the one
 * spec-folder harness ({@link SpecFolder}) with the numeric check: Σ_i c_i(⟨X_i, w⟩ − t_i)² in matrix form
 * ({@link WholeSums}) and `let Z_i = …` rows as a matrix ({@link WholeRows}) derive with every expect
 * verified symbolically and every result verified against the original problem, or are declined with the
 * reason (no rank assumption: the minimizer may not be unique; a centered row: no vector of ones).
 */
class WholeFormSpecsTest {
    @TestFactory
    Stream<DynamicTest> eachSpecIsDerivedInMatrixFormOrDeclinedWithItsReason() throws IOException {
        return SpecFolder.of("whole").atLeast(7).declinedAtLeast(2)
                .numeric(VerifyOptions.defaults().withSamples(6).withSeed(3)).tests();
    }
}
