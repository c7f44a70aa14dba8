package derivcheck.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Where commands write: results to stdout, diagnostics and progress to stderr (UTF-8). */
final class Console {
    // System.out/err as they are when the command runs (so a caller may redirect them), in UTF-8
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);

    void println(String s) { out.println(s); }

    void print(String s) { out.print(s); out.flush(); }

    void error(String s) { err.println(s); }

    void errorRaw(String s) { err.print(s); err.flush(); }
}
