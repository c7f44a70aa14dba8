package derivcheck.render;

import derivcheck.cas.Cas;
import derivcheck.derive.Derivation;
import derivcheck.derive.Engine;
import derivcheck.derive.Step;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProbeAsciiTest {
    @Test void probe() throws Exception {
        Engine eng = Engine.standard(Cas.shared());
        List<Path> files;
        try (Stream<Path> a = Files.walk(Path.of("problems")); Stream<Path> b = Files.walk(Path.of("src/test/resources/derive"))) {
            files = Stream.concat(a, b).filter(x -> x.toString().endsWith(".prob")).sorted().toList();
        }
        for (Path f : files) {
            ParseResult<Problem> r = SpecReader.read(f);
            if (!r.ok()) { System.out.println("PROBE unreadable " + f); continue; }
            Problem p = r.get();
            String t = p.title();
            if (ProseMath.authored(p).text(t.replaceAll("\\$[^$]*\\$", " ")).contains("$")) System.out.println("PROBE title " + f + ": " + t);
            Derivation d = eng.derive(p);
            for (Step s : d.steps()) for (Object o : s.joinedParts()) {
                if (o instanceof String str) {
                    String out = ProseMath.of(p).text(str.replaceAll("\\$[^$]*\\$", " "));
                    if (out.contains("$")) System.out.println("PROBE why " + f.getFileName() + " [" + s.rule() + "]: " + str + "\n      => " + out);
                }
            }
        }
    }
}
