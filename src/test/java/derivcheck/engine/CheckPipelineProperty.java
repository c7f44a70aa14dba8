package derivcheck.engine;

import derivcheck.cas.Cas;
import derivcheck.derive.Engine;
import derivcheck.expr.Pos;
import derivcheck.fuzz.Located;
import derivcheck.latex.AnswerReaderProperty;
import derivcheck.latex.Solutions;
import derivcheck.limits.InputLimits;
import derivcheck.limits.InputScan;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property the whole check pipeline keeps for any solution file: the first byte picks a spec
 * of problems/ (as in {@link AnswerReaderProperty}), the rest is a solution document, cut into its
 * displays and inline answers as `check` does and each checked through {@link ProblemSet#check}
 * under the per-answer {@link derivcheck.limits.Deadline} of {@link #TIME_LIMIT} (numeric tier).
 * Every outcome is a verdict, a timeout that is not a caught exception, or an unreadable text whose
 * message starts with {@code fuzz.md:line:col:} inside the document; each display ends within
 * {@link #BOUND}.
 */
public final class CheckPipelineProperty {
    private CheckPipelineProperty() {}

    public static final String FILE = "fuzz.md";
    /** The per-answer budget (check --time-limit). */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(2);
    /** One display: reading and the check of each of its answers, each under the time limit, plus slack for a loaded machine. */
    public static final Duration BOUND = Duration.ofSeconds(15);
    private static final Pattern LOCATED = Pattern.compile("\\A" + Pattern.quote(FILE) + ":(\\d+):(\\d+): ");
    private static final Map<Integer, ProblemSet> SETS = new HashMap<>();
    private static Cas cas;

    /** The prepared problem of spec {@code i}, derived once (that derivation is not an answer's work, so it is not timed). */
    static synchronized ProblemSet set(int i) {
        return SETS.computeIfAbsent(i, k -> {
            if (cas == null) cas = new Cas(TIME_LIMIT);
            Path p = AnswerReaderProperty.SPECS.get(k);
            try {
                EngineOptions o = new EngineOptions(derivcheck.numeric.verify.VerifyOptions.defaults().withSamples(4).withSeed(1), false, TIME_LIMIT);
                ParseResult<PreparedProblem> r = PreparedProblem.read(new SourceText(p.toString(), Files.readString(p)), Engine.standard(cas), o);
                r.get().derivation();
                return new ProblemSet(List.of(r.get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static void check(byte[] bytes) {
        if (bytes.length == 0) return;
        int spec = (bytes[0] & 0xff) % AnswerReaderProperty.SPECS.size();
        InputScan.FileText t = InputScan.decode(java.util.Arrays.copyOfRange(bytes, 1, bytes.length));
        if (!t.ok()) return; // a located refusal of the file itself (AnswerReaderProperty asserts its place)
        ProblemSet set = set(spec);
        String text = t.text();
        SourceText source = new SourceText(FILE, text);
        List<String> lines = text.lines().toList();
        String what = "solution for " + AnswerReaderProperty.SPECS.get(spec).getFileName() + " " + Located.quote(text);
        PreparedProblem.Worker w = set.problems().get(0).worker();
        List<Solutions.Item> items = Solutions.items(FILE, text, w::statesTarget);
        if (items.size() > InputLimits.MAX_DISPLAYS) items = items.subList(0, InputLimits.MAX_DISPLAYS);
        for (Solutions.Item item : items) {
            long start = System.nanoTime();
            List<Checked> out = set.check(item.text(), item.pos(), source);
            Located.within(start, BOUND, what + " (item at " + item.pos() + ")");
            for (Checked c : out) {
                String at = what + " (item at " + item.pos() + "): " + c.status().word() + " " + c.message();
                switch (c.status()) {
                    case UNREADABLE -> {
                        Matcher m = LOCATED.matcher(c.message());
                        if (!m.find()) throw new AssertionError(at + " (unreadable without " + FILE + ":line:col)");
                        int line = Integer.parseInt(m.group(1)), col = Integer.parseInt(m.group(2));
                        int len = line >= 1 && line <= lines.size() ? lines.get(line - 1).length() : 0;
                        if (line < 1 || line > lines.size() + 1 || col < 1 || col > len + 1) throw new AssertionError(at + " (position outside the text)");
                        String said = c.message().substring(m.end());
                        if (said.startsWith("the answer could not be read (") || said.startsWith("internal error")) {
                            throw new AssertionError(at + " (an exception caught while reading, not a message about the input)");
                        }
                    }
                    case TIMEOUT -> {
                        if (c.message().startsWith("the check stopped")) throw new AssertionError(at + " (an exception caught while checking)");
                    }
                    default -> {
                        if (c.report().isEmpty()) throw new AssertionError(at + " (a verdict without its report)");
                    }
                }
            }
        }
    }
}
