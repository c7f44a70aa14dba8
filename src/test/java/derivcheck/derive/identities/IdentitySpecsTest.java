package derivcheck.derive.identities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.SpecFixtures;
import derivcheck.model.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `show` identities: proven by definitions, assumptions, Gram expansion and a zero test, or left undecided. */
class IdentitySpecsTest {
    @ParameterizedTest
    @ValueSource(strings = {"bn_weight_decay_orthogonal", "scale_invariant_gradient", "prior_shift", "prox_weight_decay_sgd_match",
            "effective_learning_rate", "matrix_factorization_nonunique", "matrix_factorization_nonconvex"})
    void everyShowOfTheSpecIsProvenWithOneStepPerIdentity(String name) throws Exception {
        Problem p = SpecFixtures.read(Path.of("problems/" + name + ".prob"));
        Derivation d = Engine.standard(Cas.shared()).derive(p);
        assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
        assertEquals("identities", d.strategy());
        int relations = p.shows().stream().mapToInt(c -> c.relations().size()).sum();
        assertEquals(relations, d.steps().size());
    }

    @Test
    void aBiasVarianceIdentityWithTheBiasMissingIsNotProven() throws Exception {
        Problem p = SpecFixtures.read(Path.of("src/test/resources/derive/moments/missing_term.prob"));
        Derivation d = Engine.standard(Cas.shared()).derive(p);
        assertEquals(Derivation.Status.UNDECIDED, d.status());
    }
}
