package derivcheck.cli;

import derivcheck.engine.cohort.CohortGenerator;
import derivcheck.engine.cohort.CohortKey;
import derivcheck.io.OutputFiles;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Hidden: writes a synthetic cohort with its key (tests, the benchmark, docs/grade.md), or compares grades with a key. */
@Command(name = "cohort", hidden = true,
        description = {"Write a synthetic cohort of submissions and its key, or compare a grade CSV with a key.",
            "",
            "  derivcheck cohort SPEC.prob... --out DIR [--students N] [--seed S] [--plant]   writes DIR/ and DIR.key.csv",
            "  derivcheck cohort --compare KEY.csv GRADES.csv                                  exit 1 on any disagreement"})
final class CohortCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..*") List<Path> inputs = new ArrayList<>();
    @Option(names = "--out", paramLabel = "DIR") Path out;
    @Option(names = "--students", defaultValue = "1000") int students;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--plant", description = "add the hostile files (empty, 50 MB, binary, unbalanced, nested, 10^5 terms)") boolean plant;
    @Option(names = "--force") boolean force;
    @Option(names = "--compare", description = "compare GRADES.csv (the second file) with KEY.csv (the first)") boolean compare;

    @Override public Integer call() throws Exception {
        Console con = new Console();
        if (compare) {
            if (inputs.size() != 2) { con.error("derivcheck cohort --compare KEY.csv GRADES.csv"); return ExitCode.BAD_INPUT; }
            CohortKey.Comparison c;
            try (var k = Files.newBufferedReader(inputs.get(0)); var g = Files.newBufferedReader(inputs.get(1))) {
                c = CohortKey.compare(CohortKey.read(k), CohortKey.readGrades(g));
            }
            con.println(c.answers() + " answer(s) in the key: " + c.agree() + " graded as the key says, " + c.missed()
                    + " undecided, " + c.wrong() + " contradicting it");
            for (String p : c.problems()) con.println("  " + p);
            return c.allRight() ? ExitCode.OK : ExitCode.FAILED;
        }
        if (out == null || inputs.isEmpty()) { con.error("derivcheck cohort SPEC.prob... --out DIR"); return ExitCode.BAD_INPUT; }
        // the cohort folder and its key are outputs: never a spec given, never in a folder that cannot be written
        if (Outputs.folderRefused(con, "cohort", out, inputs) || Outputs.refused(con, "cohort", keyFile(out), inputs)) return ExitCode.BAD_INPUT;
        if (Files.exists(out) && !force && notEmpty(out)) { con.error(out + ": exists and is not empty; give --force"); return ExitCode.BAD_INPUT; }
        List<Problem> problems = new ArrayList<>();
        List<SourceText> texts = new ArrayList<>();
        for (Path f : inputs) {
            SourceText st = new SourceText(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
            ParseResult<Problem> r = SpecReader.read(st);
            if (!r.ok()) { con.errorRaw(r.renderDiagnostics()); return ExitCode.BAD_INPUT; }
            problems.add(r.get());
            texts.add(st);
        }
        CohortGenerator g = new CohortGenerator(problems, texts);
        if (!g.possible()) { con.error("derivcheck cohort: no expect of the form target = value (and a mistake or a slip of it) to vary"); return ExitCode.BAD_INPUT; }
        List<CohortGenerator.KeyRow> key;
        try {
            key = g.write(out, students, seed, plant);
        } catch (java.nio.file.FileSystemException e) {
            // a folder the checks let through but the file system refuses: one line and exit 2 (cli/Main)
            throw OutputFiles.cannotWrite(out, e.getFile() != null ? Path.of(e.getFile()) : out, e);
        }
        Path keyFile = keyFile(out);
        OutputFiles.write(keyFile, w -> CohortGenerator.writeCsv(key, w));
        con.println("wrote " + key.size() + " answer(s) of " + students + (plant ? " students and 6 planted files" : " students") + " to " + out
                + "; key: " + keyFile);
        return ExitCode.OK;
    }

    static Path keyFile(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".key.csv");
    }

    private static boolean notEmpty(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) return true;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }
}
