package derivcheck.engine.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One student's submission: the student id (from the file or folder name) and the answer files
 * (.tex, .md, .txt). A submissions folder holds one file or one sub-folder per student; other
 * files, hidden files and symbolic links are left out (and never written to).
 */
public record Submission(String student, List<Path> files) {
    public static final List<String> EXTENSIONS = List.of(".tex", ".md", ".txt");

    public Submission { files = List.copyOf(files); }

    /** The submissions of a folder, by student id (sorted), each student's files sorted by path. */
    public static List<Submission> scan(Path folder) throws IOException {
        Map<String, List<Path>> byStudent = new TreeMap<>();
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.sorted().toList();
        }
        for (Path e : entries) {
            String name = e.getFileName().toString();
            if (name.startsWith(".")) continue;
            BasicFileAttributes a = Files.readAttributes(e, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory()) {
                List<Path> files = new ArrayList<>();
                try (Stream<Path> s = Files.walk(e)) {
                    s.filter(p -> answerFile(p) && !hidden(e.relativize(p)) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .sorted().forEach(files::add);
                }
                byStudent.computeIfAbsent(name, k -> new ArrayList<>()).addAll(files);
            } else if (a.isRegularFile() && answerFile(e)) {
                byStudent.computeIfAbsent(name.substring(0, name.lastIndexOf('.')), k -> new ArrayList<>()).add(e);
            }
        }
        List<Submission> out = new ArrayList<>();
        byStudent.forEach((k, v) -> out.add(new Submission(k, v)));
        return out;
    }

    static boolean answerFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(x -> n.endsWith(x) && n.length() > x.length());
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) if (part.toString().startsWith(".")) return true;
        return false;
    }
}
