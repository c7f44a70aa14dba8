package derivcheck.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs first in the -Pfuzz profile: writes the seed corpora ({@link Seeds}) where Jazzer looks for a
 * fuzz test's inputs, derivcheck/fuzz/&lt;Class&gt;Inputs/&lt;method&gt;/ on the test class path.
 */
class SeedCorpusWriter {
    @Test
    void writesTheSeedCorpora() throws Exception {
        Path root = Path.of(SeedCorpusWriter.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("derivcheck/fuzz");
        write(root.resolve("SpecReaderFuzzTestInputs/specReader"), Seeds.specs());
        write(root.resolve("AnswerReaderFuzzTestInputs/answerReader"), Seeds.answers());
        write(root.resolve("CheckPipelineFuzzTestInputs/checkPipeline"), Seeds.answers());
    }

    private static void write(Path dir, java.util.List<Seeds.Seed> seeds) throws Exception {
        Files.createDirectories(dir);
        for (Seeds.Seed s : seeds) Files.write(dir.resolve(s.name()), s.bytes());
        if (seeds.isEmpty()) throw new AssertionError("no seeds for " + dir);
    }
}
