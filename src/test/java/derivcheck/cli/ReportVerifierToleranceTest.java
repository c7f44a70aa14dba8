package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.render.SheetVerificationLine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sheet's verification line names the tolerance the verifier's decision held the figure to:
 * the one table of {@link NumericVerifier#tolerance}, never a copy that can drift from it; a kind of
 * check without a tolerance prints no figure.
 */
class ReportVerifierToleranceTest {
    private static NumericVerdict verified(String check, double relError) {
        return new NumericVerdict(NumericVerdict.Kind.VERIFIED, check, 20, relError, relError, 7, Optional.empty(), "");
    }

    @Test void theLineNamesTheDecisionsToleranceForEveryKindOfCheck() {
        for (String check : List.of("optimization", "optimal-value", "at-optimizer", "finite-difference", "solve", "pointwise")) {
            double tol = NumericVerifier.tolerance(check);
            SheetVerificationLine line = ReportVerifier.numeric(Optional.of(verified(check, tol / 10)));
            assertEquals(tol, line.tolerance(), check);
            assertTrue(line.printsFigure(), check);
            assertTrue(line.text().contains("<="), check + ": " + line.text());
        }
    }

    @Test void aCheckWithoutATolerancePrintsNoFigure() {
        SheetVerificationLine line = ReportVerifier.numeric(Optional.of(verified("some-new-check", 0.5)));
        assertFalse(line.printsFigure(), line.text());
        assertFalse(line.text().contains("0.5") || line.text().contains("5.0"), line.text());
        assertTrue(line.text().startsWith("numeric check: verified"), line.text());
    }
}
