package derivcheck.fuzz;

import static org.junit.jupiter.api.Assertions.*;

import derivcheck.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short seeded mutation run over the real specs in problems/ (parse: the spec reader and
 * the input caps): token deletion, duplication, truncation, byte flips, huge numbers, deep
 * nesting, invalid UTF-8, NUL, BOM, CRLF. Properties: no exception escapes, the exit code is 0
 * or 2, and exit 2 always comes with file:line:col. The seed and the mutation are in the message
 * of any failure, so it can be replayed.
 */
class MutationFuzzTest {
    private static final Pattern LOCATED = Pattern.compile("(?m)^[^\\s:]+:\\d+:\\d+: ");
    static final int RUNS = Integer.getInteger("derivcheck.fuzz.runs", 150);

    record Run(int code, String out, String err) {}

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static byte[] mutate(byte[] in, Random r, StringBuilder how) {
        List<Byte> b = new ArrayList<>();
        for (byte x : in) b.add(x);
        int kind = r.nextInt(10);
        int at = b.isEmpty() ? 0 : r.nextInt(b.size());
        switch (kind) {
            case 0 -> { how.append("delete ").append(at); int n = 1 + r.nextInt(8); for (int i = 0; i < n && at < b.size(); i++) b.remove(at); }
            case 1 -> { how.append("duplicate ").append(at); int n = Math.min(1 + r.nextInt(20), b.size() - at); b.addAll(at, new ArrayList<>(b.subList(at, at + n))); }
            case 2 -> { how.append("truncate ").append(at); while (b.size() > at) b.remove(b.size() - 1); }
            case 3 -> { how.append("flip ").append(at); if (!b.isEmpty()) b.set(at, (byte) (b.get(at) ^ (1 << r.nextInt(8)))); }
            case 4 -> { how.append("huge number ").append(at); for (byte x : "99999999999999999999999999".getBytes()) b.add(at, x); }
            case 5 -> { how.append("deep nesting ").append(at); String s = "(".repeat(300) + "x" + ")".repeat(300); byte[] d = s.getBytes(); for (int i = d.length - 1; i >= 0; i--) b.add(at, d[i]); }
            case 6 -> { how.append("invalid utf-8 ").append(at); b.add(at, (byte) 0xff); }
            case 7 -> { how.append("nul ").append(at); b.add(at, (byte) 0); }
            case 8 -> { how.append("bom"); b.add(0, (byte) 0xbf); b.add(0, (byte) 0xbb); b.add(0, (byte) 0xef); }
            default -> { how.append("crlf"); List<Byte> c = new ArrayList<>(); for (byte x : b) { if (x == '\n') c.add((byte) '\r'); c.add(x); } b = c; }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) out[i] = b.get(i);
        return out;
    }

    @Test @Timeout(600)
    void mutatedSpecsAreReadOrRefusedWithAPositionNeverAnInternalError(@TempDir Path dir) throws Exception {
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("problems"))) { specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList(); }
        long seed = Long.getLong("derivcheck.fuzz.seed", 12);
        Random r = new Random(seed);
        for (int i = 0; i < RUNS; i++) {
            Path src = specs.get(r.nextInt(specs.size()));
            StringBuilder how = new StringBuilder();
            byte[] m = Files.readAllBytes(src);
            int rounds = 1 + r.nextInt(3);
            for (int k = 0; k < rounds; k++) { if (k > 0) how.append(", "); m = mutate(m, r, how); }
            Path f = dir.resolve("m" + i + ".prob");
            Files.write(f, m);
            Run run = run("parse", f.toString());
            String what = "seed " + seed + " run " + i + " of " + src + ": " + how + "\n" + run.err();
            assertTrue(run.code() == 0 || run.code() == 2, "exit " + run.code() + " for " + what);
            assertFalse(run.err().contains("internal error"), what);
            if (run.code() == 2) assertTrue(LOCATED.matcher(run.err()).find(), "exit 2 without file:line:col for " + what);
        }
    }
}
