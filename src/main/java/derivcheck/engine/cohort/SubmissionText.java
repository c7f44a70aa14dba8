package derivcheck.engine.cohort;

import derivcheck.expr.Pos;
import derivcheck.latex.Displays;
import derivcheck.limits.InputLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one answer file safely: at most {@link InputLimits#MAX_FILE_BYTES} bytes, UTF-8 decoded
 * strictly (a malformed byte or a NUL is an error at its line and byte column), then split into
 * the texts to read as answers: the displays of a .tex or .md file; for a .txt file its displays
 * if it has any, else every non-blank line (lines starting with # or % are comments).
 */
public final class SubmissionText {
    private SubmissionText() {}

    /** A text to read as answers, where it starts. */
    public record Unit(String text, Pos pos) {}

    /** The file's text and its units, or why it cannot be read (with a position). */
    public record Read(String text, List<Unit> units, String error, Pos errorPos) {
        public boolean ok() { return error == null; }
    }

    public static Read read(Path file, String shownName) {
        Pos start = new Pos(shownName, 1, 1);
        byte[] bytes;
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size > InputLimits.MAX_FILE_BYTES) {
                return failed(start, "the file is " + size + " bytes, more than the limit of " + InputLimits.MAX_FILE_BYTES + " bytes");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size + 1);
            while (ch.read(buf) > 0 && buf.position() <= InputLimits.MAX_FILE_BYTES) { /* read on */ }
            if (buf.position() > InputLimits.MAX_FILE_BYTES) {
                return failed(start, "the file grew past the limit of " + InputLimits.MAX_FILE_BYTES + " bytes while being read");
            }
            bytes = java.util.Arrays.copyOf(buf.array(), buf.position());
        } catch (IOException e) {
            return failed(start, "cannot read the file: " + e.getMessage());
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) return failed(at(shownName, bytes, i), "a NUL byte: this is a binary file, not text");
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) r = dec.flush(out);
        if (r.isError()) {
            return failed(at(shownName, bytes, in.position()), "not UTF-8: byte 0x" + String.format(Locale.ROOT, "%02x", bytes[in.position()] & 0xff)
                    + " cannot start or continue a character (save the file as UTF-8)");
        }
        out.flip();
        String text = out.toString();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = " " + text.substring(1); // a BOM keeps the columns
        return new Read(text, units(shownName, text), null, null);
    }

    private static Read failed(Pos pos, String message) { return new Read("", List.of(), message, pos); }

    /** Line and byte column of byte {@code k}. */
    private static Pos at(String name, byte[] b, int k) {
        int line = 1, col = 1;
        for (int i = 0; i < k && i < b.length; i++) {
            if (b[i] == '\n') { line++; col = 1; } else col++;
        }
        return new Pos(name, line, col);
    }

    static List<Unit> units(String name, String text) {
        List<Unit> out = new ArrayList<>();
        for (Displays.Display d : Displays.of(name, text)) out.add(new Unit(d.text(), d.pos()));
        if (!out.isEmpty() || !name.toLowerCase(Locale.ROOT).endsWith(".txt")) return out;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].stripTrailing();
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("%")) continue;
            out.add(new Unit(t, new Pos(name, i + 1, l.indexOf(t.charAt(0)) + 1)));
        }
        return out;
    }
}
