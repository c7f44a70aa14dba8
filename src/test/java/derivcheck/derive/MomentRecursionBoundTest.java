package derivcheck.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.model.Problem;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** E||Ax||^2 and Var||Ax||^2 for x ~ N(0, I): the moment rules used to recurse without end. */
class MomentRecursionBoundTest {
    @Test
    void aQuadraticFormInAGaussianVectorIsUndecidedWithAReasonInsteadOfAStackOverflow() throws Exception {
        String path = "src/test/resources/derive/undecided/gaussian_quadratic_form.prob";
        Problem p = SpecReader.read(new SourceText(path, Files.readString(Path.of(path)))).get();
        Derivation d = Engine.standard(Cas.shared()).derive(p);
        assertEquals(Derivation.Status.UNDECIDED, d.status(), () -> String.valueOf(d.notes()));
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("go round in a circle")), () -> String.valueOf(d.notes()));
    }
}
