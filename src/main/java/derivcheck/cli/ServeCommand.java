package derivcheck.cli;

import derivcheck.serve.Exercises;
import derivcheck.serve.ServeOptions;
import derivcheck.serve.Server;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "serve",
        description = {
            "Serve a web page where students type a derivation and see each line read back and judged.",
            "",
            "Loads the specs once at start (a folder of .prob files, or files), then serves a page that lists the",
            "exercises with their statements typeset. In an exercise's editor a student types LaTeX or ASCII lines;",
            "each line is read back typeset (MathML, no script from outside) as they type, and judged after a pause",
            "or on demand: a mark per line and per step, the counterexample and diagnosis of a wrong step, the",
            "spec's mistake feedback when it matches. The same as JSON: POST /api/check {problem, text}, GET",
            "/api/problems (docs/serve.md). Listens on 127.0.0.1 unless --bind says otherwise. Expected answers",
            "are never sent to the browser; --show-solutions (for staff) sends them."},
        footer = {"", "Examples:", "  derivcheck serve problems/", "  derivcheck serve problems/ --port 9000 --bind 0.0.0.0"})
final class ServeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR|FILE", arity = "1..*", description = "spec files (.prob) or folders holding them")
    List<Path> inputs;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String bind;

    @Option(names = "--show-solutions", description = "send the expected answers to the page and explain wrong answers in full (staff only)")
    boolean showSolutions;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "10", description = "wall-clock limit of one check request (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0", description = "checks judged at the same time, each with its own algebra engine (default: up to 2, one per core)")
    int workers;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "60", description = "checks per minute per client address (default: ${DEFAULT-VALUE}; readings get ten times as many)")
    int rateLimit;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "65536", description = "largest request body (default: ${DEFAULT-VALUE})")
    int maxBody;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "12", description = "numeric samples per check (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the numeric sampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-symbolic", description = "numeric tier only")
    boolean noSymbolic;

    @Option(names = "--quiet", description = "no request log on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Console out = new Console();
        if (timeLimit <= 0 || rateLimit <= 0 || maxBody <= 0 || samples <= 0 || workers < 0 || port < 0 || port > 65535) {
            out.error("derivcheck serve: --time-limit, --rate-limit, --max-body and --samples must be positive, --port in 0..65535");
            return ExitCode.BAD_INPUT;
        }
        Exercises ex = Exercises.load(inputs);
        ex.errors().forEach(out::error);
        if (ex.size() == 0) {
            out.error("derivcheck serve: no problem to serve");
            return ExitCode.BAD_INPUT;
        }
        Duration limit = Duration.ofMillis(Math.max(1, (long) (timeLimit * 1000)));
        ServeOptions o = ServeOptions.defaults().withBind(bind).withPort(port).withTimeLimit(limit)
                .withCasLimit(limit.compareTo(Duration.ofSeconds(5)) < 0 ? limit : Duration.ofSeconds(5))
                .withSamples(samples).withSeed(seed).withSymbolic(!noSymbolic).withChecksPerMinute(rateLimit)
                .withMaxBodyBytes(maxBody).withShowSolutions(showSolutions);
        if (workers > 0) o = o.withWorkers(workers);
        PrintStream log = quiet ? null : new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Server server;
        try {
            server = new Server(ex, o, log);
        } catch (java.net.BindException e) {
            out.error("derivcheck serve: cannot listen on " + bind + ":" + port + " (" + e.getMessage() + ")");
            return ExitCode.BAD_INPUT;
        }
        String host = server.address().contains(":") ? "[" + server.address() + "]" : server.address();
        out.println("derivcheck serve: " + ex.size() + " problem(s) on http://" + host + ":" + server.port() + "/"
                + (showSolutions ? " (solutions shown)" : "") + " — Ctrl+C stops");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { server.close(); stop.countDown(); }));
        stop.await();
        return ExitCode.OK;
    }
}
