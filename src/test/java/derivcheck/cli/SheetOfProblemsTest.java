package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sheets of every spec in problems/, as a course would hand them out, read as a reviewer reads
 * them: no spec ASCII in the text, no word about the engine, no "verified" beside an error figure
 * above its tolerance. The .tex is scanned for text mode (outside $…$, \[…\], align, with \text,
 * \why, \rulename, \emph … switching back to text inside math).
 */
class SheetOfProblemsTest {
    @TempDir static Path dir;
    static String solutions, exercises, key;

    @BeforeAll static void writeTheSheets() throws Exception {
        ParseCommandTest.Run s = ParseCommandTest.run("sheet", "--samples", "6", "problems", "-o", dir.resolve("s.tex").toString());
        assertEquals(ExitCode.OK, s.code(), s.err());
        ParseCommandTest.Run e = ParseCommandTest.run("sheet", "--exercises", "problems", "-o", dir.resolve("e.tex").toString());
        assertEquals(ExitCode.OK, e.code(), e.err());
        ParseCommandTest.Run k = ParseCommandTest.run("sheet", "--answer-key", "--no-numeric", "problems", "-o", dir.resolve("k.tex").toString());
        assertEquals(ExitCode.OK, k.code(), k.err());
        solutions = Files.readString(dir.resolve("s.tex"));
        exercises = Files.readString(dir.resolve("e.tex"));
        key = Files.readString(dir.resolve("k.tex"));
    }

    // ---------------------------------------------------------------- a small scanner of text mode

    private static final List<String> TEXT_ARGUMENT = List.of("text", "textsf", "textit", "textbf", "emph", "why", "rulename",
            "checkline", "mbox", "intertext", "section", "subsection", "title", "small", "hyperref");
    private static final List<String> SKIPPED_ARGUMENT = List.of("label", "ref", "begin", "end", "usepackage", "includegraphics",
            "fitmath", "pgfplotsset", "addplot", "operatorname", "mathrm", "mathbb", "mathcal", "tag");

    /** The text-mode pieces of a sheet's body (comments and the preamble left out). */
    static List<String> textRuns(String tex) {
        String body = tex.substring(tex.indexOf("\\begin{document}") + "\\begin{document}".length());
        body = body.replaceAll("(?m)(?<!\\\\)%.*$", "");
        body = body.replaceAll("(?s)\\\\begin\\{tikzpicture\\}.*?\\\\end\\{tikzpicture\\}", "");
        List<String> runs = new ArrayList<>();
        scan(body, 0, body.length(), false, runs);
        return runs;
    }

    private static void scan(String s, int from, int to, boolean math, List<String> runs) {
        StringBuilder text = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                while (j < to && Character.isLetter(s.charAt(j))) j++;
                if (j == i + 1) { // \_ \$ \\ \[ \] \{ \|
                    char x = j < to ? s.charAt(j) : ' ';
                    if (x == '[' && !math) { int end = s.indexOf("\\]", j); scan(s, j + 1, end, true, runs); i = end + 2; continue; }
                    if (!math) text.append('\\').append(x);
                    i = j + 1;
                    continue;
                }
                String name = s.substring(i + 1, j);
                if (name.equals("begin") && s.startsWith("{align", j) || name.equals("begin") && s.startsWith("{gather", j)) {
                    String env = s.substring(j + 1, s.indexOf('}', j));
                    int end = s.indexOf("\\end{" + env + "}", j);
                    scan(s, s.indexOf('}', j) + 1, end, true, runs);
                    i = end + ("\\end{" + env + "}").length();
                    continue;
                }
                if (!math) text.append('\\').append(name).append(' ');
                i = j;
                if (i < to && s.charAt(i) == '*') i++; // \subsection*
                while (i < to && s.charAt(i) == '[') i = close(s, i, '[', ']') + 1;
                if (i < to && s.charAt(i) == '{' && (TEXT_ARGUMENT.contains(name) || SKIPPED_ARGUMENT.contains(name))) {
                    int end = close(s, i, '{', '}');
                    if (TEXT_ARGUMENT.contains(name)) scan(s, i + 1, end, false, runs);
                    i = end + 1;
                }
                continue;
            }
            if (c == '$') {
                if (math) { i++; continue; }
                int end = s.indexOf('$', i + 1);
                scan(s, i + 1, end, true, runs);
                i = end + 1;
                continue;
            }
            if (!math) text.append(c);
            i++;
        }
        if (text.length() > 0) runs.add(text.toString());
    }

    private static int close(String s, int open, char o, char c) {
        int d = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '\\') { i++; continue; }
            if (s.charAt(i) == o) d++;
            if (s.charAt(i) == c && --d == 0) return i;
        }
        return s.length() - 1;
    }

    private static final Pattern SPEC_ASCII = Pattern.compile(
            "\\*|\\\\textbar|\\\\textasciicircum|\\\\textasciitilde|\\\\textless|\\\\textgreater|\\\\_|grad\\(|=|"
            + "\\b(eps|lambda|theta|sigma|alpha|eta|mu|rho|delta|Delta|lhs|rhs)\\b");

    static List<String> asciiOnThePage(String tex) { return matches(tex, SPEC_ASCII); }

    /** Each hit of p in the text runs, with some text around it. */
    private static List<String> matches(String tex, Pattern p) {
        List<String> bad = new ArrayList<>();
        for (String run : textRuns(tex)) {
            Matcher m = p.matcher(run);
            while (m.find()) bad.add(run.substring(Math.max(0, m.start() - 60), Math.min(run.length(), m.end() + 60)).replace('\n', ' '));
        }
        return bad;
    }

    @Test void theScannerFindsAsciiInTextAndNotInMath() {
        assertEquals(List.of(), asciiOnThePage("\\begin{document}$\\lambda_i^2 * x$ \\[ x_i \\] \\begin{align*} a_i \\why{With $y_j$.} \\end{align*}"));
        assertEquals(2, asciiOnThePage("\\begin{document}the step eps\\_i").size()); // eps and \\_
        assertEquals(1, asciiOnThePage("\\begin{document}\\[ x \\text{ for lambda} \\]").size());
        assertEquals(2, asciiOnThePage("\\begin{document}\\begin{align*} x \\why{So g = grad(L, y).} \\end{align*}").size()); // = and grad(
        assertEquals(4, asciiOnThePage("\\begin{document}over \\textbar{}x\\textasciitilde{}\\_i\\textbar{} then").size()); // |, ~, _ and | again
        assertEquals(1, asciiOnThePage("\\begin{document}so that x = y holds").size());
    }

    @Test void noSpecAsciiOutsideMathModeOnAnySheet() {
        for (String tex : List.of(solutions, exercises, key)) {
            List<String> bad = asciiOnThePage(tex);
            assertTrue(bad.isEmpty(), bad.size() + " text runs with spec ASCII:\n" + String.join("\n---\n", bad));
        }
    }

    private static final Pattern INTERNAL = Pattern.compile(
            "(?i)\\b(strateg(y|ies)|declined|undecided|derivcheck|symja|spec|cas)\\b");

    @Test void noWordAboutTheEngineOnAStudentSheet() {
        for (String tex : List.of(solutions, exercises, key)) {
            List<String> bad = matches(tex, INTERNAL);
            assertTrue(bad.isEmpty(), String.join("\n---\n", bad));
        }
        assertTrue(!exercises.contains("Solution}") && !exercises.contains("numeric check"), "the exercise sheet has no solutions");
    }

    private static final Pattern FIGURE = Pattern.compile(
            "verified[^}]*?largest error \\$([0-9.]+)(?: \\\\cdot 10\\^\\{(-?[0-9]+)\\})?\\$ \\$\\\\le\\$ \\$([0-9.]+)(?: \\\\cdot 10\\^\\{(-?[0-9]+)\\})?\\$");

    @Test void noVerifiedBesideAFigureAboveItsTolerance() {
        Matcher m = FIGURE.matcher(solutions);
        int seen = 0;
        while (m.find()) {
            seen++;
            double err = Double.parseDouble(m.group(1)) * Math.pow(10, m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
            double tol = Double.parseDouble(m.group(3)) * Math.pow(10, m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
            assertTrue(err <= tol, String.format(Locale.ROOT, "verified beside %g > %g: %s", err, tol, m.group()));
        }
        assertTrue(seen > 20, "the verification lines were found (" + seen + ")");
        assertTrue(!solutions.contains("relative error 1.0e+00"));
    }

    @Test void oneLabelPerProblem() {
        for (String part : solutions.split("\n% problem: ")) {
            if (!part.contains("\\section")) continue;
            int labels = part.split("\\\\label\\{", -1).length - 1;
            assertEquals(1, labels, part.substring(0, Math.min(200, part.length())));
        }
    }

    @Test void theSolutionSheetCompilesWithNoOverfullBoxWiderThanTenPoints() throws Exception {
        derivcheck.render.LatexCompiler pdflatex = new derivcheck.render.LatexCompiler("pdflatex");
        org.junit.jupiter.api.Assumptions.assumeTrue(pdflatex.executable().isPresent(),
                "pdflatex is not installed (" + derivcheck.render.LatexCompiler.INSTALL_HINT + "); .ci/run installs it");
        derivcheck.render.LatexCompiler.Outcome o = pdflatex.compile(dir.resolve("s.tex"), dir.resolve("s.pdf"));
        assertTrue(o.ok(), () -> "pdflatex: " + o.errors());
        assertTrue(o.pages() > 10, "pages: " + o.pages());
        List<derivcheck.render.LatexCompiler.Overfull> wide = o.overfull().stream().filter(b -> b.points() > 10).toList();
        assertEquals(List.of(), wide, "overfull boxes wider than 10pt (.tex lines)");
    }
}
