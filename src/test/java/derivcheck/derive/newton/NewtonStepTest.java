package derivcheck.derive.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Attempt;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.derive.SpecFolder;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The strategy "Newton step": second derivatives grad(grad(f, w), w) computed innermost first, the
 * curvature decided before the step is written (src/test/resources/derive/second/; the vector steps are
 * in derive/families/, run by FamilySpecsTest).
 */
class NewtonStepTest {
    private static Problem read(String text) {
        return SpecReader.read(new SourceText("t.prob", text)).get();
    }

    @TestFactory
    Stream<DynamicTest> eachScalarNewtonStepSpecIsDerivedAndVerifiedNumerically() throws IOException {
        return SpecFolder.of("second").atLeast(2).numeric(VerifyOptions.defaults()).tests();
    }

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

    private static final String QUADRATIC = """
            problem q
              dim n
              given A : matrix[n, n] PROPERTY
              given b, w : vector[n]
              let f = 1/2*w'*A*w - b'*w
              let wn = w - inv(grad(grad(f, w), w))*grad(f, w)
              find wn
            """;

    private static Attempt attempt(String property) {
        Problem p = read(QUADRATIC.replace("PROPERTY", property));
        return new NewtonStep().attempt(p, Engine.standard(Cas.shared()).context(p));
    }

    @Test
    void aSemidefiniteHessianIsDeclinedBecauseItMayBeSingularAndTheStepMayNotExist() {
        Attempt a = attempt("positive semidefinite");
        assertTrue(a instanceof Attempt.Declined d && d.reason().contains("only positive semidefinite")
                && d.reason().contains("may be singular") && d.reason().contains("add `positive definite` to A's given"), a.toString());
    }

    @Test
    void anIndefiniteHessianIsDeclinedForTheSaddleAndAPositiveDefiniteOneIsDerived() {
        Attempt a = attempt("symmetric");
        assertTrue(a instanceof Attempt.Declined d && d.reason().contains("not shown positive definite")
                && !d.reason().contains("may be singular"), a.toString());
        assertTrue(attempt("positive definite") instanceof Attempt.Derived, () -> attempt("positive definite").toString());
    }
}
