package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every statement in problems/ writes its mathematics in $…$, so it typesets as the author wrote
 * it: outside $…$ there is no spec ASCII that the prose heuristic would have to guess at.
 */
class ProblemStatementsTest {
    @Test void everyStatementInProblemsWritesItsMathInDollars() throws Exception {
        List<String> bad = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.list(Path.of("problems"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".prob")).sorted().toList()) {
                ParseResult<Problem> r = SpecReader.read(f);
                assertTrue(r.ok(), r::renderDiagnostics);
                Problem p = r.get();
                if (p.statement().isEmpty()) continue;
                seen++;
                String outside = p.statement().get().replaceAll("\\$[^$]*\\$", " ");
                // the heuristic finds no formula there: nothing it would set in math mode
                if (ProseMath.authored(p).text(outside).contains("$")) bad.add(f.getFileName() + ": " + outside);
            }
        }
        assertTrue(seen > 20, "statements were read: " + seen);
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}
