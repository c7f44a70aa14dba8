package derivcheck.engine.cohort;

import derivcheck.expr.Expr;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.TextPrinter;
import derivcheck.io.OutputFiles;
import derivcheck.model.Claim;
import derivcheck.model.Mistake;
import derivcheck.model.Problem;
import derivcheck.render.LatexPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic cohort for tests and the benchmark: one submission per student (a .tex, .md
 * or .txt file, or a sub-folder of two files), each answering a target of a problem with a rewrite
 * of the spec's expected value (right by an algebraic law), one of the spec's own {@code mistake}
 * answers, or a generic slip (wrong by construction; see {@link Variants}), in LaTeX (ASCII in
 * .txt files). It writes the key beside the folder: the verdict every answer must get. With
 * {@code plant}, it adds the hostile files a grader must survive (empty, 50 MB, binary, unbalanced
 * braces, deeply nested, a 10^5-term sum); their key is {@code unreadable}. Seeded: the same
 * arguments write the same bytes. Every file goes through {@link OutputFiles} (a temporary file, then a rename).
 */
public final class CohortGenerator {
    /** One answer the key knows: where it is (the n-th answer of the file) and the verdict it must get. */
    public record KeyRow(String student, String file, int index, String problem, String target, String expected, String kind) {}

    private record Choice(String problem, String target, String lhsLatex, String lhsAscii, String latex, String ascii, boolean right, String kind) {}

    private final List<Choice> right = new ArrayList<>();
    private final List<Choice> wrong = new ArrayList<>();

    /** The answers the problems allow (expects of the form target = value without an index range); may be none. */
    public CohortGenerator(List<Problem> problems, List<derivcheck.source.SourceText> specs) {
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            LatexPrinter latex = LatexPrinter.of(p);
            derivcheck.latex.AnswerReader reader = new derivcheck.latex.AnswerReader(p, specs.get(i));
            List<Choice> mine = new ArrayList<>();
            for (Claim e : p.expects()) {
                if (e.relations().size() != 1 || e.range().isPresent()) continue;
                Relation r = e.relations().get(0);
                if (r.op() != RelOp.EQ || !isTarget(p, r.lhs())) continue;
                String lhsL = latex.print(r.lhs()), lhsA = TextPrinter.print(r.lhs()), t = TextPrinter.print(r.lhs());
                Variants.rewrites(r.rhs()).forEach((k, v) -> mine.add(new Choice(p.name(), t, lhsL, lhsA, latex.print(v), TextPrinter.print(v), true, k)));
                for (Mistake m : p.mistakes()) {
                    Relation mr = m.claim().relations().get(0);
                    if (m.claim().relations().size() == 1 && m.claim().range().isEmpty() && mr.op() == RelOp.EQ && mr.lhs().equals(r.lhs())) {
                        mine.add(new Choice(p.name(), t, lhsL, lhsA, latex.print(mr.rhs()), TextPrinter.print(mr.rhs()), false, "spec-mistake"));
                    }
                }
                Variants.slips(r.rhs()).forEach((k, v) -> mine.add(new Choice(p.name(), t, lhsL, lhsA, latex.print(v), TextPrinter.print(v), false, k)));
            }
            // only answers whose LaTeX and ASCII forms read back (a printer's form the reader does not take is left out;
            // reading decides nothing about right or wrong, which comes from the construction above)
            for (Choice c : mine) {
                if (reads(reader, c.lhsLatex + " = " + c.latex) && reads(reader, c.lhsAscii + " = " + c.ascii)) (c.right ? right : wrong).add(c);
            }
        }
    }

    private static boolean reads(derivcheck.latex.AnswerReader r, String text) {
        try {
            return r.read(text, new derivcheck.expr.Pos("<generated>", 1, 1), new derivcheck.source.SourceText("<generated>", text)).ok();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isTarget(Problem p, Expr lhs) {
        return p.unknowns().stream().anyMatch(u -> u.sym().equals(lhs)) || p.targets().contains(lhs);
    }

    /** Whether there is anything to generate. */
    public boolean possible() { return !right.isEmpty() && !wrong.isEmpty(); }

    /**
     * Writes {@code students} submissions into {@code folder} (created; it must not hold files yet)
     * and returns the key. About two thirds of the answers are right.
     */
    public List<KeyRow> write(Path folder, int students, long seed, boolean plant) throws IOException {
        if (!possible()) throw new IllegalStateException("the problems have no expect of the form target = value to vary");
        Files.createDirectories(folder);
        Random rnd = new Random(seed);
        List<KeyRow> key = new ArrayList<>();
        int width = Math.max(5, Integer.toString(students).length());
        for (int s = 0; s < students; s++) {
            String id = String.format(Locale.ROOT, "s%0" + width + "d", s + 1);
            int form = rnd.nextInt(100);
            if (form < 15) {
                // a sub-folder: a first attempt, then the final answer (files are read in name order)
                Choice first = pick(rnd), last = pick(rnd);
                Files.createDirectories(folder.resolve(id));
                write(folder, id + "/part1.tex", display(first, rnd, 0), first, id, key);
                write(folder, id + "/part2.md", "Final answer:\n\n" + display(last, rnd, 1) + "\n", last, id, key);
            } else if (form < 30) {
                Choice c = pick(rnd);
                write(folder, id + ".txt", "# " + id + "\n" + c.lhsAscii + " = " + c.ascii + "\n", c, id, key);
            } else if (form < 60) {
                Choice c = pick(rnd);
                write(folder, id + ".md", "## Solution\n\nSetting the gradient to zero gives\n\n" + display(c, rnd, rnd.nextInt(2)) + "\n", c, id, key);
            } else {
                Choice c = pick(rnd);
                write(folder, id + ".tex", "\\section*{Solution}\n" + display(c, rnd, rnd.nextInt(4)) + "\n", c, id, key);
            }
        }
        if (plant) plant(folder, key);
        return key;
    }

    private Choice pick(Random rnd) {
        List<Choice> from = rnd.nextInt(3) < 2 ? right : wrong;
        return from.get(rnd.nextInt(from.size()));
    }

    /** The answer as display math, in one of the ways solutions write it. */
    private static String display(Choice c, Random rnd, int style) {
        String body = c.lhsLatex + (rnd.nextBoolean() ? " = " : "=") + latex(c);
        return switch (style) {
            case 0 -> "$$" + body + "$$";
            case 1 -> "\\[\n  " + body + "\n\\]";
            case 2 -> "\\begin{equation}\n  " + body + "\n\\end{equation}";
            default -> "\\begin{align*}\n  " + c.lhsLatex + " &= " + latex(c) + "\n\\end{align*}";
        };
    }

    private static String latex(Choice c) { return c.latex; }

    private void write(Path folder, String file, String text, Choice c, String id, List<KeyRow> key) throws IOException {
        OutputFiles.write(folder.resolve(file), text);
        key.add(new KeyRow(id, file, 1, c.problem, c.target, c.right ? "correct" : "incorrect", c.kind));
    }

    // ---- hostile files ----------------------------------------------------------------------

    private void plant(Path folder, List<KeyRow> key) throws IOException {
        Choice c = right.get(0);
        OutputFiles.write(folder.resolve("planted_empty.tex"), "");
        bad(key, "planted_empty", "planted_empty.tex", "empty");
        byte[] line = ("$$" + c.lhsLatex + " = " + latex(c) + "$$\n").getBytes(StandardCharsets.UTF_8);
        OutputFiles.writeBytes(folder.resolve("planted_huge.tex"), o -> {
            for (long n = 0; n < 50L * 1024 * 1024; n += line.length) o.write(line);
        });
        bad(key, "planted_huge", "planted_huge.tex", "50 MB");
        byte[] bin = new byte[4096];
        new Random(7).nextBytes(bin);
        OutputFiles.writeBytes(folder.resolve("planted_binary.tex"), o -> o.write(bin));
        bad(key, "planted_binary", "planted_binary.tex", "binary");
        OutputFiles.write(folder.resolve("planted_unbalanced.tex"), "$$" + c.lhsLatex + " = \\frac{{" + latex(c) + "}$$\n");
        bad(key, "planted_unbalanced", "planted_unbalanced.tex", "unbalanced braces");
        OutputFiles.write(folder.resolve("planted_nested.tex"), "$$" + c.lhsLatex + " = " + "(".repeat(5000) + latex(c) + ")".repeat(5000) + "$$\n");
        bad(key, "planted_nested", "planted_nested.tex", "deeply nested");
        StringBuilder sum = new StringBuilder("$$" + c.lhsLatex + " = " + latex(c));
        for (int k = 0; k < 100_000; k++) sum.append(" + 0");
        OutputFiles.write(folder.resolve("planted_sum.tex"), sum.append("$$\n").toString());
        bad(key, "planted_sum", "planted_sum.tex", "10^5-term sum");
    }

    private static void bad(List<KeyRow> key, String id, String file, String kind) {
        key.add(new KeyRow(id, file, 1, "", "", "unreadable", kind));
    }

    /** The key as CSV (student, file, index, problem, target, expected, kind). */
    public static void writeCsv(List<KeyRow> key, java.io.Writer w) throws IOException {
        org.apache.commons.csv.CSVFormat f = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                .setHeader("student", "file", "index", "problem", "target", "expected", "kind").setRecordSeparator("\n").get();
        try (org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(w, f)) {
            for (KeyRow k : key) p.printRecord(k.student, k.file, k.index, k.problem, k.target, k.expected, k.kind);
        }
    }
}
