package derivcheck.spec;

import derivcheck.fuzz.Located;
import derivcheck.limits.InputScan;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.time.Duration;

/**
 * The property the spec reader keeps for any bytes at all: the bytes are decoded as a spec file is
 * (UTF-8, BOM, CRLF) and read into a {@link Problem}, or refused with diagnostics each located in
 * the text; no exception escapes, no "internal error" is reported, and reading ends within
 * {@link #BOUND}. Checked by the Jazzer target (-Pfuzz), the regression replay and the mutation test.
 */
public final class SpecReaderProperty {
    private SpecReaderProperty() {}

    public static final String FILE = "fuzz.prob";
    /** A hang detector, not a performance figure: reading takes milliseconds, but a 5 s bound was
     *  crossed (5.3 s) by a 5000-term flat sum at load 14 on 2 cores; 15 s as for the check pipeline. */
    public static final Duration BOUND = Duration.ofSeconds(15);

    /**
     * The first read in a JVM loads the grammar and (under Jazzer) instruments every class it meets, which
     * took 5.7 s on a loaded machine: that is start-up, not the input's reading, so it is done once untimed.
     */
    private static final boolean WARM = warm();

    private static boolean warm() {
        SpecReader.read(new SourceText(FILE, "problem warm\n  dim n\n  given g : vector[n]\n  find x : vector[n]\n"
                + "  minimize <g, x> + ||x||^2/2\n  expect x = -g\n"));
        return true;
    }

    public static void check(byte[] bytes) {
        if (!WARM) throw new IllegalStateException("not warmed up");
        InputScan.FileText t = InputScan.decode(bytes);
        if (!t.ok()) {
            InputScan.Finding f = t.problem().get();
            if (f.line() < 1 || f.col() < 1) throw new AssertionError("undecodable spec refused at " + f.line() + ":" + f.col());
            return;
        }
        SourceText source = new SourceText(FILE, t.text());
        String what = "spec " + Located.quote(t.text());
        long start = System.nanoTime();
        ParseResult<Problem> r = SpecReader.read(source);
        Located.within(start, BOUND, what);
        if (r.ok()) return;
        Located.inside(r.diagnostics(), FILE, source, what);
        r.renderDiagnostics();
    }
}
