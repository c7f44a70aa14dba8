package derivcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.model.Problem;
import derivcheck.render.ProblemJson;
import derivcheck.render.ProblemPrinter;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "parse",
        description = {
            "Read specs, resolve names, infer shapes; print them normalized or their errors.",
            "",
            "Read spec files, resolve names and infer shapes, and print each spec back in normalized form",
            "(every expression re-printed from the model, with its shape as a comment), or its errors as",
            "file:line:col: message with the line and a caret.",
            "",
            "Exit codes: 0 all specs are well-formed, 2 some spec has an error or a file is missing."},
        footer = {"", "Examples:", "  derivcheck parse problems/", "  derivcheck parse --json problems/EXERCISE.prob"})
final class ParseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "spec files (.prob) or directories holding them")
    List<Path> inputs;

    @Option(names = "--json", description = "print JSON (see docs/json.md) instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<String> missing = new ArrayList<>();
        List<Path> files = InputFiles.specs(inputs, missing);
        Console out = new Console();
        for (String m : missing) out.error(m + ": no such file or directory");
        ArrayNode problems = ProblemJson.MAPPER.createArrayNode();
        ArrayNode errors = ProblemJson.MAPPER.createArrayNode();
        int bad = missing.size();
        for (Path f : files) {
            ParseResult<Problem> r = SpecReader.read(f);
            if (!r.ok()) {
                bad++;
                out.errorRaw(r.renderDiagnostics());
                errors.addAll(ProblemJson.diagnostics(r.diagnostics()));
                continue;
            }
            if (json) problems.add(ProblemJson.problem(r.get()));
            else out.println(ProblemPrinter.print(r.get()));
        }
        if (json) {
            ObjectNode root = ProblemJson.MAPPER.createObjectNode();
            root.set("problems", problems);
            root.set("errors", errors);
            out.println(ProblemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.error(files.size() - (bad - missing.size()) + " of " + files.size() + " spec(s) read without errors");
        }
        return bad > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
    }
}
