package derivcheck.check;

import derivcheck.derive.SpecFolder;
import derivcheck.numeric.verify.VerifyOptions;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The families of issue 17 (src/test/resources/derive/families/), run by the one spec-folder harness
 * ({@link SpecFolder}, the syntax in docs/spec-language.md): a derived spec is derived by its strategy,
 * every result passes its numeric check and every expect is verified; a declined one says why.
 */
class FamilySpecsTest {
    @TestFactory
    Stream<DynamicTest> eachFamilySpecIsDerivedRightOrDeclinedWithItsReason() throws IOException {
        return SpecFolder.of("families").atLeast(5).numeric(VerifyOptions.defaults()).tests();
    }
}
