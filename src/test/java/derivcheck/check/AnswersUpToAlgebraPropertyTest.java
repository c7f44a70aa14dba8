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
    private static final List<String> MATRIX_SPECS = List.of("quadratic_form", "newton_step_pd", "weighted_least_squares",
            "least_squares_full_rank", "newton_step_damped");

    record Case(Problem problem, SourceText spec, AnswerChecker checker, Relation reference, LatexPrinter latex) {}

    static List<Case> cases() throws IOException {
        List<Path> specs = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("problems"))) {
            s.filter(p -> p.toString().endsWith(".prob")).sorted().forEach(specs::add);
        }
        // a few specs with matrix products, so that transposed products have places
        for (String m : MATRIX_SPECS) specs.add(Path.of("src/test/resources/derive/optim", m + ".prob"));
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
        int rewrites = 0, notRead = 0, skipped = 0;
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
                    Optional<Expr> bad = kind == 3 ? realTransposition(c, r) : ReferenceRewrites.slip(c.reference().rhs(), r, kind);
                    if (bad.isEmpty() || Exprs.isZero(c.reference().rhs())) { noPlace[kind]++; continue; }
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
        System.out.printf("rewrites: %d, verdicts %s%n", rewrites, verdicts(byVerdict));
        for (int kind = 0; kind < 4; kind++) {
            System.out.printf("slip %s: %d, incorrect %d, diagnosis names it %d (no place in %d references)%n",
                    ReferenceRewrites.SLIPS[kind], runs[kind], incorrect[kind], diagnosed[kind], noPlace[kind]);
        }
        missed.forEach(m -> System.out.println("  missed: " + m));
        assertTrue(falseAlarms.isEmpty(), String.join("\n", falseAlarms));
        assertTrue(rewrites >= 150, "only " + rewrites + " rewritten answers were checked");
        // floors below the rates of 2026-12-07 (seed 20261207): rewrites 222, all correct; sign 72/72 incorrect,
        // 72 diagnosed; factor 72/72, 70 (2*E[...] of dropout_gaussian_noise has no diagnosis); dropped term
        // 15/15, 14 (the spec's own mistake feedback wins once); transposed 1/1, 1 (only linear_rnn_gradient's
        // ASCII form has a product whose transposition changes the value: a rate of one case, not a floor)
        double[] floor = {0.9, 0.85, 0.75, 0.0};
        for (int kind = 0; kind < 4; kind++) {
            String k = ReferenceRewrites.SLIPS[kind];
            assertTrue(runs[kind] >= 1, "no " + k + " slip was checked");
            assertTrue(incorrect[kind] * 20 >= runs[kind] * 19, k + ": only " + incorrect[kind] + " of " + runs[kind] + " incorrect");
            assertTrue(diagnosed[kind] >= floor[kind] * runs[kind], k + ": only " + diagnosed[kind] + " of " + runs[kind] + " diagnosed");
        }
    }

    /** A transposed product that changes the value (a transposed symmetric factor is no slip), or empty. */
    private static Optional<Expr> realTransposition(Case c, Random r) {
        List<Expr> all = new ArrayList<>(ReferenceRewrites.transposedAll(c.reference().rhs()));
        java.util.Collections.shuffle(all, r);
        return all.stream().filter(e -> !sameEverywhere(c.problem(), e, c.reference().rhs())).findFirst();
    }

    /**
     * Equal on free symbols with every matrix the spec declares symmetric written S + S' (so that
     * a transposed symmetric factor, declared or built like inv(X'X + cI), is no slip).
     */
    private static boolean sameEverywhere(Problem p, Expr a0, Expr b0) {
        Expr a = a0, b = b0;
        for (derivcheck.model.SymbolDecl g : p.givens()) {
            if (!g.sym().shape().isMatrix() || !p.has(g.sym(), derivcheck.model.MatrixProperty.SYMMETRIC)) continue;
            Expr sym = Exprs.add(g.sym(), new derivcheck.expr.Transpose(g.sym(), Pos.NONE));
            a = Exprs.substitute(a, g.sym(), sym);
            b = Exprs.substitute(b, g.sym(), sym);
        }
        Judgement j = Judge.numericOnly(FreeSpace.over(List.of(a, b), List.of())).equal(a, b);
        return j.equal();
    }

    private static String verdicts(int[] by) {
        StringBuilder b = new StringBuilder();
        for (AnswerReport.Word w : AnswerReport.Word.values()) if (by[w.ordinal()] > 0) b.append(w.word()).append(' ').append(by[w.ordinal()]).append(' ');
        return b.toString().strip();
    }
}
