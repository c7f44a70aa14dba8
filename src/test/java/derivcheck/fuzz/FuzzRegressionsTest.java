package derivcheck.fuzz;

import derivcheck.engine.CheckPipelineProperty;
import derivcheck.latex.AnswerReaderProperty;
import derivcheck.spec.SpecReaderProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every input stored under src/test/resources/fuzz/regressions/&lt;target&gt;/ (inputs that once
 * broke a fuzz property, minimized) through the same property the Jazzer target checks. A file
 * named {@code open-*} is a finding not fixed yet: it must still break its property (so fixing it
 * means renaming it, and the replay then guards the fix), the way the verbatim corpus marks pending.
 */
class FuzzRegressionsTest {
    static final Path ROOT = Path.of("src/test/resources/fuzz/regressions");

    @TestFactory Stream<DynamicTest> storedFuzzFindingsNoLongerBreakTheirProperty() throws Exception {
        return Stream.of(
                replay("spec-reader", SpecReaderProperty::check),
                replay("answer-reader", AnswerReaderProperty::check),
                replay("check-pipeline", CheckPipelineProperty::check)).flatMap(s -> s);
    }

    private static Stream<DynamicTest> replay(String target, Consumer<byte[]> property) throws Exception {
        Path dir = ROOT.resolve(target);
        if (!Files.isDirectory(dir)) return Stream.empty();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) { files = s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList(); }
        return files.stream().map(f -> DynamicTest.dynamicTest(target + "/" + f.getFileName(), () -> {
            byte[] in = Files.readAllBytes(f);
            if (!f.getFileName().toString().startsWith("open-")) { property.accept(in); return; }
            try {
                property.accept(in);
            } catch (AssertionError e) {
                return; // still open, as recorded
            }
            throw new AssertionError(f + " no longer breaks its property: rename it without 'open-'");
        }));
    }
}
