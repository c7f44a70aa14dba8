package derivcheck.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which sheet files may be replaced: only files we wrote ourselves (marked by {@link SheetWriter#MARKER}
 * in a .tex, {@link SheetWriter#PDF_MARKER} in a PDF) unless forced. The writing itself goes through
 * {@link derivcheck.io.OutputFiles} (a temporary file in the same folder and an atomic rename).
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
}
