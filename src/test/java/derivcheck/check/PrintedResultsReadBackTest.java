package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.check.AnswersUpToAlgebraPropertyTest.Case;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: students copy formulas from derivcheck's own sheets, so every closed-form result derive
 * finds for a spec of problems/, printed by {@code LatexPrinter.of(problem)}, must read back through
 * AnswerReader and be judged correct against itself. The printed constructs the reader does not read
 * yet are listed below with the reason; a result with a name the spec does not declare (a
 * strategy-introduced name such as the radius {@code r} of a prox step) is an exception by nature; a failure whose printed form contains none of them fails the
 * test, and a listed construct no failure needs any more fails it too (so the list only shrinks).
 */
class PrintedResultsReadBackTest {
    /** printed construct -> why it does not read back today (open in docs/issue11-status.md). */
    private static final Map<String, String> NOT_READ_YET = new LinkedHashMap<>();
    static {
        NOT_READ_YET.put("^*", "adjoint/optimum star A^* on a matrix is not read");
        NOT_READ_YET.put("\\operatorname{sv}", "singular-value operator is printed but the reader has no such function");
        NOT_READ_YET.put("^\\top)^{", "a power of a transposed vector (w^\\top)^{k} is refused by the reader");
    }

    @Test
    void everyPrintedDerivedResultReadsBackAsItselfOrUsesAListedConstruct() throws IOException {
        List<String> unexplained = new ArrayList<>();
        Map<String, Integer> used = new LinkedHashMap<>();
        int total = 0, ok = 0;
        for (Case c : AnswersUpToAlgebraPropertyTest.cases()) {
            total++;
            Optional<AnswerReport> self = AnswersUpToAlgebraPropertyTest.check(c, c.reference().rhs(), false);
            if (self.isPresent() && self.get().verdict() == AnswerReport.Word.CORRECT) { ok++; continue; }
            String text = c.latex().print(c.reference());
            List<String> undeclared = derivcheck.expr.Exprs.freeNames(c.reference().rhs()).stream()
                    .filter(n -> c.problem().symbol(n).isEmpty()).toList();
            if (!undeclared.isEmpty()) { used.merge("a name a strategy introduced", 1, Integer::sum); continue; }
            List<String> why = NOT_READ_YET.keySet().stream().filter(text::contains).toList();
            if (why.isEmpty()) unexplained.add(text + " -> " + self.map(a -> a.verdict() + " " + a.diagnosis()).orElse("not read"));
            why.forEach(k -> used.merge(k, 1, Integer::sum));
        }
        System.out.printf("printed results read back correct: %d of %d; by listed construct: %s%n", ok, total, used);
        assertTrue(total > 30, "too few derived results: " + total);
        assertTrue(unexplained.isEmpty(), "printed results that do not read back as themselves: " + unexplained);
        used.remove("a name a strategy introduced"); // exception by nature: a reader must refuse names the spec does not define
        for (String k : NOT_READ_YET.keySet()) assertTrue(used.containsKey(k), "construct now reads back; drop it from the list: " + k);
    }
}
