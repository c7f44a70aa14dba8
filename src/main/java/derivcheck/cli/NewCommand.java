package derivcheck.cli;

import derivcheck.io.OutputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new",
        description = {
            "Write a commented spec skeleton NAME.prob to start a new exercise from.",
            "",
            "The skeleton is a complete exercise (a regularized least-squares gradient step) that parses,",
            "derives and prints as it is; each item carries a comment saying what it is for and what else",
            "can go there. Replace its parts with your exercise; docs/spec-language.md walks through three",
            "more (a gradient, a constrained step, a moment). An existing file is never replaced.",
            "",
            "Exit codes: 0 written, 2 a bad name or the file exists."},
        footer = {"", "Examples:", "  derivcheck new my_exercise", "  derivcheck new --dir problems ridge_step",
            "  derivcheck new my_exercise && derivcheck derive my_exercise.prob"})
final class NewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "the problem's name: letters, digits and _ (it names the file too)")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "where to write NAME.prob (default: the current directory)")
    Path dir;

    /** The skeleton for a problem name (a valid spec identifier). */
    static String skeleton(String name) {
        return """
                # A derivcheck spec: one exercise, written the way the course sheet writes it.
                #   derivcheck parse  %1$s.prob      read it back, or see its errors with line and column
                #   derivcheck derive %1$s.prob      derive the answer step by step and check every expect
                #   derivcheck test   %1$s.prob      check the expects are judged correct, the mistakes caught
                #   derivcheck sheet  %1$s.prob -o sheet.tex --pdf    the exercise with its worked solution
                # The language: docs/spec-language.md ("Write your first exercise" walks through three).
                problem %1$s
                  title     "Regularized least squares"
                  source    "Where it comes from: course, sheet, number"
                  # For the student; math goes in $...$ as LaTeX. The formal statement (given, minimize,
                  # find) is printed below it from the items, so do not repeat it here.
                  statement "Find the minimizer of the regularized squared error in closed form."

                  # Sizes: positive integers ("dim n >= 2" sets the smallest size the numeric checks use).
                  dim n, d
                  # Data and parameters: name : real | vector[n] | matrix[n, d] | function, then the
                  # LaTeX name the sheet prints, then assumptions after "where".
                  given X : matrix[n, d]
                  given t : vector[n]          latex "\\mathbf{t}"
                  given lambda : real          latex "\\lambda"  where lambda > 0
                  # What is asked: the unknown(s) of the objective. Other items ask other questions:
                  # "find grad(L, x)" with "let L = ...", "find E[y], Var[y]" with "random ...",
                  # "solve ... for eps", "find alpha > 0 such that ...", "show ... = ...".
                  find w : vector[d]           latex "\\mathbf{w}"

                  # The objective; "subject to ..." lines add constraints.
                  minimize 1/2*||X*w - t||^2 + lambda/2*||w||^2

                  # The answer you expect: derivcheck derives its own and checks this one against the
                  # problem itself, numerically.
                  expect w = inv(X'*X + lambda*I)*X'*t

                  # A wrong answer students give, and the feedback they get when they give it.
                  mistake w = inv(X'*X)*X'*t : "The regularizer is missing: its gradient lambda*w adds lambda*I to X'X."
                """.formatted(name);
    }

    @Override
    public Integer call() throws Exception {
        Console out = new Console();
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            out.error("derivcheck new: '" + name + "' is not a problem name: use letters, digits and _, starting with a letter");
            return ExitCode.BAD_INPUT;
        }
        Path file = dir.resolve(name + ".prob");
        if (Files.exists(file)) {
            out.error("derivcheck new: " + file + " exists; not replacing it");
            return ExitCode.BAD_INPUT;
        }
        if (Outputs.refused(out, "new", file, List.of())) return ExitCode.BAD_INPUT;
        OutputFiles.write(file, skeleton(name));
        out.error("wrote " + file + "; next: derivcheck derive " + file);
        return ExitCode.OK;
    }
}
