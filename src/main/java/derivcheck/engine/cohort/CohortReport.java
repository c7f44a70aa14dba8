package derivcheck.engine.cohort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.engine.PreparedProblem;
import derivcheck.expr.Expr;
import derivcheck.expr.TextPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The reports of one graded cohort, all built from the same rows (one per student × answer, in
 * submission order): the summary a person reads, the CSV and JSON a program reads, and one
 * Gradescope-style results.json per student. Nothing here depends on timing or on the number of
 * jobs, so the files are identical for any --jobs.
 */
public final class CohortReport {
    public static final List<String> VERDICTS = List.of("correct", "incorrect", "undecided", "unreadable", "timeout");
    public static final List<String> CSV_HEADER = List.of("student", "file", "line", "problem", "target", "verdict",
            "first_false_step", "diagnosis", "feedback", "score");

    private final List<PreparedProblem> problems;
    private final List<String> students;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<Row>> byStudent = new LinkedHashMap<>();
    /** The empty displays skipped, per student, in submission order (a file's position is relative to the folder). */
    private final Map<String, List<derivcheck.expr.Pos>> empties = new LinkedHashMap<>();
    /** How many empty displays the summary lists by position; the rest are counted. */
    static final int LISTED_EMPTIES = 10;

    public CohortReport(List<PreparedProblem> problems, List<Submission> submissions, List<FileResult> results) {
        this.problems = List.copyOf(problems);
        this.students = submissions.stream().map(Submission::student).toList();
        for (FileResult f : results) for (var c : f.outcomes()) rows.add(Row.of(f.student(), f.file(), c));
        for (Row r : rows) byStudent.computeIfAbsent(r.student(), k -> new ArrayList<>()).add(r);
        for (FileResult f : results) {
            if (!f.emptyDisplays().isEmpty()) empties.computeIfAbsent(f.student(), k -> new ArrayList<>()).addAll(f.emptyDisplays());
        }
    }

    /** Every empty display skipped, in submission order. */
    public List<derivcheck.expr.Pos> emptyDisplays() {
        return empties.values().stream().flatMap(List::stream).toList();
    }

    private static String at(derivcheck.expr.Pos p) { return p.file() + ":" + p.line() + ":" + p.col(); }

    public List<Row> rows() { return rows; }

    // ---- counts -----------------------------------------------------------------------------

    /** Verdict counts per problem name; rows read by no spec count under "". */
    public Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (PreparedProblem p : problems) out.put(p.problem().name(), zero());
        for (Row r : rows) out.computeIfAbsent(r.problemName(), k -> zero()).merge(r.verdict(), 1, Integer::sum);
        return out;
    }

    private static Map<String, Integer> zero() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String v : VERDICTS) m.put(v, 0);
        return m;
    }

    /** The most common explanations of incorrect answers of a problem, most frequent first (ties by text). */
    public List<Map.Entry<String, Integer>> commonMistakes(String problem, int limit) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.problemName().equals(problem) || !r.verdict().equals("incorrect")) continue;
            String why = !r.feedback().isEmpty() ? r.feedback() : !r.diagnosis().isEmpty() ? r.diagnosis() : "(no diagnosis)";
            m.merge(why, 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> l = new ArrayList<>(m.entrySet());
        l.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return l.subList(0, Math.min(limit, l.size()));
    }

    // ---- the summary ------------------------------------------------------------------------

    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(students.size()).append(" student(s), ").append(rows.size()).append(" answer(s)\n\n");
        String head = String.format(Locale.ROOT, "%-32s %8s %10s %10s %11s %8s", "problem", "correct", "incorrect", "undecided", "unreadable", "timeout");
        b.append(head).append('\n').append("-".repeat(head.length())).append('\n');
        Map<String, Map<String, Integer>> counts = counts();
        for (var e : counts.entrySet()) {
            Map<String, Integer> c = e.getValue();
            b.append(String.format(Locale.ROOT, "%-32s %8d %10d %10d %11d %8d", e.getKey().isEmpty() ? "(read by no spec)" : e.getKey(),
                    c.get("correct"), c.get("incorrect"), c.get("undecided"), c.get("unreadable"), c.get("timeout"))).append('\n');
        }
        List<derivcheck.expr.Pos> skipped = emptyDisplays();
        if (!skipped.isEmpty()) {
            // an empty display holds no answer; it is named, as check names it, never dropped without a word
            b.append('\n').append(skipped.size()).append(" empty display(s) skipped: ");
            b.append(String.join(", ", skipped.stream().limit(LISTED_EMPTIES).map(CohortReport::at).toList()));
            if (skipped.size() > LISTED_EMPTIES) b.append(", and ").append(skipped.size() - LISTED_EMPTIES).append(" more");
            b.append('\n');
        }
        for (PreparedProblem p : problems) {
            List<Map.Entry<String, Integer>> top = commonMistakes(p.problem().name(), 5);
            if (top.isEmpty()) continue;
            b.append('\n').append("Most common mistakes in ").append(p.problem().name()).append(":\n");
            for (var t : top) b.append(String.format(Locale.ROOT, "  %6d  %s%n", t.getValue(), t.getKey()));
        }
        return b.toString();
    }

    // ---- CSV --------------------------------------------------------------------------------

    public void writeCsv(Writer w) throws IOException {
        CSVFormat f = CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER.toArray(String[]::new)).setRecordSeparator("\n").get();
        try (CSVPrinter p = new CSVPrinter(w, f)) {
            for (Row r : rows) {
                p.printRecord(r.student(), r.file(), r.line(), r.problemName(), r.target(), r.verdict(),
                        r.firstFalseStep().map(String::valueOf).orElse(""), r.diagnosis(), r.feedback(), r.score().map(CohortReport::number).orElse(""));
            }
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    // ---- JSON -------------------------------------------------------------------------------

    public ObjectNode json(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode specs = root.putArray("problems");
        for (PreparedProblem p : problems) {
            ObjectNode n = specs.addObject();
            n.put("name", p.problem().name());
            n.put("file", p.problem().file());
            ObjectNode pts = n.putObject("points");
            p.gradedTargets().forEach((t, v) -> pts.put(TextPrinter.print(t), v));
        }
        root.put("students", students.size());
        ObjectNode summary = root.putObject("summary");
        counts().forEach((k, v) -> {
            ObjectNode c = summary.putObject(k);
            v.forEach(c::put);
        });
        ArrayNode skipped = root.putArray("empty_displays");
        empties.forEach((student, ps) -> ps.forEach(p -> {
            ObjectNode n = skipped.addObject();
            n.put("student", student);
            n.put("file", p.file());
            n.put("line", p.line());
            n.put("col", p.col());
        }));
        ArrayNode answers = root.putArray("answers");
        for (Row r : rows) {
            ObjectNode n = answers.addObject();
            n.put("student", r.student());
            n.put("file", r.file());
            n.put("line", r.line());
            n.put("problem", r.problemName());
            n.put("target", r.target());
            n.put("verdict", r.verdict());
            n.put("input", r.input());
            n.put("read_as", r.readAs());
            if (r.firstFalseStep().isPresent()) n.put("first_false_step", r.firstFalseStep().get()); else n.putNull("first_false_step");
            n.put("diagnosis", r.diagnosis());
            n.put("feedback", r.feedback());
            if (r.score().isPresent()) n.put("score", r.score().get()); else n.putNull("score");
        }
        return root;
    }

    // ---- Gradescope -------------------------------------------------------------------------

    /** The students in order (for one results.json each). */
    public List<String> students() { return students; }

    /**
     * A Gradescope-style results.json for one student: one test per graded target of every problem,
     * scored by the student's last answer to it (a solution's final answer counts), and the texts
     * that could not be read in the output.
     */
    public ObjectNode gradescope(ObjectMapper mapper, String student) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode tests = mapper.createArrayNode();
        double total = 0;
        for (PreparedProblem p : problems) {
            for (Map.Entry<Expr, Double> t : p.gradedTargets().entrySet()) {
                Optional<Row> last = Optional.empty();
                for (Row r : byStudent.getOrDefault(student, List.of())) {
                    if (r.problem().orElse(null) == p && r.graded().orElse(null) != null
                            && r.graded().get().equals(t.getKey())) last = Optional.of(r);
                }
                double score = last.flatMap(Row::score).orElse(0.0);
                total += score;
                ObjectNode n = tests.addObject();
                n.put("name", p.problem().name() + ": " + TextPrinter.print(t.getKey()));
                n.put("score", score);
                n.put("max_score", t.getValue());
                n.put("status", last.map(r -> r.verdict().equals("correct")).orElse(false) ? "passed" : "failed");
                n.put("output", last.map(CohortReport::explain).orElse("no answer to " + TextPrinter.print(t.getKey()) + " was found"));
            }
        }
        root.put("score", total);
        StringBuilder unread = new StringBuilder();
        for (Row r : byStudent.getOrDefault(student, List.of())) {
            if (r.problem().isEmpty()) {
                unread.append(r.file()).append(':').append(r.line()).append(": ").append(r.verdict()).append(": ").append(r.diagnosis()).append('\n');
            }
        }
        for (derivcheck.expr.Pos p : empties.getOrDefault(student, List.of())) unread.append(at(p)).append(": empty display, skipped\n");
        if (unread.length() > 0) root.put("output", "Not read:\n" + unread);
        root.set("tests", tests);
        return root;
    }

    private static String explain(Row r) {
        StringBuilder b = new StringBuilder();
        b.append(r.file()).append(':').append(r.line()).append(": ").append(r.verdict());
        if (!r.readAs().isEmpty()) b.append(" (read as ").append(r.readAs()).append(')');
        if (r.firstFalseStep().isPresent()) b.append("; first false step at line ").append(r.firstFalseStep().get());
        if (!r.feedback().isEmpty()) b.append("\n").append(r.feedback());
        else if (!r.diagnosis().isEmpty()) b.append("\n").append(r.diagnosis());
        return b.toString();
    }
}
