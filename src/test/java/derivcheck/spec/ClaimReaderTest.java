package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.TextPrinter;
import derivcheck.model.Claim;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import org.junit.jupiter.api.Test;

class ClaimReaderTest {
    private static final SourceText SPEC = new SourceText("p.prob", """
            problem p
              dim n
              given g, theta_t : vector[n]
              given eps : real where eps > 0
              find theta : vector[n]
              minimize <g, theta - theta_t> + 1/(2*eps)*||theta - theta_t||^2
              expect theta = theta_t - eps*g
            """);

    private static ClaimReader reader() {
        ParseResult<ClaimReader> r = ClaimReader.of(SPEC);
        assertTrue(r.ok(), r.renderDiagnostics());
        return r.get();
    }

    @Test void aClaimIsResolvedAgainstTheSpecsNamesAndShapes() {
        ParseResult<Claim> c = reader().read("expect theta = theta_t - eps*g/2");
        assertTrue(c.ok(), c.renderDiagnostics());
        assertEquals("theta = theta_t - eps*g/2", TextPrinter.print(c.get().relations()));
        assertEquals("vector[n]", c.get().relations().get(0).lhs().shape().toString());
    }

    @Test void anUnknownNameInAClaimIsReportedAtItsColumnInTheClaimText() {
        ParseResult<Claim> c = reader().read("expect theta = theta_t - eta*g");
        assertFalse(c.ok());
        assertEquals(1, c.diagnostics().get(0).pos().line());
        assertEquals(26, c.diagnostics().get(0).pos().col());
        assertTrue(c.diagnostics().get(0).message().contains("unknown name 'eta'"), c.diagnostics().get(0).message());
    }

    @Test void aShapeErrorInAClaimIsReportedAndTheReaderStaysUsable() {
        ClaimReader r = reader();
        ParseResult<Claim> bad = r.read("expect theta = g*g");
        assertFalse(bad.ok());
        assertTrue(bad.diagnostics().get(0).message().contains("not conformable"), bad.diagnostics().get(0).message());
        // g + eps is the broadcast g + eps*ones(n) now; a scalar added to the row g' is still an error
        assertTrue(r.read("expect theta = g + eps").ok(), "a scalar in a sum of vectors is broadcast");
        ParseResult<Claim> row = r.read("expect theta = g' + eps");
        assertFalse(row.ok());
        assertTrue(row.diagnostics().get(0).message().contains("only to a vector"), row.diagnostics().get(0).message());
        assertTrue(r.read("expect theta = theta_t").ok(), "an earlier error leaves nothing behind");
    }

    @Test void aNameDeclaredByOneClaimIsForgottenBeforeTheNext() {
        ClaimReader r = reader();
        // grad(L2, theta) declares the abstract loss L2 while that claim is read, and only then
        assertTrue(r.read("expect grad(L2, theta) = g").ok());
        ParseResult<Claim> later = r.read("expect theta = L2*g");
        assertFalse(later.ok(), "L2 leaked from an earlier claim into this one");
        assertTrue(later.diagnostics().get(0).message().contains("unknown name 'L2'"), later.diagnostics().get(0).message());
        assertTrue(r.read("expect grad(L2, theta) = g").ok(), "the same claim reads again: L2 is not 'already declared'");
    }

    @Test void readingClaimsDoesNotChangeTheSpecsOwnExpects() {
        ClaimReader r = reader();
        r.read("expect theta = g");
        r.read("expect theta = theta_t");
        assertEquals(1, r.problem().expects().size());
    }

    @Test void trailingTextAfterTheClaimIsAnError() {
        assertFalse(reader().read("expect theta = g minimize g").ok());
    }
}
