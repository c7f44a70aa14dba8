package derivcheck.engine.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.engine.Prepared;
import derivcheck.engine.ProblemSet;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small generated cohort (with the hostile files planted) graded end to end. */
class CohortGradingTest {
    @TempDir static Path tmp;
    static Path cohort;
    static List<CohortGenerator.KeyRow> key;

    @BeforeAll static void write() throws Exception {
        cohort = tmp.resolve("cohort");
        var prox = Prepared.of(Prepared.PROX, false);
        key = new CohortGenerator(List.of(prox.problem()), List.of(prox.spec())).write(cohort, 120, 3, true);
        // one student names a loss of their own: it must not be known while anyone else is read
        Files.writeString(cohort.resolve("aaa_loss.txt"), "grad(L2, theta) = g\n");
        Files.writeString(cohort.resolve("zzz_loss.txt"), "theta = L2*g\n");
    }

    private static List<FileResult> grade(ProblemSet set, List<Submission> subs, int jobs) throws Exception {
        return new Grader(set, jobs).grade(cohort, subs, k -> { });
    }

    @Test void everyAnswerGetsTheVerdictTheGeneratorKnowsAndTheHostileFilesAreUnreadable() throws Exception {
        ProblemSet set = Prepared.set(Prepared.PROX);
        List<Submission> subs = Submission.scan(cohort);
        CohortReport report = new CohortReport(set.problems(), subs, grade(set, subs, 2));
        CohortKey.Comparison c = CohortKey.compare(key, CohortKey.rows(report));
        assertEquals(key.size(), c.agree(), String.join("\n", c.problems()));
        assertTrue(key.stream().anyMatch(k -> k.expected().equals("incorrect")) && key.stream().anyMatch(k -> k.expected().equals("correct")));
        assertEquals(6, key.stream().filter(k -> k.expected().equals("unreadable")).count());
        Row later = report.rows().stream().filter(r -> r.student().equals("zzz_loss")).findFirst().orElseThrow();
        assertEquals("unreadable", later.verdict(), later.toString());
    }

    @Test void shuffledSubmissionsGetIdenticalVerdicts() throws Exception {
        List<Submission> subs = Submission.scan(cohort);
        List<Submission> shuffled = new ArrayList<>(subs);
        Collections.shuffle(shuffled, new Random(5));
        List<String> inOrder = verdicts(grade(Prepared.set(Prepared.PROX), subs, 1));
        List<String> other = verdicts(grade(Prepared.set(Prepared.PROX), shuffled, 1));
        Collections.sort(inOrder);
        Collections.sort(other);
        assertEquals(inOrder, other);
    }

    @Test void reportsAreIdenticalForAnyNumberOfJobs() throws Exception {
        List<Submission> subs = Submission.scan(cohort);
        String one = reports(subs, 1);
        for (int jobs : new int[] {2, 3}) {
            String other = reports(subs, jobs);
            assertEquals(one, other, "with " + jobs + " jobs, first difference: " + firstDifference(one, other));
        }
    }

    private static String reports(List<Submission> subs, int jobs) throws Exception {
        ProblemSet set = Prepared.set(Prepared.PROX);
        CohortReport r = new CohortReport(set.problems(), subs, grade(set, subs, jobs));
        StringWriter w = new StringWriter();
        r.writeCsv(w);
        var mapper = derivcheck.render.ProblemJson.MAPPER;
        return w + "\n" + r.json(mapper).toPrettyString() + r.gradescope(mapper, subs.get(0).student()) + r.summary();
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) i++;
        return "at " + i + ": ..." + a.substring(Math.max(0, i - 200), Math.min(a.length(), i + 200)) + "\n  vs ..."
                + b.substring(Math.max(0, i - 200), Math.min(b.length(), i + 200));
    }

    private static List<String> verdicts(List<FileResult> rs) {
        List<String> out = new ArrayList<>();
        for (FileResult f : rs) {
            for (int k = 0; k < f.outcomes().size(); k++) {
                var c = f.outcomes().get(k);
                out.add(f.file() + "#" + k + " " + c.status() + " " + c.report().flatMap(r -> r.diagnosis()).orElse("") + " " + c.message());
            }
        }
        return out;
    }
}
