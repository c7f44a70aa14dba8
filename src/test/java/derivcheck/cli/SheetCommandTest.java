package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import derivcheck.render.LatexCompiler;
import derivcheck.render.SheetWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetCommandTest {
    @TempDir Path dir;

    private record Run(int code, String err) {}

    private static Run run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Run(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test void compilesASheetWithAFigureAndADeclinedProblemWithPdflatex() throws Exception {
        assumeTrue(new LatexCompiler("pdflatex").executable().isPresent(),
                "pdflatex is not installed; skipping the PDF test (" + LatexCompiler.INSTALL_HINT + ")");
        Path tex = dir.resolve("out/sheet.tex");
        Run r = run("sheet", "problems/mirror_descent_box.prob", "problems/trust_region_l2.prob",
                "src/test/resources/derive/kkt/ball_and_box.prob", "-o", tex.toString(), "--pdf");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(dir.resolve("out/sheet.pdf")) > 1000);
        String text = Files.readString(tex);
        assertTrue(text.startsWith(SheetWriter.MARKER));
        assertTrue(text.contains("\\begin{axis}"), "the scalar problem has a figure");
        assertTrue(text.contains(SheetWriter.NOT_WORKED), "the declined problem gets the neutral line");
        assertTrue(r.err().contains("declined"), "the reasons go to the terminal: " + r.err());
        assertTrue(r.err().contains("0 wider than 10pt"), r.err());
        try (var s = Files.list(dir.resolve("out"))) {
            assertEquals(2, s.count(), "only the .tex and the .pdf are left in the output directory");
        }
    }

    @Test void refusesToOverwriteAFileItDidNotWriteUnlessForced() throws Exception {
        Path tex = dir.resolve("mine.tex");
        Files.writeString(tex, "\\documentclass{article} % my own notes\n");
        Run r = run("sheet", "--problems-only", "problems/trust_region_l2.prob", "-o", tex.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().contains("was not written by derivcheck"), r.err());
        assertEquals("\\documentclass{article} % my own notes\n", Files.readString(tex));
        assertEquals(0, run("sheet", "--problems-only", "problems/trust_region_l2.prob", "-o", tex.toString(), "--force").code());
        assertTrue(Files.readString(tex).startsWith(SheetWriter.MARKER));
        // and once it is ours, it is replaced without --force
        assertEquals(0, run("sheet", "--problems-only", "problems/trust_region_box.prob", "-o", tex.toString()).code());
    }

    @Test void saysHowToInstallPdflatexWhenItIsMissing() {
        Path tex = dir.resolve("a/b/sheet.tex");
        Run r = run("sheet", "--problems-only", "problems/trust_region_l2.prob", "-o", tex.toString(), "--pdf",
                "--pdflatex", dir.resolve("no-such-pdflatex").toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().contains("apt-get install texlive-latex-base texlive-latex-recommended texlive-pictures"), r.err());
    }

    @Test void createsAMissingOutputDirectoryAndWritesProblemsOnly() throws Exception {
        Path tex = dir.resolve("new/dir/sheet.tex");
        Run r = run("sheet", "--problems-only", "problems/trust_region_l2.prob", "problems/ridge_closed_form.prob",
                "-o", tex.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(tex);
        assertFalse(text.contains("\\subsection*{Solution}"));
        assertTrue(text.indexOf("Euclidean ball") < text.indexOf("Closed-form ridge"), "problems in the order given");
    }

    @Test void aMissingInputIsBadInputButTheOthersAreWritten() throws Exception {
        Path tex = dir.resolve("s.tex");
        Run r = run("sheet", "--problems-only", "problems/trust_region_l2.prob", "problems/nope.prob", "-o", tex.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code());
        assertTrue(r.err().contains("problems/nope.prob: no such file"), r.err());
        assertTrue(Files.exists(tex));
    }
}
