package derivcheck.cas;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;

/** Symja's global switches are set once at start, to the values docs/limits.md lists. */
class SymjaSwitchesTest {
    @Test void fileSystemUnprotectThreadsAndSizeGuardsAreSetAtStart() {
        SymjaRuntime.ensureStarted();
        assertTrue(SymjaRuntime.isStarted());
        assertFalse(Config.FILESYSTEM_ENABLED);
        assertFalse(Config.UNPROTECT_ALLOWED);
        assertTrue(Config.JAS_NO_THREADS);
        assertEquals(10_000, Config.MAX_AST_SIZE);
        assertEquals(10_000, Config.MAX_OUTPUT_SIZE);
        assertEquals(200_000, Config.MAX_BIT_LENGTH);
        assertEquals(100, Config.MAX_POLYNOMIAL_DEGREE);
        assertEquals(100, Config.MAX_MATRIX_DIMENSION_SIZE);
        assertEquals(1_000L, Config.MAX_INPUT_LEAVES);
        assertFalse(Config.JAVA_UNSAFE);
        assertFalse(Config.JAVA_AWT_DESKTOP_AVAILABLE);
    }

    @Test void everyEngineWeMakeHasNoFileSystemStrictSyntaxAndBoundedRecursion() {
        EvalEngine engine = SymjaRuntime.newEngine();
        assertFalse(engine.isFileSystemEnabled());
        assertFalse(engine.isRelaxedSyntax());
        assertEquals(512, engine.getRecursionLimit());
        assertEquals(1000, engine.getIterationLimit());
    }
}
