package derivcheck.engine.cohort;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes report files atomically (a temporary file beside the target, then a rename), so a
 * reader never sees half a report, and refuses what must not happen: overwriting a report
 * without --force, or writing anything inside the submissions folder.
 */
public final class ReportFiles {
    private ReportFiles() {}

    /** Writes a report body. */
    public interface Body {
        void write(Writer w) throws IOException;
    }

    /** Why {@code target} may not be written, if it may not. */
    public static Optional<String> refusal(Path target, Path submissions, boolean force) {
        if (inside(target, submissions)) return Optional.of(target + ": inside the submissions folder, which grade never writes to");
        if (Files.exists(target) && !force) return Optional.of(target + ": exists; give --force to overwrite it");
        return Optional.empty();
    }

    /** Is {@code p} (once it exists) inside {@code folder}? Symbolic links of existing parents are followed. */
    public static boolean inside(Path p, Path folder) {
        try {
            Path f = folder.toRealPath();
            Path abs = p.toAbsolutePath().normalize();
            Path existing = abs;
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            Path real = existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
            return real.normalize().startsWith(f);
        } catch (IOException e) {
            return p.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize());
        }
    }

    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
