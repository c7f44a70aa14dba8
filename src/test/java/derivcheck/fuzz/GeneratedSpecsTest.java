package derivcheck.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import derivcheck.model.Problem;
import derivcheck.render.ProblemJson;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Well-typed random specs written from scratch ({@link SpecGenerator}) through the real pipeline, as a user runs it:
 * {@code derivcheck derive --json} with a small time limit (reading, the derivation, the numeric check of every
 * derived result against the original statement). Properties: the spec reads without an error (the generator
 * writes only well-typed specs), no exception escapes, the exit code is 0, 1 or 2 (2 only with file:line:col),
 * no internal error, each run ends within its deadline, and a derived result whose own numeric check fails is never
 * reported as derived: the problem is then {@code undecided} and its notes name the failing result. Then
 * {@code derivcheck verify} of the spec with the derived equations written back as expects: they read back, and
 * what derive verified is never failed. {@code -Dderivcheck.fuzz.specs=N} and {@code -Dderivcheck.fuzz.seed=S} change the run (the fuzz profile runs more).
 */
class GeneratedSpecsTest {
    static final long SEED = Long.getLong("derivcheck.fuzz.seed", 20261207);
    static final int SPECS = Integer.getInteger("derivcheck.fuzz.specs", 48);
    /** The --time-limit of each run: the derivation gets it, the checks after it get it again. */
    static final double TIME_LIMIT = 1.0;
    /** A run's deadline: both phases, plus room for a loaded machine and the CAS's start in the first run. */
    static final Duration DEADLINE = Duration.ofMillis((long) (2 * TIME_LIMIT * 1000) + 20_000);
    private static final Pattern LOCATED = Pattern.compile("(?m)^[^\\s:]+:\\d+:\\d+: ");

    @Test @Timeout(900)
    void generatedSpecsReadDeriveAndVerifyWithinTheirDeadlineAndNoFailingResultIsReportedAsDerived(@TempDir Path dir) throws Exception {
        SpecGenerator gen = new SpecGenerator(SEED);
        Map<String, Integer> statuses = new TreeMap<>();
        int failedResults = 0, verified = 0;
        for (int k = 0; k < SPECS; k++) {
            SpecGenerator.Spec spec = gen.next(k);
            Path file = dir.resolve(spec.name() + ".prob");
            Files.writeString(file, spec.text(), StandardCharsets.UTF_8);
            String what = "seed " + SEED + " spec " + k + " (" + spec.family() + "):\n" + spec.text();

            ParseResult<Problem> read = SpecReader.read(file);
            assertTrue(read.ok(), () -> "a generated spec is well-typed, yet: " + read.renderDiagnostics() + "\n" + what);

            long t0 = System.nanoTime();
            MutationFuzzTest.Run run = MutationFuzzTest.run("derive", "--json", "--time-limit", Double.toString(TIME_LIMIT), "--samples", "3",
                    file.toString());
            Located.within(t0, DEADLINE, what);
            String out = what + "\nexit " + run.code() + "\n" + run.err();
            assertTrue(run.code() >= 0 && run.code() <= 2, out);
            assertFalse(run.err().contains("internal error"), out);
            assertFalse(run.err().contains("Exception"), out);
            if (run.code() == 2) {
                assertTrue(LOCATED.matcher(run.err()).find(), "exit 2 without file:line:col for " + out);
                continue;
            }
            JsonNode problems = ProblemJson.MAPPER.readTree(run.out()).get("problems");
            assertEquals(1, problems.size(), out);
            JsonNode derivation = problems.get(0).get("derivation");
            String status = derivation.get("status").asText();
            statuses.merge(status, 1, Integer::sum);
            JsonNode results = derivation.path("results");
            for (JsonNode r : results) {
                JsonNode numeric = r.get("numeric");
                if (numeric == null || numeric.isNull() || !numeric.get("verdict").asText().equals("failed")) continue;
                failedResults++;
                String result = r.get("text").asText();
                System.out.println("generated spec " + k + ": the derived result " + result + " fails its own numeric check ("
                        + numeric.get("reason").asText() + ")\n" + spec.text());
                assertEquals("undecided", status, "a result that fails its own check is reported as " + status + ": " + result + "\n" + out);
                assertTrue(derivation.get("notes").toString().contains("fails its own numeric check"), "the notes name the failing result\n" + out);
            }
            assertEquals(results.toString().contains("\"failed\""), run.code() == 1, "exit 1 exactly when a check failed\n" + out + run.out());
            verified += verifyTheDerivedResultsAsExpects(dir, spec, results, what);
        }
        System.out.println(SPECS + " generated spec(s), seed " + SEED + ": " + statuses + "; " + failedResults
                + " derived result(s) failed their own numeric check (reported undecided); " + verified
                + " derived result(s) read back as expects and verified again by 'verify'");
    }

    /**
     * The derived results that are equations, written back into the spec as {@code expect} lines (with the conditions
     * they are stated under as {@code assume}), and the spec run through {@code derivcheck verify}: the printed results read
     * back as the spec language, and a result derive verified numerically is never failed by verify. Returns how many
     * expects verify verified.
     */
    private static int verifyTheDerivedResultsAsExpects(Path dir, SpecGenerator.Spec spec, JsonNode results, String what) throws Exception {
        StringBuilder more = new StringBuilder();
        java.util.List<Boolean> derivedVerified = new java.util.ArrayList<>();
        for (JsonNode r : results) {
            String text = r.get("text").asText().replaceAll(", where .*$", "");
            // an equation (a bound of an interval is checked with its other bound, not alone); relations print with spaces
            if (!text.contains(" = ") || text.matches(".* (<|>|<=|>=|!=) .*")) continue;
            // an implicit result (x = l/||x0||*x0 where l + eps*lambda = ||x0||) names an auxiliary of the derivation
            boolean implicit = false;
            for (JsonNode c : r.get("conditions")) implicit |= c.asText().contains(" = ");
            if (implicit) continue;
            more.append("  expect ").append(text).append('\n');
            for (JsonNode c : r.get("conditions")) more.append("  assume ").append(c.asText()).append('\n');
            JsonNode numeric = r.get("numeric");
            derivedVerified.add(numeric != null && !numeric.isNull() && numeric.get("verdict").asText().equals("verified"));
        }
        if (derivedVerified.isEmpty()) return 0;
        Path file = dir.resolve(spec.name() + "_expects.prob");
        Files.writeString(file, spec.text() + more, StandardCharsets.UTF_8);
        String whatNow = what + more;
        long t0 = System.nanoTime();
        MutationFuzzTest.Run run = MutationFuzzTest.run("verify", "--json", "--time-limit", Double.toString(2 * TIME_LIMIT), "--samples", "3",
                file.toString());
        Located.within(t0, DEADLINE, whatNow);
        String out = whatNow + "\nexit " + run.code() + "\n" + run.err();
        assertTrue(run.code() == 0 || run.code() == 1, "a printed result reads back as the spec language (expr/TextPrinter): " + out);
        assertFalse(run.err().contains("internal error"), out);
        JsonNode claims = ProblemJson.MAPPER.readTree(run.out()).get("problems").get(0).get("claims");
        assertEquals(derivedVerified.size(), claims.size(), out + run.out());
        int verified = 0;
        for (int i = 0; i < claims.size(); i++) {
            String verdict = claims.get(i).get("numeric").get("verdict").asText();
            if (derivedVerified.get(i)) {
                assertFalse(verdict.equals("failed"), "derive verified " + claims.get(i).get("text") + ", verify failed it: " + out + run.out());
            }
            if (verdict.equals("verified")) verified++;
        }
        return verified;
    }

    @Test void theGeneratorWritesEveryFamilyAndTheSameTextForTheSameSeed() {
        SpecGenerator a = new SpecGenerator(7), b = new SpecGenerator(7);
        java.util.Set<String> families = new java.util.TreeSet<>();
        for (int k = 0; k < 200; k++) {
            SpecGenerator.Spec x = a.next(k), y = b.next(k);
            assertEquals(x.text(), y.text());
            families.add(x.family().replaceAll(" with .*", ""));
        }
        assertEquals(java.util.Set.of("condition", "gradient", "moments", "scalar optimization", "scalar solve", "vector optimization", "vector solve"),
                families);
    }
}
