package derivcheck.latex;

import derivcheck.expr.Pos;
import derivcheck.fuzz.Located;
import derivcheck.limits.InputScan;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The property the answer reader keeps for any bytes: the first byte picks a spec of problems/
 * (sorted by name, modulo their number), the rest is decoded as a solution file is and read as one
 * answer (LaTeX or ASCII, detected) against that spec, and also split into its displays and inline
 * formulas, each read too. Every read gives answers or diagnostics located in the text, never an
 * exception, within {@link #BOUND}.
 */
public final class AnswerReaderProperty {
    private AnswerReaderProperty() {}

    public static final String FILE = "fuzz.md";
    /** A hang detector, not a performance figure: reading takes milliseconds, but a 5 s bound was
     *  crossed (5.3 s) by a 5000-term flat sum at load 14 on 2 cores; 15 s as for the check pipeline. */
    public static final Duration BOUND = Duration.ofSeconds(15);

    /** The specs of problems/ in name order, read once. */
    public static final List<Path> SPECS = specs();
    private static final List<AnswerReader> READERS = new ArrayList<>();

    static List<Path> specs() {
        try (Stream<Path> s = Files.list(Path.of("problems"))) {
            return s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized AnswerReader reader(int i) {
        if (READERS.isEmpty()) {
            for (Path p : SPECS) {
                try {
                    SourceText st = new SourceText(p.toString(), Files.readString(p));
                    ParseResult<Problem> r = SpecReader.read(st);
                    AnswerReader reader = new AnswerReader(r.get(), st);
                    // the first reading loads the grammar and reads the spec's names once more (seconds when cold,
                    // under Jazzer's instrumentation): start-up, done here untimed
                    reader.read("x = 1", new Pos(FILE, 1, 1), new SourceText(FILE, "x = 1"));
                    READERS.add(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return READERS.get(i);
    }

    /** The input for {@link #check}: the spec's index as the first byte, then the text. */
    public static byte[] input(int spec, byte[] text) {
        byte[] b = new byte[text.length + 1];
        b[0] = (byte) spec;
        System.arraycopy(text, 0, b, 1, text.length);
        return b;
    }

    public static void check(byte[] bytes) {
        if (bytes.length == 0) return;
        int spec = (bytes[0] & 0xff) % SPECS.size();
        byte[] rest = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        InputScan.FileText t = InputScan.decode(rest);
        if (!t.ok()) {
            InputScan.Finding f = t.problem().get();
            if (f.line() < 1 || f.col() < 1) throw new AssertionError("undecodable answer refused at " + f.line() + ":" + f.col());
            return;
        }
        AnswerReader reader = reader(spec);
        String text = t.text();
        SourceText source = new SourceText(FILE, text);
        String what = "answer to " + SPECS.get(spec).getFileName() + " " + Located.quote(text);
        long start = System.nanoTime();
        read(reader, text, new Pos(FILE, 1, 1), source, what);
        reader.statesTarget(text);
        for (Solutions.Item item : Solutions.items(FILE, text, reader::statesTarget)) {
            read(reader, item.text(), item.pos(), source, what + " (item at " + item.pos() + ")");
        }
        Located.within(start, BOUND, what);
    }

    private static void read(AnswerReader reader, String text, Pos origin, SourceText source, String what) {
        ParseResult<List<Answer>> r = reader.read(text, origin, source);
        if (r.ok()) return;
        Located.inside(r.diagnostics(), FILE, source, what);
        r.renderDiagnostics();
    }
}
