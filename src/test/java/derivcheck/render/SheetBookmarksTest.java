package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A section title's math cannot be a PDF string (hyperref warns "Token not allowed in a PDF
 * string" and drops the math shifts): the bookmark keeps the title's words, the page its math.
 */
class SheetBookmarksTest {
    @Test void theMathOfATitleIsLeftOutOfItsBookmarkOnly() {
        assertEquals("Proximal step with $\\lambda$ and more",
                SheetWriter.bookmark("Proximal step with $\\lambda$ and more").replace("\\texorpdfstring{", "").replace("}{}", ""));
        assertEquals("Mean of \\texorpdfstring{$\\|x\\|^2$}{} for \\texorpdfstring{$x \\sim \\mathcal{N}(0, I)$}{}",
                SheetWriter.bookmark("Mean of $\\|x\\|^2$ for $x \\sim \\mathcal{N}(0, I)$"));
        assertEquals("No math here", SheetWriter.bookmark("No math here"));
    }
}
