package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every result the sheet prints for problems/ has the form the seed's own solution writes
 * (src/test/resources/result-forms/problems.corpus), or the corpus says why not: a form the sheet
 * does not reach yet ({@code differs:}, checked to still differ), a result the seed does not state
 * ({@code extra:}), a problem that only shows claims ({@code shows:}, checked to print no result),
 * or a seed without solutions ({@code unsolved:}). The forms are compared as the sheet's printer
 * writes them, whitespace ignored.
 */
class ResultFormCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/result-forms/problems.corpus");

    /** One corpus entry: its keyed lines in order. */
    record Entry(String name, List<String[]> lines) {
        boolean has(String key) { return lines.stream().anyMatch(l -> l[0].equals(key)); }
    }

    static Map<String, Entry> read() throws Exception {
        Map<String, Entry> out = new LinkedHashMap<>();
        Entry e = null;
        for (String line : Files.readAllLines(CORPUS)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("=== ")) {
                e = new Entry(line.substring(4).strip(), new ArrayList<>());
                assertTrue(out.put(e.name(), e) == null, "two entries for " + e.name());
                continue;
            }
            int colon = line.indexOf(':');
            assertTrue(e != null && colon > 0, "not an entry line: " + line);
            e.lines().add(new String[] {line.substring(0, colon), line.substring(colon + 1).strip()});
        }
        return out;
    }

    private static String squeeze(String latex) { return latex.replaceAll("\\s+", ""); }

    @Test void everyPrintedResultHasTheSeedsFormOrTheCorpusSaysWhyNot() throws Exception {
        Map<String, Entry> corpus = read();
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("problems"))) {
            specs = s.filter(f -> f.toString().endsWith(".prob")).sorted().toList();
        }
        TreeSet<String> names = new TreeSet<>();
        Engine engine = Engine.standard(Cas.shared());
        List<String> bad = new ArrayList<>();
        int matched = 0;
        for (Path f : specs) {
            ParseResult<Problem> r = SpecReader.read(f);
            assertTrue(r.ok(), r::renderDiagnostics);
            Problem p = r.get();
            names.add(p.name());
            Entry e = corpus.get(p.name());
            if (e == null) { bad.add(p.name() + ": no corpus entry"); continue; }
            for (String[] l : e.lines()) {
                if (!List.of("seed", "form", "differs", "extra", "shows", "unsolved").contains(l[0]) || l[1].isEmpty()) {
                    bad.add(p.name() + ": bad line " + l[0] + ": " + l[1]);
                }
            }
            if (e.has("unsolved")) continue; // nothing to compare with
            Derivation d = engine.derive(p);
            List<Result> results = d.status() == Derivation.Status.DERIVED ? d.results() : List.of();
            LatexPrinter printer = LatexPrinter.of(p);
            if (e.has("shows")) {
                if (!results.isEmpty()) bad.add(p.name() + ": marked shows: but the sheet prints " + results.size() + " result(s)");
                continue;
            }
            List<String[]> forms = e.lines().stream().filter(l -> !l[0].equals("seed")).toList();
            if (forms.size() != results.size()) {
                bad.add(p.name() + ": the corpus lists " + forms.size() + " result(s), the sheet prints " + results.size());
                continue;
            }
            for (int k = 0; k < forms.size(); k++) {
                String printed = printer.print(results.get(k).relation());
                String[] l = forms.get(k);
                switch (l[0]) {
                    case "form" -> {
                        if (squeeze(l[1]).equals(squeeze(printed))) matched++;
                        else bad.add(p.name() + " result " + (k + 1) + ":\n  seed's form: " + l[1] + "\n  sheet:       " + printed);
                    }
                    case "differs" -> {
                        String[] formAndWhy = l[1].split(" \\| ", 2);
                        if (formAndWhy.length < 2 || formAndWhy[1].isBlank()) bad.add(p.name() + ": differs: without a reason");
                        else if (squeeze(formAndWhy[0]).equals(squeeze(printed))) {
                            bad.add(p.name() + " result " + (k + 1) + " now has the seed's form: make it form: " + printed);
                        }
                    }
                    default -> { } // extra: a result the seed does not state
                }
            }
        }
        assertEquals(new TreeSet<>(corpus.keySet()), names, "one corpus entry per spec in problems/");
        assertEquals(List.of(), bad, String.join("\n", bad));
        assertTrue(matched >= 15, "results in the seed's form: " + matched);
    }

    @Test void theCorpusReaderKeepsEveryKeyedLine() throws Exception {
        Map<String, Entry> corpus = read();
        assertTrue(corpus.size() >= 35, "entries: " + corpus.size());
        Entry e = corpus.get("noisy_quadratic_batch");
        assertEquals(List.of("seed", "extra", "form"), e.lines().stream().map(l -> l[0]).toList());
        assertFalse(corpus.get("trust_region_l2").lines().isEmpty());
    }
}
