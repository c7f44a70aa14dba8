package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.*;

import derivcheck.limits.InputLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile answers and specs of issue 12, run through the real command line in-process:
 * each ends with a located message and exit 2 (or a verdict), never a StackOverflowError, a
 * decoder exception or exit 3.
 */
class HostileInputTest {
    private static final Pattern LOCATED = Pattern.compile("(?m)^[^\\s:]+:\\d+:\\d+: ");
    private static final String SPEC = "problems/prox_weight_decay.prob";

    private static ParseCommandTest.Run check(Path answerFile) {
        return ParseCommandTest.run("check", "--samples", "2", SPEC, answerFile.toString());
    }

    private static void assertLocatedRefusal(ParseCommandTest.Run r, String expected) {
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(LOCATED.matcher(r.err()).find(), "no file:line:col in: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test @Timeout(120)
    void tenToTheFiveNestedParenthesesAreRefusedWithTheirPosition(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("parens.md");
        Files.writeString(f, "$$\\theta = " + "(".repeat(100_000) + "g" + ")".repeat(100_000) + "$$\n");
        assertLocatedRefusal(check(f), "longer than " + InputLimits.MAX_ANSWER_CHARS);
        Files.writeString(f, "$$\\theta = " + "(".repeat(300) + "g" + ")".repeat(300) + "$$\n");
        assertLocatedRefusal(check(f), ":1:" + (11 + InputLimits.MAX_NESTING + 1) + ": nesting deeper than " + InputLimits.MAX_NESTING + " levels");
    }

    @Test @Timeout(120)
    void tenToTheFourNestedBracesAreRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("braces.md");
        Files.writeString(f, "$$\\theta = " + "{".repeat(10_000) + "g" + "}".repeat(10_000) + "$$\n");
        assertLocatedRefusal(check(f), "this answer is longer than");
        Files.writeString(f, "$$\\theta = " + "{".repeat(1_000) + "g" + "}".repeat(1_000) + "$$\n");
        assertLocatedRefusal(check(f), "nesting deeper than");
    }

    @Test @Timeout(300)
    void aLongFlatSumWithinTheCapsIsReadAndJudgedNotOverflowed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("flat.md");
        // theta = theta_t is not the proximal step, so the verdict is 'incorrect' (exit 1), reached without a stack overflow
        String sum = "$$\\theta^{t+1} = \\theta^t" + " + 0 \\tilde g^t".repeat((InputLimits.MAX_ANSWER_CHARS - 40) / 15) + "$$\n";
        Files.writeString(f, sum);
        ParseCommandTest.Run r = check(f);
        assertEquals(ExitCode.FAILED, r.code(), r.err());
        assertTrue(r.out().contains("verdict:   incorrect"), r.out());
        Files.writeString(f, "$$\\theta = \\theta^t" + " + 0 g".repeat(200_000) + "$$\n"); // the 1 MB answer of the issue
        assertLocatedRefusal(check(f), "longer than");
    }

    @Test @Timeout(120)
    void invalidUtf8InAnAnswerFileIsLocatedAtTheByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.md");
        Files.write(f, new byte[] {'$', '$', 'x', ' ', '=', ' ', (byte) 0xff, '$', '$', '\n'});
        ParseCommandTest.Run r = check(f);
        assertLocatedRefusal(r, "bad.md:1:7: the file is not valid UTF-8");
    }

    @Test @Timeout(120)
    void invalidUtf8InASpecIsLocatedForEveryCommand(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.prob");
        byte[] good = Files.readAllBytes(Path.of(SPEC));
        byte[] bad = good.clone();
        bad[10] = (byte) 0xC3; // inside the first line, a lead byte without continuation
        Files.write(spec, bad);
        for (String cmd : new String[] {"parse", "verify", "derive"}) {
            assertLocatedRefusal(ParseCommandTest.run(cmd, spec.toString()), "not valid UTF-8");
        }
        assertLocatedRefusal(ParseCommandTest.run("check", spec.toString(), "--answer", "theta = theta_t"), "not valid UTF-8");
    }

    @Test @Timeout(120)
    void aNulByteIsLocated(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("nul.md");
        Files.write(f, "$$\\theta = \\theta^t\u0000 - g$$\n".getBytes(StandardCharsets.UTF_8));
        assertLocatedRefusal(check(f), "nul.md:1:20: a NUL character");
    }

    @Test @Timeout(120)
    void aByteOrderMarkAndCrlfLineEndsAreReadAsPlainText(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("windows.md");
        Files.write(f, ("\uFEFFSolution\r\n$$\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon' \\tilde g^t}{1 + \\varepsilon' \\lambda}$$\r\n")
                .getBytes(StandardCharsets.UTF_8));
        ParseCommandTest.Run r = check(f);
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("windows.md:2:"), r.out());
        Path spec = dir.resolve("crlf.prob");
        Files.writeString(spec, "\uFEFF" + Files.readString(Path.of(SPEC)).replace("\n", "\r\n"));
        assertEquals(ExitCode.OK, ParseCommandTest.run("parse", spec.toString()).code());
    }

    @Test @Timeout(120)
    void aFileWithoutAnyDisplayIsAnErrorNotZeroAnswersAndExitZero(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("empty.md");
        Files.writeString(f, "");
        assertLocatedRefusal(check(f), "empty.md:1:1: no answer found");
    }

    @Test @Timeout(120)
    void aHugeDimensionIsUndecidedNumericallyInsteadOfMillionsOfEntries(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("big.prob");
        Files.writeString(spec, Files.readString(Path.of("problems/fgsm_linf_attack.prob")).replace("  dim p\n", "  dim p >= 1000000\n"));
        ParseCommandTest.Run r = ParseCommandTest.run("verify", "--samples", "2", spec.toString());
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("dimension p must be at least 1000000 (line 6), but the numeric check samples sizes up to "
                + InputLimits.MAX_SAMPLED_DIM), r.out());
        assertTrue(r.out().length() < 10_000, "the report is " + r.out().length() + " characters");
        assertTrue(r.out().contains(" 0 failed"), r.out());
    }

    @Test @Timeout(60)
    void aFixedSizeBeyondTheCapIsAUsageError() {
        ParseCommandTest.Run r = ParseCommandTest.run("verify", "--size", "p=1000000", "problems/fgsm_linf_attack.prob");
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--size p must be at most " + InputLimits.MAX_FIXED_DIM), r.err());
    }
}
