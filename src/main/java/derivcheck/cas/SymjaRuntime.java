package derivcheck.cas;

import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Configures Symja once, before any other Symja class initialises, and makes evaluation engines.
 *
 * <p>Why each setting (see TOOLCHAIN_NOTES): {@code JAS_NO_THREADS} keeps JAS from starting its
 * non-daemon thread pool and Integrate from starting its non-daemon rule loader (without it a JVM
 * that used Symja lingers ~60 s after main returns); {@code UNPROTECT_ALLOWED=false} and
 * {@code FILESYSTEM_ENABLED=false} keep built-ins and files out of reach, {@code JAVA_UNSAFE=false} the Java
 * bridge and {@code JAVA_AWT_DESKTOP_AVAILABLE=false} the desktop (a browser opened for a plot); the size guards are
 * Symja's own server values and turn runaway expansions into fast failures.
 *
 * <p>Every class of this package that touches Symja calls {@link #ensureStarted()} first (the
 * {@link Cas} constructor does), so no Symja class initialises with the defaults.
 */
public final class SymjaRuntime {
    private SymjaRuntime() {}

    private static volatile boolean started;

    /** Idempotent and thread-safe; cheap after the first call. */
    public static void ensureStarted() {
        if (started) return;
        synchronized (SymjaRuntime.class) {
            if (started) return;
            // log4j-api is used by Symja; without a provider it warns on stderr at start-up.
            if (System.getProperty("log4j2.loggerContextFactory") == null) {
                System.setProperty("log4j2.loggerContextFactory",
                        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            }
            Config.JAS_NO_THREADS = true;
            Config.UNPROTECT_ALLOWED = false;
            Config.FILESYSTEM_ENABLED = false;
            Config.JAVA_UNSAFE = false; // (the default) no JavaNew, LoadJavaClass, ... even if a call reached them
            Config.JAVA_AWT_DESKTOP_AVAILABLE = false; // never open a browser or viewer (Plot, Manipulate output)
            Config.MAX_AST_SIZE = 10_000;
            Config.MAX_OUTPUT_SIZE = 10_000;
            Config.MAX_BIT_LENGTH = 200_000;
            Config.MAX_POLYNOMIAL_DEGREE = 100;
            Config.MAX_MATRIX_DIMENSION_SIZE = 100;
            Config.MAX_INPUT_LEAVES = 1_000L;
            started = true;
        }
    }

    /** Whether {@link #ensureStarted()} has run (for tests). */
    static boolean isStarted() { return started; }

    /**
     * A fresh engine for the calling thread (Symja engines are thread-local): strict syntax (no
     * lower-casing of names), Symja's messages discarded instead of printed to our stdout.
     */
    static EvalEngine newEngine() {
        ensureStarted();
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        EvalEngine engine = new EvalEngine("derivcheck", 512, 1000, nowhere, nowhere, false);
        EvalEngine.set(engine);
        return engine;
    }
}
