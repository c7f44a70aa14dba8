package derivcheck.limits;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputScanTest {
    @Test void nestingOneLevelPastTheCapIsLocatedAtTheBracketThatCrossesIt() {
        String ok = "(".repeat(InputLimits.MAX_NESTING) + "x" + ")".repeat(InputLimits.MAX_NESTING);
        assertEquals(Optional.empty(), InputScan.answer(ok));
        String deep = "y = " + "{".repeat(InputLimits.MAX_NESTING + 1) + "x" + "}".repeat(InputLimits.MAX_NESTING + 1);
        InputScan.Finding f = InputScan.answer(deep).orElseThrow();
        assertEquals(1, f.line());
        assertEquals(5 + InputLimits.MAX_NESTING, f.col());
        assertEquals("nesting deeper than " + InputLimits.MAX_NESTING + " levels", f.message());
    }

    @Test void closedBracketsDoNotAddUp() {
        String many = "(x) + [y] + {z} ".repeat(1000);
        assertEquals(Optional.empty(), InputScan.spec(many));
    }

    @Test void aLongAnswerIsRefusedWithItsLength() {
        String flat = "theta = theta_t" + " + 0*g".repeat(InputLimits.MAX_ANSWER_CHARS);
        InputScan.Finding f = InputScan.answer(flat).orElseThrow();
        assertTrue(f.message().contains("longer than " + InputLimits.MAX_ANSWER_CHARS), f.message());
    }

    @Test void aNulOrControlCharacterIsLocatedOnItsLine() {
        InputScan.Finding nul = InputScan.spec("problem p\n  dim n\u0000\n").orElseThrow();
        assertEquals(2, nul.line());
        assertEquals(8, nul.col());
        assertTrue(nul.message().contains("NUL"));
        InputScan.Finding bell = InputScan.answer("x = \u0007y").orElseThrow();
        assertEquals(5, bell.col());
        assertTrue(bell.message().contains("U+0007"), bell.message());
    }

    @Test void tabsCarriageReturnsAndUnicodeLettersPass() {
        assertEquals(Optional.empty(), InputScan.answer("\\theta\t= \u03b8 \u2212 \u03b5\r\n g"));
    }

    @Test void aLongSpecLineIsRefusedAtItsLine() {
        String spec = "problem p\n  expect x = " + "1 + ".repeat(InputLimits.MAX_LINE_CHARS) + "1\n";
        InputScan.Finding f = InputScan.spec(spec).orElseThrow();
        assertEquals(2, f.line());
    }

    @Test void invalidUtf8IsLocatedAtTheFirstBadByte() {
        byte[] bytes = "problem p\n  dim n\n  giv".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xC3; // a lead byte without its continuation
        bad[bytes.length + 1] = 'e';
        bad[bytes.length + 2] = 'n';
        InputScan.FileText t = InputScan.decode(bad);
        assertFalse(t.ok());
        assertEquals(3, t.problem().get().line());
        assertEquals(6, t.problem().get().col());
        assertTrue(t.problem().get().message().contains("not valid UTF-8"));
    }

    @Test void aByteOrderMarkIsDroppedAndLineEndsBecomeNewlines() {
        byte[] b = "\uFEFFproblem p\r\n  dim n\r  find x : real\n".getBytes(StandardCharsets.UTF_8);
        InputScan.FileText t = InputScan.decode(b);
        assertTrue(t.ok());
        assertEquals("problem p\n  dim n\n  find x : real\n", t.text());
    }

    @Test void aByteOrderMarkInsideTheTextIsRefused() {
        assertTrue(InputScan.answer("x = \uFEFFy").isPresent());
    }

    @Test void aFileOverTheByteCapIsRefusedWithoutReadingItAll(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.md");
        Files.write(f, new byte[4096]);
        InputScan.FileText t = InputScan.readFile(f, 1000);
        assertFalse(t.ok());
        assertTrue(t.problem().get().message().contains("larger than 1000 bytes"));
    }

    @Test void overflowingSizesAreAnArithmeticErrorNotANegativeArray() {
        assertEquals(144, InputLimits.entries(12, 12));
        assertThrows(ArithmeticException.class, () -> InputLimits.entries(1_000_000, 1_000_000));
        assertThrows(ArithmeticException.class, () -> InputLimits.entries(46_341, 46_341)); // > 2^31 as an int product
    }
}
