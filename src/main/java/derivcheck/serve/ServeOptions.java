package derivcheck.serve;

import java.time.Duration;

/**
 * How the server runs. {@link #defaults()} is the secure default: localhost only, 64 KiB bodies,
 * 10 s per check, 60 checks and 600 readings a minute per client, solutions hidden.
 *
 * @param timeLimit     the wall-clock budget of one request (reading and judging together)
 * @param casLimit      the limit of each computer-algebra call inside it
 * @param checksPerMinute per client, for {@code /api/check}; readings ({@code /api/read}) get ten times as many
 * @param queue         checks that may wait for a worker before the server answers "busy"
 */
public record ServeOptions(String bind, int port, Duration timeLimit, Duration casLimit, int samples, long seed,
                           boolean symbolic, int workers, int queue, int maxBodyBytes, int checksPerMinute,
                           boolean showSolutions) {
    public static ServeOptions defaults() {
        return new ServeOptions("127.0.0.1", 8080, Duration.ofSeconds(10), Duration.ofSeconds(5), 12, 1L, true,
                Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 32, 64 * 1024, 60, false);
    }

    public ServeOptions withBind(String b) { return new ServeOptions(b, port, timeLimit, casLimit, samples, seed, symbolic, workers, queue, maxBodyBytes, checksPerMinute, showSolutions); }
    public ServeOptions withPort(int p) { return new ServeOptions(bind, p, timeLimit, casLimit, samples, seed, symbolic, workers, queue, maxBodyBytes, checksPerMinute, showSolutions); }
    public ServeOptions withTimeLimit(Duration t) { return new ServeOptions(bind, port, t, casLimit, samples, seed, symbolic, workers, queue, maxBodyBytes, checksPerMinute, showSolutions); }
    public ServeOptions withCasLimit(Duration t) { return new ServeOptions(bind, port, timeLimit, t, samples, seed, symbolic, workers, queue, maxBodyBytes, checksPerMinute, showSolutions); }
    public ServeOptions withSamples(int n) { return new ServeOptions(bind, port, timeLimit, casLimit, n, seed, symbolic, workers, queue, maxBodyBytes, checksPerMinute, showSolutions); }
    public ServeOptions withSeed(long s) { return new ServeOptions(bind, port, timeLimit, casLimit, samples, s, symbolic, workers, queue, maxBodyBytes, checksPerMinute, showSolutions); }
    public ServeOptions withSymbolic(boolean s) { return new ServeOptions(bind, port, timeLimit, casLimit, samples, seed, s, workers, queue, maxBodyBytes, checksPerMinute, showSolutions); }
    public ServeOptions withWorkers(int w) { return new ServeOptions(bind, port, timeLimit, casLimit, samples, seed, symbolic, w, queue, maxBodyBytes, checksPerMinute, showSolutions); }
    public ServeOptions withMaxBodyBytes(int m) { return new ServeOptions(bind, port, timeLimit, casLimit, samples, seed, symbolic, workers, queue, m, checksPerMinute, showSolutions); }
    public ServeOptions withChecksPerMinute(int r) { return new ServeOptions(bind, port, timeLimit, casLimit, samples, seed, symbolic, workers, queue, maxBodyBytes, r, showSolutions); }
    public ServeOptions withShowSolutions(boolean s) { return new ServeOptions(bind, port, timeLimit, casLimit, samples, seed, symbolic, workers, queue, maxBodyBytes, checksPerMinute, s); }
}
