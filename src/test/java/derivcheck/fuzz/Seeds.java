package derivcheck.fuzz;

import derivcheck.latex.AnswerReaderProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real inputs that fuzzing starts from: the specs of problems/ (and the test specs), and every
 * entry of the verbatim solution corpora (src/test/resources/solutions-verbatim/*.corpus) with the
 * index of its spec, in the input format of {@link AnswerReaderProperty#input}.
 */
public final class Seeds {
    private Seeds() {}

    /** A seed: a name (for a file) and its bytes. */
    public record Seed(String name, byte[] bytes) {}

    public static List<Seed> specs() {
        List<Seed> out = new ArrayList<>();
        for (String dir : List.of("problems", "src/test/resources/limits", "src/test/resources/specs/good", "src/test/resources/specs/bad")) {
            for (Path p : list(Path.of(dir), ".prob")) out.add(new Seed(p.getFileName().toString(), read(p)));
        }
        return out;
    }

    /** Each corpus entry's text (byte for byte) prefixed by the index of its spec in {@link AnswerReaderProperty#SPECS}. */
    public static List<Seed> answers() {
        List<Seed> out = new ArrayList<>();
        List<String> names = AnswerReaderProperty.SPECS.stream().map(p -> p.getFileName().toString().replace(".prob", "")).toList();
        for (Path p : list(Path.of("src/test/resources/solutions-verbatim"), ".corpus")) {
            String all = new String(read(p), StandardCharsets.UTF_8);
            for (String entry : all.split("(?m)^=== ")) {
                int sep = entry.indexOf("\n---\n");
                if (sep < 0) continue;
                String id = entry.substring(0, entry.indexOf('\n')).strip().replaceAll("[^A-Za-z0-9_-]", "_");
                String spec = entry.lines().filter(l -> l.startsWith("spec:")).findFirst().map(l -> l.substring(5).strip()).orElse("");
                int i = names.indexOf(spec);
                if (i < 0) continue;
                byte[] text = entry.substring(sep + 5).getBytes(StandardCharsets.UTF_8);
                out.add(new Seed(p.getFileName().toString().replace(".corpus", "") + "-" + id, AnswerReaderProperty.input(i, text)));
            }
        }
        return out;
    }

    static List<Path> list(Path dir, String ext) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
