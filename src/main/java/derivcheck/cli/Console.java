package derivcheck.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Where commands write: results to stdout, diagnostics and progress to stderr (UTF-8). */
final class Console {
    private final PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);

    void println(String s) { out.println(s); }

    void print(String s) { out.print(s); out.flush(); }

    void error(String s) { err.println(s); }

    void errorRaw(String s) { err.print(s); err.flush(); }
}
