package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.judge.FreeSpace;
import derivcheck.judge.Judge;
import derivcheck.judge.Judgement;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.TextPrinter;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.render.LatexPrinter;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's property test through the real check pipeline: the closed-form results derive finds
 * for the specs of problems/ are printed with the project's LaTeX and text printers, as a user
 * would type them; seeded rewrites that keep the value ({@link ReferenceRewrites}) are never
 * judged incorrect, and slips (a flipped sign, a factor 2 or 1/2, a dropped term, a transposed
 * product) are incorrect with the diagnosis naming the slip in most cases. Rates are printed.
 */
class AnswersUpToAlgebraPropertyTest {
    private static final long SEED = 20261207L;

    record Case(Problem problem, SourceText spec, AnswerChecker checker, Relation reference, LatexPrinter latex) {}

    static List<Case> cases() throws IOException {
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("problems"))) {
            specs = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        Engine engine = Engine.standard(Cas.shared());
        List<Case> out = new ArrayList<>();
        for (Path f : specs) {
            SourceText st = new SourceText(f.toString(), Files.readString(f));
            ParseResult<Problem> pr = SpecReader.read(st);
            if (!pr.ok()) continue;
            Problem p = pr.get();
            Derivation d = engine.derive(p);
            AnswerChecker c = new AnswerChecker(engine, p, VerifyOptions.defaults().withSamples(6), false, false, () -> d);
            for (Result r : d.results()) {
                if (!r.isEquation() || r.range().isPresent()) continue;
                out.add(new Case(p, st, c, r.relation(), LatexPrinter.of(p)));
            }
        }
        return out;
    }

    static Optional<AnswerReport> check(Case c, Expr answer, boolean ascii) {
        Relation r = new Relation(RelOp.EQ, c.reference().lhs(), answer, Pos.NONE);
        String text = ascii ? TextPrinter.print(r) : c.latex().print(r);
        ParseResult<List<Answer>> read = new AnswerReader(c.problem(), c.spec()).read(text, new Pos("<answer>", 1, 1), new SourceText("<answer>", text));
        if (!read.ok() || read.get().size() != 1) {
            System.out.println("unread: " + text + " " + (read.ok() ? read.get().size() : read.renderDiagnostics()));
            return Optional.empty();
        }
        return Optional.of(c.checker().check(read.get().get(0)));
    }

    /** Does the diagnosis name a slip of this kind (index into {@link ReferenceRewrites#SLIPS})? */
    static boolean names(int kind, String diagnosis) {
        String d = diagnosis.toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case 0 -> d.contains("sign") || d.contains("-1 times");
            case 1 -> d.contains("constant factor");
            case 2 -> d.contains("term is missing");
            default -> d.contains("transposed");
        };
    }

    @Test
    void rewrittenReferencesAreNeverIncorrectAndSlipsAreIncorrectWithTheirDiagnosisInMostCases() throws IOException {
        Random r = new Random(SEED);
        int rewrites = 0, notRead = 0, skipped = 0, noSlip = 0;
        int[] byVerdict = new int[AnswerReport.Word.values().length];
        int[] runs = new int[4], incorrect = new int[4], diagnosed = new int[4], noPlace = new int[4];
        List<String> falseAlarms = new ArrayList<>(), missed = new ArrayList<>();
        for (Case c : cases()) {
            for (boolean ascii : new boolean[] {false, true}) {
                // only references that read back as themselves and are judged correct: the rest is not this test's subject
                Optional<AnswerReport> self = check(c, c.reference().rhs(), ascii);
                if (self.isEmpty() || self.get().verdict() != AnswerReport.Word.CORRECT) { skipped++; continue; }
                for (int k = 0; k < 3; k++) {
                    Expr ans = ReferenceRewrites.rewrite(c.reference().rhs(), r, 1 + r.nextInt(3));
                    Optional<AnswerReport> a = check(c, ans, ascii);
                    if (a.isEmpty()) { notRead++; continue; }
                    rewrites++;
                    byVerdict[a.get().verdict().ordinal()]++;
                    if (a.get().verdict() == AnswerReport.Word.INCORRECT) falseAlarms.add(c.problem().name() + ": " + TextPrinter.print(ans) + " " + a.get().numeric());
                }
                for (int kind = 0; kind < 4; kind++) {
                    Optional<Expr> bad = ReferenceRewrites.slip(c.reference().rhs(), r, kind);
                    if (bad.isEmpty() || Exprs.isZero(c.reference().rhs())) { noPlace[kind]++; continue; }
                    // a transposed symmetric factor (inv(X'X + cI)') keeps the value: not a slip (judged on free symbols, no assumptions)
                    if (kind == 3 && sameEverywhere(bad.get(), c.reference().rhs())) { noSlip++; continue; }
                    Optional<AnswerReport> s = check(c, bad.get(), ascii);
                    if (s.isEmpty()) { notRead++; continue; }
                    runs[kind]++;
                    if (s.get().verdict() != AnswerReport.Word.INCORRECT) {
                        missed.add(ReferenceRewrites.SLIPS[kind] + " " + c.problem().name() + ": " + TextPrinter.print(bad.get()) + " " + s.get().verdict());
                        continue;
                    }
                    incorrect[kind]++;
                    String d = s.get().diagnosis().orElse("");
                    if (names(kind, d)) diagnosed[kind]++;
                    else missed.add(ReferenceRewrites.SLIPS[kind] + " " + c.problem().name() + ": " + TextPrinter.print(bad.get()) + " diagnosis: " + d);
                }
            }
        }
        System.out.printf("references skipped (not read back or not correct): %d; rewritten answers not read: %d%n", skipped, notRead);
        System.out.printf("transposed candidates that keep the value (not slips): %d%n", noSlip);
        System.out.printf("rewrites: %d, verdicts %s%n", rewrites, verdicts(byVerdict));
        for (int kind = 0; kind < 4; kind++) {
            System.out.printf("slip %s: %d, incorrect %d, diagnosis names it %d (no place in %d references)%n",
                    ReferenceRewrites.SLIPS[kind], runs[kind], incorrect[kind], diagnosed[kind], noPlace[kind]);
        }
        missed.forEach(m -> System.out.println("  missed: " + m));
        assertTrue(falseAlarms.isEmpty(), String.join("\n", falseAlarms));
    }

    private static boolean sameEverywhere(Expr a, Expr b) {
        Judgement j = Judge.numericOnly(FreeSpace.over(List.of(a, b), List.of())).equal(a, b);
        return j.equal();
    }

    private static String verdicts(int[] by) {
        StringBuilder b = new StringBuilder();
        for (AnswerReport.Word w : AnswerReport.Word.values()) if (by[w.ordinal()] > 0) b.append(w.word()).append(' ').append(by[w.ordinal()]).append(' ');
        return b.toString().strip();
    }
}
