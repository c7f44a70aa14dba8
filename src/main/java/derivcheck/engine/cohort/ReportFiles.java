package derivcheck.engine.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What grade must not write: a report over an existing one without --force, or anything inside the
 * submissions folder. (The writing, atomic, is {@link derivcheck.io.OutputFiles}.)
 */
public final class ReportFiles {
    private ReportFiles() {}

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
}
