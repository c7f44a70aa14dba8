package derivcheck.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import derivcheck.expr.Expr;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String SPEC = """
            problem p
              title "t"
              source "s"
              given a, b, c : real where c > 0
              find x : real
              minimize c/2*x^2 - (a + b)*x
              expect x = (a + b)/c
            """;

    @Test
    void theReferenceAndItsCompoundPartsAreHidden() {
        Problem p = SpecReader.read(new SourceText("t.prob", SPEC)).get();
        Expr ref = p.expects().get(0).relations().get(0).rhs();
        String shown = TextPrinter.print(ref);
        Redactor r = new Redactor(List.of(ref));
        String d = r.redact("The sign is flipped: the answer is -(" + shown + ").");
        assertFalse(d.contains(shown), d);
        assertEquals("The sign is flipped: the answer is -(" + Redactor.HIDDEN + ").", d);
        assertFalse(r.redact("A term is missing: a + b.").contains("a + b"));
        assertEquals("There is an extra term: 2*a.", r.redact("There is an extra term: 2*a."));
    }
}
