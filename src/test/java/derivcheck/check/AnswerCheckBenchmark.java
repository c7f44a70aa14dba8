package derivcheck.check;

import derivcheck.cas.Cas;
import derivcheck.derive.Engine;
import derivcheck.expr.Pos;
import derivcheck.latex.Answer;
import derivcheck.latex.AnswerReader;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Not a test: the warm cost of checking one answer (prox_weight_decay, correct answer), reading
 * included. Run with the test classpath: java derivcheck.check.AnswerCheckBenchmark [iterations].
 * Reports the median of the numeric tier alone, and of numeric + symbolic confirmation.
 */
public final class AnswerCheckBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path f = Path.of("problems/prox_weight_decay.prob");
        SourceText st = new SourceText(f.toString(), Files.readString(f));
        Problem p = SpecReader.read(st).get();
        String text = "\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon' \\tilde g^t}{1 + \\varepsilon'\\lambda}";
        AnswerReader reader = new AnswerReader(p, st);
        Engine engine = Engine.standard(Cas.shared());
        for (boolean symbolic : new boolean[] {false, true}) {
            AnswerChecker checker = new AnswerChecker(engine, p, VerifyOptions.defaults().withSamples(8), symbolic);
            long[] t = new long[n];
            for (int i = -10; i < n; i++) { // 10 warm-up rounds
                long t0 = System.nanoTime();
                Answer a = reader.read(text, new Pos("<b>", 1, 1), new SourceText("<b>", text)).get().get(0);
                AnswerReport r = checker.check(a);
                if (r.verdict() != AnswerReport.Word.CORRECT) throw new IllegalStateException(r.toString());
                if (i >= 0) t[i] = System.nanoTime() - t0;
            }
            Arrays.sort(t);
            System.out.printf("%s: median %.2f ms, p90 %.2f ms over %d checks (8 samples)%n",
                    symbolic ? "numeric + symbolic" : "numeric only", t[n / 2] / 1e6, t[(int) (n * 0.9)] / 1e6, n);
        }
        System.exit(0);
    }
}
