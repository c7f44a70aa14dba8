package derivcheck.serve;

import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.expr.Pos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The exercises a server offers, loaded once at start from spec files or folders of them (the
 * only file access the server ever makes). A spec with an error is reported with its diagnostics
 * and left out; two specs with the same problem name are an error.
 */
public final class Exercises {
    private final List<Exercise> list;
    private final List<String> errors;

    private Exercises(List<Exercise> list, List<String> errors) {
        this.list = List.copyOf(list);
        this.errors = List.copyOf(errors);
    }

    List<Exercise> list() { return list; }

    public int size() { return list.size(); }

    /** Rendered diagnostics of the specs that could not be loaded (file:line:col: message, the line, a caret). */
    public List<String> errors() { return errors; }

    public static Exercises load(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".prob") && Files.isRegularFile(f)).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                errors.add(p + ": no such file or folder");
            }
        }
        List<Exercise> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (Checking secrets = new Checking(derivcheck.numeric.verify.VerifyOptions.defaults(), true, java.time.Duration.ofSeconds(5))) {
            for (Path f : files) {
                SourceText st = new SourceText(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
                ParseResult<Exercise> r = Checking.prepare(st, Optional.of(secrets));
                if (!r.ok()) {
                    errors.add(r.renderDiagnostics().stripTrailing());
                    continue;
                }
                if (!names.add(r.get().name())) {
                    errors.add(new Diagnostic(new Pos(f.toString(), 1, 1), "a second problem named " + r.get().name()).render(st).stripTrailing());
                    continue;
                }
                out.add(r.get());
            }
        }
        return new Exercises(out, errors);
    }
}
