package derivcheck.fuzz;

import derivcheck.source.Diagnostic;
import derivcheck.source.SourceText;
import java.time.Duration;
import java.util.List;

/**
 * The assertions every fuzz property shares (the Jazzer targets of the -Pfuzz profile, the
 * regression replay and the seeded mutation tests of the default suite): a message carries a
 * position inside the text it is about, and a piece of work ends within its bound. A failure is
 * an {@link AssertionError} whose message says what broke.
 */
public final class Located {
    private Located() {}

    /** Each diagnostic names {@code file}, a line of the text (or the one after its end) and a column on it. */
    public static void inside(List<Diagnostic> ds, String file, SourceText text, String what) {
        if (ds.isEmpty()) throw new AssertionError(what + ": refused without any message");
        List<String> lines = text.text().lines().toList();
        for (Diagnostic d : ds) {
            String where = what + ": " + d.pos() + ": " + d.message();
            if (!d.pos().file().equals(file)) throw new AssertionError(where + " (names another file than " + file + ")");
            if (d.pos().line() < 1 || d.pos().line() > lines.size() + 1) throw new AssertionError(where + " (no such line; the text has " + lines.size() + ")");
            int len = d.pos().line() <= lines.size() ? lines.get(d.pos().line() - 1).length() : 0;
            if (d.pos().col() < 1 || d.pos().col() > len + 1) throw new AssertionError(where + " (column past the end of its line of " + len + " characters)");
            if (d.message().startsWith("internal error")) throw new AssertionError(where + " (a caught bug, not a message about the input)");
        }
    }

    /** Fails when the work that started at {@code startNanos} took longer than {@code bound}. */
    public static void within(long startNanos, Duration bound, String what) {
        long took = System.nanoTime() - startNanos;
        if (took > bound.toNanos()) {
            throw new AssertionError(what + ": took " + took / 1_000_000 + " ms, more than the bound of " + bound.toMillis() + " ms");
        }
    }

    /** The input, quoted for a failure message (at most 300 characters). */
    public static String quote(String text) {
        String s = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
        return "\"" + s.replace("\n", "\\n") + "\"";
    }
}
