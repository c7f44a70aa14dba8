package derivcheck.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writing sheet files safely: only over files we wrote ourselves (marked by {@link SheetWriter#MARKER}
 * in a .tex, {@link SheetWriter#PDF_MARKER} in a PDF) unless forced, always through a temporary
 * file in the same directory and an atomic rename, creating the directory when it is missing.
 */
public final class SheetFiles {
    private SheetFiles() {}

    /** May we replace {@code file}? Yes if it does not exist or carries our marker. */
    public static boolean ours(Path file) throws IOException {
        if (!Files.exists(file)) return true;
        if (!Files.isRegularFile(file)) return false;
        if (file.getFileName().toString().endsWith(".pdf")) return contains(file, SheetWriter.PDF_MARKER);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SheetWriter.MARKER.length());
            return new String(head, StandardCharsets.UTF_8).equals(SheetWriter.MARKER);
        }
    }

    private static boolean contains(Path file, String marker) throws IOException {
        byte[] all = Files.readAllBytes(file);
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + m.length <= all.length; i++) {
            for (int j = 0; j < m.length; j++) if (all[i + j] != m[j]) continue outer;
            return true;
        }
        return false;
    }

    /** Writes text atomically (UTF-8), creating the parent directory if needed. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path dir = parent(file);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Moves a finished file into place atomically (replacing the target). */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static Path parent(Path file) {
        Path p = file.toAbsolutePath().getParent();
        return p == null ? Path.of(".").toAbsolutePath() : p;
    }
}
