package derivcheck.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Path;

/** Reading a spec and deriving a seed with every expect verified: shared by the derive test packages. */
public final class SpecFixtures {
    private SpecFixtures() {}

    /** The spec at {@code spec}, failing the test with its diagnostics when it does not read. */
    public static Problem read(Path spec) throws IOException {
        ParseResult<Problem> r = SpecReader.read(spec);
        assertTrue(r.ok(), r.renderDiagnostics());
        return r.get();
    }

    /** Derives {@code p} with {@code strategy} and asserts that every expect is verified symbolically. */
    public static Derivation verifiedSeed(Problem p, String strategy) {
        Engine engine = Engine.standard(Cas.shared());
        Derivation d = engine.derive(p);
        assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
        assertEquals(strategy, d.strategy());
        assertTrue(!p.expects().isEmpty());
        for (ExpectCheck.Outcome o : ExpectCheck.check(p, d, engine.context(p))) {
            assertEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), () -> o.claim().text() + ": " + o.reason());
        }
        return d;
    }
}
