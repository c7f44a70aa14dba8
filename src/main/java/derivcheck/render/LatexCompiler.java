package derivcheck.render;

import derivcheck.io.OutputFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs pdflatex on a sheet: in a private directory next to the .tex (so no other file there is
 * touched), with {@code -interaction=nonstopmode -halt-on-error}, again while the log asks for a
 * rerun; then moves the PDF into place. Reads the log for errors (with their .tex line) and
 * overfull boxes.
 */
public final class LatexCompiler {
    /** How to get pdflatex on Debian and Ubuntu. */
    public static final String INSTALL_HINT =
            "apt-get install texlive-latex-base texlive-latex-recommended texlive-pictures";
    private static final Pattern OVERFULL = Pattern.compile(
            "^Overfull \\\\([hv])box \\(([0-9.]+)pt too (?:wide|high)\\) (?:in paragraph|detected|has occurred while \\\\output is active)?(?: at lines? ([0-9]+))?.*");
    private static final Pattern LINE = Pattern.compile("^l\\.([0-9]+) ?(.*)");
    private static final long TIMEOUT_SECONDS = 300;

    /** A LaTeX error: the message, its line in the .tex (0 if unknown) and the source context. */
    public record Error(String message, int line, String context) {}

    /** An overfull box: h or v, by how many pt, at which .tex line (0 if unknown). */
    public record Overfull(char kind, double points, int line) {}

    /** What a run gave: the PDF (if made), errors, overfull boxes, pages, the log text, the runs made. */
    public record Outcome(Optional<Path> pdf, List<Error> errors, List<Overfull> overfull, int pages, String log, int runs) {
        public boolean ok() { return pdf.isPresent() && errors.isEmpty(); }
    }

    private final String command;

    public LatexCompiler(String command) { this.command = command; }

    /** The pdflatex executable: the command itself if it is a path, else looked up on PATH. */
    public Optional<Path> executable() {
        if (command.contains("/") || command.contains(File.separator)) {
            Path p = Path.of(command);
            return Files.isExecutable(p) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p) && Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Compiles {@code tex} into {@code pdf} (which the caller has checked may be replaced). */
    public Outcome compile(Path tex, Path pdf) throws IOException, InterruptedException {
        Path exe = executable().orElseThrow(() -> new IOException("pdflatex not found"));
        Path dir = OutputFiles.parent(tex);
        Path work = Files.createTempDirectory(dir, ".derivcheck-latex-");
        String jobname = stripExtension(tex.getFileName().toString());
        String log = "";
        int runs = 0;
        boolean keepWork = false;
        try {
            boolean again = true;
            while (again && runs < 3) {
                runs++;
                ProcessBuilder pb = new ProcessBuilder(exe.toString(), "-interaction=nonstopmode", "-halt-on-error",
                        "-no-file-line-error", "-output-directory=" + work, "-jobname=" + jobname,
                        tex.toAbsolutePath().toString())
                        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("pdflatex.out").toFile());
                pb.environment().put("TEXINPUTS", dir + File.pathSeparator);
                pb.environment().put("max_print_line", "100000"); // one log line per message
                Process proc = pb.start();
                if (!proc.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    proc.destroyForcibly();
                    throw new IOException("pdflatex did not finish within " + TIMEOUT_SECONDS + " s");
                }
                Path logFile = work.resolve(jobname + ".log");
                log = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.ISO_8859_1) : "";
                List<Error> errors = errors(log);
                if (proc.exitValue() != 0 || !errors.isEmpty()) {
                    if (errors.isEmpty()) errors = List.of(new Error("pdflatex exited with code " + proc.exitValue(), 0, ""));
                    keepWork = true;
                    return new Outcome(Optional.empty(), errors, overfull(log), 0, log, runs);
                }
                again = log.contains("Rerun to get") || log.contains("Label(s) may have changed")
                        || (runs == 1 && log.contains("No file " + jobname + ".aux"));
            }
            Path made = work.resolve(jobname + ".pdf");
            if (!Files.exists(made)) {
                keepWork = true;
                return new Outcome(Optional.empty(), List.of(new Error("pdflatex made no PDF", 0, "")), overfull(log), 0, log, runs);
            }
            OutputFiles.move(made, pdf);
            return new Outcome(Optional.of(pdf), List.of(), overfull(log), pages(log), log, runs);
        } finally {
            if (!keepWork) deleteTree(work);
            else OutputFiles.write(work.resolve("README"), "pdflatex output kept for inspection by derivcheck sheet\n");
        }
    }

    /** The directory a failed run left behind (for the user to inspect), if any, next to the .tex. */
    public static Optional<Path> leftovers(Path tex) throws IOException {
        try (Stream<Path> s = Files.list(OutputFiles.parent(tex))) {
            return s.filter(p -> p.getFileName().toString().startsWith(".derivcheck-latex-"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        }
    }

    static List<Error> errors(String log) {
        List<Error> out = new ArrayList<>();
        String[] lines = log.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("! ")) continue;
            String message = lines[i].substring(2).strip();
            int line = 0;
            String context = "";
            for (int j = i + 1; j < Math.min(lines.length, i + 30); j++) {
                Matcher m = LINE.matcher(lines[j]);
                if (m.matches()) {
                    line = Integer.parseInt(m.group(1));
                    context = m.group(2).strip();
                    break;
                }
            }
            out.add(new Error(message, line, context));
        }
        return out;
    }

    static List<Overfull> overfull(String log) {
        List<Overfull> out = new ArrayList<>();
        for (String l : log.split("\\R")) {
            Matcher m = OVERFULL.matcher(l);
            if (m.matches()) {
                out.add(new Overfull(m.group(1).charAt(0), Double.parseDouble(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
            }
        }
        return out;
    }

    static int pages(String log) {
        Matcher m = Pattern.compile("Output written on .*\\(([0-9]+) pages?").matcher(log.replaceAll("\\R", ""));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String stripExtension(String name) {
        return name.endsWith(".tex") ? name.substring(0, name.length() - 4) : name;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
