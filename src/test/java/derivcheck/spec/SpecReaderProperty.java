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
    /** Real specs read in a few milliseconds; this bound leaves room for a loaded 2-core machine. */
    public static final Duration BOUND = Duration.ofSeconds(5);

    public static void check(byte[] bytes) {
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
