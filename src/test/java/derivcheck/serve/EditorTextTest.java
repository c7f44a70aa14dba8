package derivcheck.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditorTextTest {
    @Test
    void linesStartingWithARelationContinueTheChain() {
        List<EditorText.Chain> cs = EditorText.chains("x = a\n= b\n&= c\n\ny = d\n\\le e");
        assertEquals(2, cs.size());
        assertEquals(List.of(1, 2, 3), cs.get(0).lines().stream().map(EditorText.Line::number).toList());
        assertEquals(List.of(5, 6), cs.get(1).lines().stream().map(EditorText.Line::number).toList());
    }

    @Test
    void aLatexChainKeepsItsLineNumbersInTheDisplay() {
        EditorText.Chain c = EditorText.chains("\\theta = a \\\\\n\n= b").get(0);
        assertEquals("\\theta = a \\\\\n\n= b", c.display());
        assertEquals(3, c.display().split("\n", -1).length);
    }

    @Test
    void delimitersAndEnvironmentsAreSkipped() {
        List<EditorText.Chain> cs = EditorText.chains("$$\n\\begin{aligned}\nx &= a \\\\\n&= b\n\\end{aligned}\n$$");
        assertEquals(1, cs.size());
        assertEquals(List.of(3, 4), cs.get(0).lines().stream().map(EditorText.Line::number).toList());
    }

    @Test
    void anAsciiChainIsJoinedOnOneLineAndColumnsMapBack() {
        EditorText.Chain c = EditorText.chains("x = a+b\n= c").get(0);
        assertEquals("x = a+b = c", c.display());
        assertEquals(List.of(1, 5), List.of(c.asciiPosition(5)[0], c.asciiPosition(5)[1]));
        assertEquals(List.of(2, 3), List.of(c.asciiPosition(11)[0], c.asciiPosition(11)[1]));
    }
}
