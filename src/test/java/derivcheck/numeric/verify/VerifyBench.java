package derivcheck.numeric.verify;

import derivcheck.model.Problem;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a test: reports the time of the numeric checks per problem (every show, expect and
 * mistake, 20 samples by default), after one warm-up pass over all problems.
 *
 * <pre>java -cp target/classes:target/test-classes:… derivcheck.numeric.verify.VerifyBench [problems-dir] [samples]</pre>
 */
public final class VerifyBench {
    private VerifyBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "problems");
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".prob")).sorted().toList();
        }
        VerifyOptions o = VerifyOptions.defaults().withSamples(samples);
        for (Path f : files) NumericVerifier.of(SpecReader.read(f).get(), o).verifyAll(); // warm-up
        System.out.printf("machine: %s, %d cores, %s %s%n", cpu(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%-36s %7s %8s %8s%n", "problem", "claims", "wall ms", "cpu ms");
        long total = 0, worst = 0;
        for (Path f : files) {
            Problem p = SpecReader.read(f).get();
            long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
            int n = NumericVerifier.of(p, o).verifyAll().size();
            long ms = (System.nanoTime() - t0) / 1_000_000, cpu = (os.getProcessCpuTime() - c0) / 1_000_000;
            total += ms;
            worst = Math.max(worst, ms);
            System.out.printf("%-36s %7d %8d %8d%n", p.name(), n, ms, cpu);
        }
        System.out.printf("total %d ms over %d problems (mean %d ms, worst %d ms), %d samples%n", total, files.size(),
                total / files.size(), worst, samples);
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (Exception e) {
            return System.getProperty("os.arch");
        }
    }
}
