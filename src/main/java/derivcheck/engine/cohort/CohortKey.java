package derivcheck.engine.cohort;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Compares the verdicts of a graded cohort with the generator's key. A verdict is {@code wrong}
 * when it contradicts the key (correct for a slip, incorrect for a rewrite, a hostile file read),
 * {@code missed} when the grader was honestly undecided; unreadable files may also time out.
 */
public final class CohortKey {
    private CohortKey() {}

    /** The outcome of a comparison; {@code problems} lists the first disagreements, for people. */
    public record Comparison(int answers, int agree, int missed, int wrong, List<String> problems) {
        public boolean allRight() { return agree == answers; }
    }

    /** A key row or a graded row, located: student, file, n-th answer of the file. */
    private record At(String student, String file, int index) {}

    public static List<CohortGenerator.KeyRow> read(Reader r) throws IOException {
        List<CohortGenerator.KeyRow> out = new ArrayList<>();
        for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            out.add(new CohortGenerator.KeyRow(c.get("student"), c.get("file"), Integer.parseInt(c.get("index")), c.get("problem"),
                    c.get("target"), c.get("expected"), c.get("kind")));
        }
        return out;
    }

    /** Rows of a grade CSV (student, file, verdict), the n-th of each file numbered from 1. */
    public static List<String[]> readGrades(Reader r) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            out.add(new String[] {c.get("student"), c.get("file"), c.get("verdict")});
        }
        return out;
    }

    public static Comparison compare(List<CohortGenerator.KeyRow> key, List<String[]> graded) {
        Map<At, String> verdicts = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String[] g : graded) {
            int n = seen.merge(g[0] + "\u0000" + g[1], 1, Integer::sum);
            verdicts.put(new At(g[0], g[1], n), g[2]);
        }
        int agree = 0, missed = 0, wrong = 0;
        List<String> problems = new ArrayList<>();
        for (CohortGenerator.KeyRow k : key) {
            String v = verdicts.getOrDefault(new At(k.student(), k.file(), k.index()), "(no row)");
            boolean ok = v.equals(k.expected()) || k.expected().equals("unreadable") && v.equals("timeout");
            if (ok) { agree++; continue; }
            if (v.equals("undecided") && !k.expected().equals("unreadable")) missed++;
            else wrong++;
            if (problems.size() < 20) problems.add(k.file() + " (" + k.kind() + "): expected " + k.expected() + ", graded " + v);
        }
        return new Comparison(key.size(), agree, missed, wrong, problems);
    }

    /** Grade rows from a report (in memory), in the shape {@link #compare} takes. */
    public static List<String[]> rows(CohortReport report) {
        List<String[]> out = new ArrayList<>();
        for (Row r : report.rows()) out.add(new String[] {r.student(), r.file(), r.verdict()});
        return out;
    }
}
