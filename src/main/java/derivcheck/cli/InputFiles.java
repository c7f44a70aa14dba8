package derivcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the FILE|DIR arguments of a command into spec files, in a stable order. */
final class InputFiles {
    private InputFiles() {}

    /** Directories give their *.prob files (recursively, sorted); files are taken as given. */
    static List<Path> specs(List<Path> args, List<String> missing) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path a : args) {
            if (Files.isDirectory(a)) {
                try (Stream<Path> s = Files.walk(a)) {
                    s.filter(p -> p.toString().endsWith(".prob") && Files.isRegularFile(p)).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(a)) {
                out.add(a);
            } else {
                missing.add(a.toString());
            }
        }
        return out;
    }
}
