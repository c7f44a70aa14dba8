package derivcheck.derive.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Second derivatives grad(grad(f, w), w) are computed innermost first; the Newton step verifies. */
class SecondDerivativeSpecsTest {
    @Test
    void logisticNewtonStepDerivesAndItsResultAndExpectPassTheNumericCheck() throws Exception {
        String path = "src/test/resources/derive/second/logistic_newton_step.prob";
        Problem p = SpecReader.read(new SourceText(path, Files.readString(Path.of(path)))).get();
        Derivation d = Engine.standard(Cas.shared()).derive(p);
        assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.valueOf(d.notes()));
        Result r = d.results().get(0);
        var v = NumericVerifier.checkResult(p, r.target(), r.value(), r.range(), VerifyOptions.defaults());
        assertEquals(derivcheck.numeric.verify.NumericVerdict.Kind.VERIFIED, v.verdict(), v.reason());
        for (var c : NumericVerifier.of(p, VerifyOptions.defaults()).verifyAll()) {
            assertFalse(!c.ok(), c.kind() + " " + c.claim().text() + ": " + c.verdict().reason());
        }
    }
}
