package derivcheck.derive.identities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.SpecFixtures;
import derivcheck.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Log rules under sums (src/test/resources/derive/identities/): log(ab) and log(a/b) split only
 * where every argument is known positive, sums split by linearity; false identities stay unproven.
 */
class LogRuleIdentitiesTest {
    private static final Pattern EXPECTATION = Pattern.compile("#\\s*expect:\\s*(derived|undecided)");

    @TestFactory
    Stream<DynamicTest> eachIdentityIsProvenOrLeftUndecidedAsItsSpecSays() throws IOException {
        Engine engine = Engine.standard(Cas.shared());
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/derive/identities"))) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        assertTrue(specs.size() >= 5);
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            Matcher m = EXPECTATION.matcher(Files.readString(spec));
            assertTrue(m.find(), "the spec states what must happen");
            Problem p = SpecFixtures.read(spec);
            Derivation d = engine.derive(p);
            Derivation.Status want = m.group(1).equals("derived") ? Derivation.Status.DERIVED : Derivation.Status.UNDECIDED;
            assertEquals(want, d.status(), () -> String.join("\n", d.notes()));
        }));
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
