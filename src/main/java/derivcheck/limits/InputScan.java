package derivcheck.limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checks every input passes before a grammar sees it, so that hostile or broken text ends in
 * a located message instead of a StackOverflowError deep in ANTLR or a decoder exception:
 * <ul>
 *   <li>{@link #readFile}: at most a given number of bytes, valid UTF-8 (the first bad byte is
 *       located), a leading byte-order mark dropped, CRLF and lone CR read as line ends;</li>
 *   <li>{@link #answer} and {@link #spec}: no NUL or other control characters, at most
 *       {@link InputLimits#MAX_ANSWER_CHARS} characters in one answer, at most
 *       {@link InputLimits#MAX_SPEC_BYTES} in a spec and {@link InputLimits#MAX_LINE_CHARS} in one
 *       of its lines, bracket nesting
 *       ({@code ( [ \{}) at most {@link InputLimits#MAX_NESTING} levels deep.</li>
 * </ul>
 * Positions are 1-based line and column within the scanned text. A leaf class: the callers turn
 * a {@link Finding} into their own diagnostic.
 */
public final class InputScan {
    private InputScan() {}

    /** What is wrong and where (1-based, within the scanned text). */
    public record Finding(int line, int col, String message) {}

    /** The text of a file, or why it cannot be read. */
    public record FileText(String text, Optional<Finding> problem) {
        public boolean ok() { return problem.isEmpty(); }
    }

    /** An answer (one display or one --answer text). */
    public static Optional<Finding> answer(String text) {
        if (text.length() > InputLimits.MAX_ANSWER_CHARS) {
            return Optional.of(new Finding(1, 1, "this answer is longer than " + InputLimits.MAX_ANSWER_CHARS
                    + " characters (" + text.length() + "); split it into several displays"));
        }
        return structure(text);
    }

    /** A whole spec file. */
    public static Optional<Finding> spec(String text) {
        if (text.length() > InputLimits.MAX_SPEC_BYTES) {
            return Optional.of(new Finding(1, 1, "this spec is longer than " + InputLimits.MAX_SPEC_BYTES + " characters"));
        }
        int line = 1, start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > InputLimits.MAX_LINE_CHARS) {
                    return Optional.of(new Finding(line, InputLimits.MAX_LINE_CHARS + 1, "this line is longer than "
                            + InputLimits.MAX_LINE_CHARS + " characters"));
                }
                line++;
                start = i + 1;
            }
        }
        return structure(text);
    }

    /** Control characters and bracket depth, in one pass. */
    static Optional<Finding> structure(String text) {
        int line = 1, col = 0, depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            col++;
            if (c == '\n') { line++; col = 0; continue; }
            if (c == '\r' || c == '\t' || c == '\f') continue;
            if (c == 0) return Optional.of(new Finding(line, col, "a NUL character (byte 0) is not allowed in the text"));
            if (c < 0x20 || c == 0x7f) {
                return Optional.of(new Finding(line, col, String.format("control character U+%04X is not allowed in the text", (int) c)));
            }
            if (c == '\uFEFF') return Optional.of(new Finding(line, col, "a byte-order mark (U+FEFF) is only allowed at the start of a file"));
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > InputLimits.MAX_NESTING) {
                    return Optional.of(new Finding(line, col, "nesting deeper than " + InputLimits.MAX_NESTING + " levels"));
                }
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a file as UTF-8: at most {@code maxBytes}, a malformed byte located by line and column,
     * a leading byte-order mark dropped, CRLF and lone CR turned into LF.
     */
    public static FileText readFile(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            return new FileText("", Optional.of(new Finding(1, 1, "the file is larger than " + maxBytes + " bytes (" + size + ")")));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        }
        if (bytes.length > maxBytes) {
            return new FileText("", Optional.of(new Finding(1, 1, "the file is larger than " + maxBytes + " bytes")));
        }
        return decode(bytes);
    }

    /** UTF-8 bytes to text, as {@link #readFile} does. */
    public static FileText decode(byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            int line = 1, col = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') { line++; col = 1; }
                else if ((bytes[i] & 0xC0) != 0x80) col++; // count characters, not continuation bytes
            }
            return new FileText("", Optional.of(new Finding(line, col,
                    String.format("the file is not valid UTF-8 (byte 0x%02X here); save it as UTF-8", bytes[bad] & 0xff))));
        }
        try {
            dec.flush(out);
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.indexOf('\r') >= 0) text = text.replace("\r\n", "\n").replace('\r', '\n');
        return new FileText(text, Optional.empty());
    }
}
