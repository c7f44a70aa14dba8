package derivcheck.derive.moments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.model.Problem;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Var||Az||^2 with only two moments of z: the moment rules used to recurse without end; now bounded. */
class MomentRecursionBoundTest {
    @Test
    void aQuadraticFormInAGaussianVectorIsUndecidedWithAReasonInsteadOfAStackOverflow() throws Exception {
        String path = "src/test/resources/derive/families/centred_noise_quadratic_variance.prob";
        Problem p = SpecReader.read(new SourceText(path, Files.readString(Path.of(path)))).get();
        Derivation d = Engine.standard(Cas.shared()).derive(p);
        assertEquals(Derivation.Status.UNDECIDED, d.status(), () -> String.valueOf(d.notes()));
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("go round in a circle")), () -> String.valueOf(d.notes()));
    }
}
