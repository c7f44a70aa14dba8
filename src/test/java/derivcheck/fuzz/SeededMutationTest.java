package derivcheck.fuzz;

import derivcheck.engine.CheckPipelineProperty;
import derivcheck.latex.AnswerReaderProperty;
import derivcheck.spec.SpecReaderProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A short seeded run of our own mutator (no library) over the real specs and the verbatim solution
 * entries: byte flips, truncation, deep nesting, long flat sums, invalid UTF-8 (and NUL, BOM, CRLF,
 * duplication). Each mutant goes through the property the Jazzer target checks: located errors or a
 * verdict, never an exception, within its bound. The seed and the mutation are in a failure's message.
 */
class SeededMutationTest {
    static final long SEED = Long.getLong("derivcheck.fuzz.seed", 20261207);
    static final int RUNS = Integer.getInteger("derivcheck.fuzz.mutations", 300);

    static byte[] mutate(byte[] in, Random r, StringBuilder how) {
        int at = in.length == 0 ? 0 : r.nextInt(in.length);
        byte[] head = java.util.Arrays.copyOfRange(in, 0, at), tail = java.util.Arrays.copyOfRange(in, at, in.length);
        switch (r.nextInt(9)) {
            case 0 -> { how.append("flip@").append(at); byte[] b = in.clone(); if (b.length > 0) b[at] ^= (byte) (1 << r.nextInt(8)); return b; }
            case 1 -> { how.append("truncate@").append(at); return head; }
            case 2 -> { int d = 50 + r.nextInt(400); how.append("nest").append(d).append('@').append(at);
                String open = r.nextBoolean() ? "(" : "{"; String close = open.equals("(") ? ")" : "}";
                return cat(head, (open.repeat(d) + "x" + close.repeat(d)).getBytes(StandardCharsets.UTF_8), tail); }
            case 3 -> { int n = 200 + r.nextInt(5000); how.append("flatsum").append(n).append('@').append(at);
                return cat(head, (" + 0*g".repeat(n)).getBytes(StandardCharsets.UTF_8), tail); }
            case 4 -> { how.append("badutf8@").append(at); return cat(head, new byte[] {(byte) (0x80 + r.nextInt(0x80))}, tail); }
            case 5 -> { how.append("nul@").append(at); return cat(head, new byte[] {0}, tail); }
            case 6 -> { how.append("bom"); return cat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, in); }
            case 7 -> { how.append("crlf"); return new String(in, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1); }
            default -> { int n = Math.min(1 + r.nextInt(30), tail.length); how.append("dup").append(n).append('@').append(at);
                return cat(head, java.util.Arrays.copyOfRange(tail, 0, n), tail); }
        }
    }

    static byte[] cat(byte[]... parts) {
        int n = 0; for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n]; int k = 0;
        for (byte[] p : parts) { System.arraycopy(p, 0, out, k, p.length); k += p.length; }
        return out;
    }

    static void run(List<Seeds.Seed> seeds, int runs, boolean keepFirstByte, java.util.function.Consumer<byte[]> property) {
        Random r = new Random(SEED);
        for (int i = 0; i < runs; i++) {
            Seeds.Seed s = seeds.get(r.nextInt(seeds.size()));
            StringBuilder how = new StringBuilder();
            byte[] b = s.bytes();
            byte first = b.length > 0 ? b[0] : 0;
            byte[] body = keepFirstByte && b.length > 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
            int rounds = 1 + r.nextInt(3);
            for (int k = 0; k < rounds; k++) { if (k > 0) how.append(", "); body = mutate(body, r, how); }
            byte[] m = keepFirstByte ? cat(new byte[] {first}, body) : body;
            try {
                property.accept(m);
            } catch (Throwable e) {
                throw new AssertionError("seed " + SEED + " run " + i + " of " + s.name() + " (" + how + "): " + e, e);
            }
        }
    }

    @Test @Timeout(60)
    void mutatedSpecsReadOrAreRefusedWithAPositionInBoundedTime() {
        run(Seeds.specs(), RUNS, false, SpecReaderProperty::check);
    }

    @Test @Timeout(60)
    void mutatedVerbatimAnswersReadOrAreRefusedWithAPositionInBoundedTime() {
        run(Seeds.answers(), RUNS, true, AnswerReaderProperty::check);
    }

    @Test @Timeout(120)
    void mutatedVerbatimSolutionsGetAVerdictOrALocatedErrorWithinTheDeadline() {
        run(Seeds.answers(), RUNS / 10, true, CheckPipelineProperty::check);
    }
}
