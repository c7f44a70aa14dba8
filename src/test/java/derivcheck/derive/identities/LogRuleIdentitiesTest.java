package derivcheck.derive.identities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.SpecFixtures;
import derivcheck.derive.SpecFolder;
import derivcheck.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Log rules under sums (src/test/resources/derive/identities/): log(ab) and log(a/b) split only
 * where every argument is known positive, sums split by linearity; false identities stay unproven.
 */
class LogRuleIdentitiesTest {
    @TestFactory
    Stream<DynamicTest> eachIdentityIsProvenOrLeftUndecidedAsItsSpecSays() throws IOException {
        return SpecFolder.of("identities").atLeast(5).tests();
    }

    @Test
    void klEqualsCrossEntropyPlusNegativeEntropyIsProvenWithTheLogRules() throws Exception {
        Problem p = SpecFixtures.read(Path.of("problems/kl_cross_entropy.prob"));
        Derivation d = Engine.standard(Cas.shared()).derive(p);
        assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
        assertEquals("identities", d.strategy());
        assertTrue(d.steps().get(0).justification().contains("split the logarithms"), d.steps().get(0).justification());
    }
}
