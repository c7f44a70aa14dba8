package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.model.Problem;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A "did you mean" hint is never the name that was written; a declared name used wrongly says what is wrong. */
class NameHintsTest {
    private static final Pattern HINT = Pattern.compile("unknown name '([^']*)'; did you mean '([^']*)'\\?");

    private static List<String> messages(ParseResult<Problem> r) {
        return r.diagnostics().stream().map(Diagnostic::message).toList();
    }

    @Test void aDeclaredFunctionWithBracketsIsNotCalledUnknownAndGetsNoHintOfItself() {
        List<String> ms = messages(Specs.read("""
                problem p
                  given Run : function
                  given e : real
                  let y = Run(e)
                  expect y = Run[e]
                """));
        assertTrue(ms.size() == 1 && ms.get(0).contains("write Run(e)"), ms.toString());
        assertFalse(ms.get(0).contains("unknown name") || ms.get(0).contains("did you mean"), ms.toString());
    }

    @Test void noHintEverRepeatsTheNameGivenOverEveryMalformedSpecAndNearMisses() throws Exception {
        List<ParseResult<Problem>> results = new ArrayList<>();
        try (Stream<Path> s = MalformedSpecTest.badSpecs()) {
            for (Path f : s.toList()) results.add(SpecReader.read(f));
        }
        // names one edit away from a declared one, of every kind a name can be declared as
        for (String kind : List.of("real", "vector[n]", "matrix[n, n]", "function")) {
            for (String use : List.of("Runn", "Rn", "run", "Run[1]", "Run", "Run(1)")) {
                results.add(Specs.read("problem p\n  dim n\n  given Run : " + kind + "\n  let y = " + use + "\n  find y\n"));
            }
        }
        int hints = 0;
        for (ParseResult<Problem> r : results) {
            for (String m : messages(r)) {
                Matcher h = HINT.matcher(m);
                while (h.find()) {
                    hints++;
                    assertFalse(h.group(1).equals(h.group(2)), m);
                }
            }
        }
        assertTrue(hints > 0, "some of these inputs get a hint");
    }
}
