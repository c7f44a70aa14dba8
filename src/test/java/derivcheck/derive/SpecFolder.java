package derivcheck.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.check.ClaimReport;
import derivcheck.check.ProblemChecker;
import derivcheck.check.ProblemReport;
import derivcheck.check.ResultReport;
import derivcheck.derive.expect.ExpectCheck;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Claim;
import derivcheck.model.Mistake;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.numeric.verify.VerifyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The one harness for a folder of test specs (src/test/resources/derive/NAME/): every spec states
 * what must happen to it on its {@code # expect:} line ({@link SpecExpectation}), and this runs it.
 * <ul>
 *   <li><b>derived</b>: the status is derived (by the named strategy); every expect of the spec is
 *       verified symbolically except the ones the line names (a "not verified" one must not verify, an
 *       "undecided" one must stay undecided, with its words in the reason); every show is proven.</li>
 *   <li><b>declined</b> / <b>undecided</b>: that status; the words occur in the engine's notes (in
 *       the named strategy's note); for declined, every strategy says why it declined.</li>
 *   <li>A {@code # condition: REL} line (derived specs): some result is stated under the condition REL
 *       (a non-degeneracy condition the derivation states itself), printed as text.</li>
 *   <li>A {@code # result: REL} line (derived specs): some result prints as REL in text, the form a
 *       sheet writes ({@code x = sign(a) .* max(abs(a) - lambda*eps, 0)}).</li>
 *   <li>With {@link #numeric}: the whole check runs ({@code ProblemChecker}) and, when derived, every
 *       result is verified numerically against the original statement, no expect or show (other than the
 *       named ones) fails numerically, and every mistake is caught; when not derived, nothing fails.</li>
 * </ul>
 */
public final class SpecFolder {
    private static final java.util.regex.Pattern CONDITION = java.util.regex.Pattern.compile("#\\s*condition:\\s*(.+)");
    private static final java.util.regex.Pattern RESULT = java.util.regex.Pattern.compile("#\\s*result:\\s*(.+)");
    private final Path dir;
    private int atLeast = 1;
    private int declinedAtLeast = 0;
    private Optional<VerifyOptions> numeric = Optional.empty();
    private final List<WhenDerived> extra = new ArrayList<>();

    /** A check a folder adds for its derived specs (for example: the theorem is cited). */
    @FunctionalInterface
    public interface WhenDerived {
        void check(String specText, Problem p, Derivation d) throws Exception;
    }

    private SpecFolder(Path dir) { this.dir = dir; }

    /** The folder src/test/resources/derive/{@code name}. */
    public static SpecFolder of(String name) { return new SpecFolder(Path.of("src/test/resources/derive", name)); }

    /** The folder must hold at least {@code n} specs (so that a lost file is noticed). */
    public SpecFolder atLeast(int n) { this.atLeast = n; return this; }

    /** At least {@code n} of them must be declined. */
    public SpecFolder declinedAtLeast(int n) { this.declinedAtLeast = n; return this; }

    /** Also verify numerically with these options (the full check of {@code ProblemChecker}). */
    public SpecFolder numeric(VerifyOptions o) { this.numeric = Optional.of(o); return this; }

    /** One more assertion for every derived spec of the folder. */
    public SpecFolder whenDerived(WhenDerived check) { this.extra.add(check); return this; }

    /** One dynamic test per spec, named by its file. */
    public Stream<DynamicTest> tests() throws IOException {
        List<Path> specs;
        try (Stream<Path> s = Files.list(dir)) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        assertTrue(specs.size() >= atLeast, () -> "at least " + atLeast + " specs in " + dir + ", found " + specs.size());
        long declined = 0;
        for (Path spec : specs) {
            if (SpecExpectation.of(Files.readString(spec)).status() == SpecExpectation.Status.DECLINED) declined++;
        }
        assertTrue(declined >= declinedAtLeast, "at least " + declinedAtLeast + " declined specs in " + dir);
        Engine engine = Engine.standard(Cas.shared());
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> run(engine, spec)));
    }

    private void run(Engine engine, Path spec) throws Exception {
        String text = Files.readString(spec);
        SpecExpectation want = SpecExpectation.of(text);
        Problem p = SpecFixtures.read(spec);
        Optional<ProblemReport> report = numeric.map(o -> new ProblemChecker(engine, Optional.of(o)).check(p));
        Derivation d = report.map(ProblemReport::derivation).orElseGet(() -> engine.derive(p));
        String notes = String.join("\n", d.notes());
        switch (want.status()) {
            case DERIVED -> derived(engine, want, text, p, d, report);
            case DECLINED -> {
                assertEquals(Derivation.Status.DECLINED, d.status(), notes);
                assertTrue(d.notes().stream().allMatch(n -> n.contains(": declined — ")), () -> "every strategy says why it declined:\n" + notes);
                reasons(want, d);
                report.ifPresent(r -> assertFalse(r.anyFailed(), "no expect or show of a spec that is not derived fails"));
            }
            case UNDECIDED -> {
                assertEquals(Derivation.Status.UNDECIDED, d.status(), notes);
                reasons(want, d);
                report.ifPresent(r -> assertFalse(r.anyFailed(), "no expect or show of a spec that is not derived fails"));
            }
        }
    }

    private void derived(Engine engine, SpecExpectation want, String text, Problem p, Derivation d, Optional<ProblemReport> report) throws Exception {
        assertEquals(Derivation.Status.DERIVED, d.status(), () -> String.join("\n", d.notes()));
        want.strategy().ifPresent(s -> assertEquals(s, d.strategy(), "the strategy that derives it"));
        assertFalse(p.expects().isEmpty() && p.shows().isEmpty(), "a derived spec states expects or shows to compare with");
        for (SpecExpectation.NamedExpect n : want.named()) {
            assertEquals(1, p.expects().stream().filter(c -> n.names(c.text())).count(), () -> "one expect reads '" + n.expect() + "'");
        }
        DeriveContext ctx = engine.context(p);
        for (ExpectCheck.Outcome o : ExpectCheck.check(p, d, ctx)) {
            String where = "line " + o.claim().pos().line() + " " + o.claim().text() + ": " + o.reason();
            Optional<SpecExpectation.NamedExpect> named = want.namedFor(o.claim().text());
            if (named.isEmpty()) {
                assertEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), where);
            } else if (named.get().outcome() == SpecExpectation.Outcome.NOT_VERIFIED) {
                assertNotEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), "a wrong expect must not verify: " + where);
            } else {
                assertEquals(ExpectCheck.Verdict.UNDECIDED, o.symbolic(), where);
                named.get().because().ifPresent(w -> assertTrue(o.reason().contains(w), () -> "the reason says '" + w + "': " + where));
            }
        }
        for (Claim c : p.shows()) {
            ExpectCheck.Outcome o = ExpectCheck.show(p, c, ctx);
            assertEquals(ExpectCheck.Verdict.VERIFIED, o.symbolic(), () -> "show " + c.text() + ": " + o.reason());
        }
        java.util.regex.Matcher cond = CONDITION.matcher(text);
        while (cond.find()) {
            String rel = cond.group(1).trim();
            assertTrue(d.results().stream().anyMatch(res -> res.conditions().stream().anyMatch(c -> TextPrinter.print(c).equals(rel))),
                    () -> "a result stated under " + rel + "; the results' conditions: "
                            + d.results().stream().flatMap(res -> res.conditions().stream()).map(TextPrinter::print).toList());
        }
        java.util.regex.Matcher res = RESULT.matcher(text);
        while (res.find()) {
            String rel = res.group(1).trim();
            List<String> printed = d.results().stream().map(r -> TextPrinter.print(r.relation())).toList();
            assertTrue(printed.contains(rel), () -> "a result prints as " + rel + "; the results: " + printed);
        }
        if (report.isPresent()) numericallyRight(want, p, report.get());
        for (WhenDerived x : extra) x.check(text, p, d);
    }

    private void numericallyRight(SpecExpectation want, Problem p, ProblemReport report) {
        assertFalse(report.results().isEmpty(), "something is derived");
        for (ResultReport rr : report.results()) {
            assertTrue(rr.numeric().isPresent() && rr.numeric().get().verified(),
                    () -> "result " + rr.result() + ": " + rr.numeric().map(NumericVerdict::reason).orElse("no numeric check"));
        }
        for (ClaimReport c : report.claims()) {
            if (want.namedFor(c.claim().text()).isPresent()) continue; // a wrong expect may fail numerically
            assertTrue(c.numeric().isPresent() && !c.numeric().get().failed(),
                    () -> c.kind().word() + " " + c.claim().text() + ": " + c.numeric().map(NumericVerdict::reason).orElse("no numeric check"));
        }
        NumericVerifier nv = NumericVerifier.of(p, numeric.orElseThrow());
        for (Mistake m : p.mistakes()) {
            NumericVerdict v = nv.check(m.claim());
            assertTrue(v.failed(), () -> "the mistake " + m.claim().text() + " is caught: " + v.reason());
        }
    }

    private static void reasons(SpecExpectation want, Derivation d) {
        if (want.because().isEmpty()) return;
        String words = want.because().get();
        List<String> where = want.strategy()
                .map(s -> d.notes().stream().filter(n -> n.startsWith(s + ": ")).toList())
                .orElse(d.notes());
        assertFalse(where.isEmpty(), () -> "a note of " + want.strategy().orElse("the engine") + ":\n" + String.join("\n", d.notes()));
        assertTrue(where.stream().anyMatch(n -> n.contains(words)),
                () -> "the reasons say '" + words + "':\n" + String.join("\n", where));
    }
}
