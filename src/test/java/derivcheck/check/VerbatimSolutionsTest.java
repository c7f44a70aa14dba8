package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import derivcheck.cas.Cas;
import derivcheck.derive.Engine;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.latex.Solutions;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The verbatim corpus (src/test/resources/solutions-verbatim/, format in its README.md): every
 * display of the seeds' 001 and 003 solutions as the sheets write them, and student-style variants
 * and slips, each with the verdicts decided by reading the mathematics. Every entry is checked as a
 * solution document against its spec, the way `derivcheck check SPEC FILE` does. Asserted:
 * <ul>
 *   <li>an entry marked {@code tool: same} gets exactly the verdicts the mathematics says, unless it
 *       is {@code pending} on another room's defect; the set of entries that differ is exactly the
 *       set of pending ones (a pending entry that starts passing fails this test too, so the mark
 *       is removed when the fix lands);</li>
 *   <li>never a false alarm: no {@code incorrect} where the mathematics says correct, outside the
 *       pending entries;</li>
 *   <li>an entry marked {@code tool: reject X} is refused with a located message (line and column
 *       inside the entry) that names X — never silently read.</li>
 * </ul>
 */
class VerbatimSolutionsTest {
    static final Path DIR = Path.of("src/test/resources/solutions-verbatim");

    record Entry(String file, String id, String spec, String math, String tool, String pending, String text) {}

    static List<Entry> corpus() throws Exception {
        List<Entry> out = new ArrayList<>();
        try (var files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".corpus")).sorted().toList()) {
                String all = Files.readString(f, StandardCharsets.UTF_8);
                for (String chunk : all.split("(?m)^=== ")) {
                    if (!chunk.contains("\n---\n")) continue;
                    String head = chunk.substring(0, chunk.indexOf("\n---\n"));
                    String text = chunk.substring(chunk.indexOf("\n---\n") + 5);
                    if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
                    Map<String, String> h = new LinkedHashMap<>();
                    String[] lines = head.split("\n");
                    for (int k = 1; k < lines.length; k++) {
                        int c = lines[k].indexOf(": ");
                        h.put(lines[k].substring(0, c), lines[k].substring(c + 2));
                    }
                    out.add(new Entry(f.getFileName().toString(), lines[0].strip(), h.get("spec"), h.get("math"), h.get("tool"),
                            h.get("pending"), text));
                }
            }
        }
        return out;
    }

    /** What the check says: "c/cc" (answers / steps) or "reject" with the located messages. */
    record Outcome(String verdicts, List<Diagnostic> errors) {
        String show() { return errors.isEmpty() ? verdicts : "rejected: " + errors.stream().map(d -> d.pos().line() + ":" + d.pos().col() + " " + d.message()).toList(); }
    }

    static final Map<String, AnswerReader> READERS = new LinkedHashMap<>();
    static final Map<String, AnswerChecker> CHECKERS = new LinkedHashMap<>();

    static Outcome run(Entry e) throws Exception {
        if (!READERS.containsKey(e.spec())) {
            Path f = Path.of("problems", e.spec() + ".prob");
            SourceText st = new SourceText(f.toString(), Files.readString(f));
            Problem p = SpecReader.read(st).get();
            READERS.put(e.spec(), new AnswerReader(p, st));
            CHECKERS.put(e.spec(), new AnswerChecker(Engine.standard(Cas.shared()), p, VerifyOptions.defaults().withSamples(6), true));
        }
        AnswerReader reader = READERS.get(e.spec());
        AnswerChecker checker = CHECKERS.get(e.spec());
        SourceText doc = new SourceText(e.id(), e.text());
        StringBuilder answers = new StringBuilder(), steps = new StringBuilder();
        List<Diagnostic> errors = new ArrayList<>();
        List<Solutions.Item> items = Solutions.items(e.id(), e.text(), reader::statesTarget);
        for (Solutions.Item it : items) {
            ParseResult<List<Answer>> r = reader.read(it.text(), it.pos(), doc);
            if (!r.ok()) {
                // as `derivcheck check` does: an answer that reads but whose shapes do not fit is a wrong answer
                java.util.Optional<AnswerReport> shape = ShapeErrors.asIncorrect(it.text(), it.pos(), r);
                if (shape.isPresent()) answers.append('i');
                else errors.addAll(r.diagnostics());
                continue;
            }
            for (Answer a : r.get()) {
                AnswerReport rep = checker.check(a);
                answers.append(rep.verdict().word().charAt(0));
                for (AnswerReport.Step s : rep.steps()) steps.append(s.verdict().word().charAt(0));
            }
        }
        if (items.isEmpty()) errors.add(new Diagnostic(new derivcheck.expr.Pos(e.id(), 1, 1), AnswerReader.NO_ANSWER));
        return new Outcome(answers + "/" + steps, errors);
    }

    @Test
    void everyEntryIsReadAsTheMathematicsSaysOrRefusedWithALocatedReason() throws Exception {
        List<Entry> corpus = corpus();
        assertTrue(corpus.size() >= 80, "the corpus has " + corpus.size() + " entries");
        TreeSet<String> differ = new TreeSet<>(), pending = new TreeSet<>();
        List<String> report = new ArrayList<>(), falseAlarms = new ArrayList<>(), badRejects = new ArrayList<>();
        for (Entry e : corpus) {
            if (e.pending() != null) pending.add(e.id());
            Outcome o = run(e);
            int lines = e.text().split("\n", -1).length;
            if (e.tool().startsWith("reject")) {
                String needle = e.tool().substring("reject".length()).strip();
                boolean ok = !o.errors().isEmpty() && o.errors().stream().anyMatch(d -> d.message().contains(needle)
                        && d.pos().line() >= 1 && d.pos().line() <= lines && d.pos().col() >= 1);
                if (!ok) badRejects.add(e.id() + ": expected a located message naming '" + needle + "', got " + o.show());
                continue;
            }
            if (!e.tool().equals("same")) fail(e.id() + ": unknown tool mark " + e.tool());
            boolean same = o.errors().isEmpty() && o.verdicts().equals(e.math());
            if (!same) {
                differ.add(e.id());
                report.add(e.id() + (e.pending() != null ? " [pending]" : "") + ": mathematics " + e.math() + ", check " + o.show());
            }
            if (e.pending() == null && o.errors().isEmpty()) {
                String[] m = e.math().split("/", -1), c = o.verdicts().split("/", -1);
                for (int k = 0; k < 2; k++) {
                    for (int j = 0; j < Math.min(m[k].length(), c[k].length()); j++) {
                        if (m[k].charAt(j) == 'c' && c[k].charAt(j) == 'i') falseAlarms.add(e.id());
                    }
                }
            }
        }
        String all = "false alarms: " + falseAlarms + "\n" + String.join("\n", report) + "\nrefusals:\n" + String.join("\n", badRejects);
        assertTrue(falseAlarms.isEmpty(), all);
        assertTrue(badRejects.isEmpty(), all);
        assertEquals(pending, differ, () -> "the entries that differ from the mathematics must be exactly the pending ones:\n" + all);
    }

    @Test
    void everyEntryNamesItsSpecAndAVerdictForEveryAnswer() throws Exception {
        for (Entry e : corpus()) {
            assertTrue(Files.isRegularFile(Path.of("problems", e.spec() + ".prob")), e.id() + ": no spec " + e.spec());
            assertTrue(e.math() != null && e.math().matches("[ciu]*/[ciu]*"), e.id() + ": math verdicts " + e.math());
            assertTrue(e.tool() != null, e.id() + ": no tool mark");
        }
    }
}
