package derivcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import derivcheck.limits.Deadline;
import derivcheck.limits.InputLimits;
import derivcheck.numeric.verify.VerifyOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP server of {@code derivcheck serve}: the JDK's own {@code com.sun.net.httpserver} (no
 * dependency, no container), turning requests into calls on the prepared exercises and nothing
 * more. Routes: {@code GET /} (the page and its two assets), {@code GET /api/problems},
 * {@code POST /api/read} (the typeset echo), {@code POST /api/check} (the verdicts), and
 * {@code GET /api/health}.
 *
 * <p>Bounded on every side: bodies over the size limit are refused before they are read, answers
 * over {@link InputLimits#MAX_ANSWER_CHARS}; each request has one {@link Deadline} for reading and
 * judging; each client has a rate limit; checks wait in a bounded queue. Requests never name a
 * file: the exercises are loaded at start. Every error is a JSON document with its status code,
 * and a failing request never takes the server down.
 */
public final class Server implements AutoCloseable {
    private final ServeOptions options;
    private final Map<String, Exercise> exercises = new LinkedHashMap<>();
    private final Map<String, Redactor> redactors = new LinkedHashMap<>();
    // per exercise: chains read and judged before (the page sends the whole text again after each edit)
    private final Map<String, Lru<String, Checking.ChainRead>> readCache = new LinkedHashMap<>();
    private final Map<String, Lru<String, List<Checking.Judged>>> judgedCache = new LinkedHashMap<>();
    private final Workers workers;
    private final RateLimiter checks;
    private final RateLimiter reads;
    private final HttpServer http;
    private final ExecutorService handlers;
    private final PrintStream log;
    private final byte[] problemsJson;
    private static final int CACHED_CHAINS = 4096;

    /** Starts serving {@code exercises} (prepared with {@link #prepare}) with {@code options}. */
    public Server(Exercises loaded, ServeOptions options, PrintStream log) throws IOException {
        this.options = options;
        this.log = log;
        for (Exercise ex : loaded.list()) {
            exercises.put(ex.name(), ex);
            redactors.put(ex.name(), new Redactor(ex.secrets()));
            readCache.put(ex.name(), new Lru<>(CACHED_CHAINS));
            judgedCache.put(ex.name(), new Lru<>(CACHED_CHAINS));
            Checking.Readers.of(ex).fill();
        }
        VerifyOptions verify = VerifyOptions.defaults().withSamples(options.samples()).withSeed(options.seed());
        this.workers = new Workers(options.workers(), options.queue(),
                () -> new Checking(verify, options.symbolic(), options.casLimit()), loaded.list());
        this.checks = new RateLimiter(options.checksPerMinute(), Math.max(1, options.checksPerMinute() / 3));
        this.reads = new RateLimiter(options.checksPerMinute() * 10, Math.max(50, options.checksPerMinute() * 2));
        this.problemsJson = ApiJson.MAPPER.writeValueAsBytes(ApiJson.problems(loaded.list(), options.showSolutions()));
        this.http = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 64);
        this.handlers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "derivcheck-serve-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        http.start();
    }

    /** The port it listens on (the one chosen by the system when 0 was asked for). */
    public int port() { return http.getAddress().getPort(); }

    public String address() { return http.getAddress().getHostString(); }

    // ---------------------------------------------------------------- dispatch

    private void handle(HttpExchange x) {
        long start = System.nanoTime();
        int status;
        try {
            status = route(x);
        } catch (ApiError e) {
            // a body refused unread must not be taken for the next request on a kept-alive connection
            if (e.status == 413) {
                x.getResponseHeaders().set("Connection", "close");
                drain(x, 4L * options.maxBodyBytes());
            }
            status = send(x, e.status, ApiJson.error(e.status, e.getMessage()), e.retryAfter);
        } catch (RuntimeException | IOException | Error e) {
            // never a stack trace to the client; one line to the log
            status = send(x, 500, ApiJson.error(500, "internal error"), 0);
            if (log != null) log.println("serve: internal error on " + x.getRequestURI().getPath() + ": " + e);
        } finally {
            x.close();
        }
        if (log != null) {
            log.printf("%s %s %d %.1f ms%n", x.getRequestMethod(), x.getRequestURI().getPath(), status, (System.nanoTime() - start) / 1e6);
        }
    }

    private int route(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        if (path.startsWith("/api/")) {
            switch (path) {
                case "/api/problems" -> {
                    allow(method, "GET");
                    return sendBytes(x, 200, "application/json; charset=utf-8", problemsJson);
                }
                case "/api/health" -> {
                    allow(method, "GET");
                    ObjectNode o = ApiJson.MAPPER.createObjectNode().put("ok", true).put("problems", exercises.size());
                    return send(x, 200, o, 0);
                }
                case "/api/read" -> {
                    allow(method, "POST");
                    return read(x);
                }
                case "/api/check" -> {
                    allow(method, "POST");
                    return check(x);
                }
                default -> throw new ApiError(404, "no such endpoint: " + path);
            }
        }
        allow(method, "GET");
        StaticAssets.Asset a = StaticAssets.get(path).orElseThrow(() -> new ApiError(404, "not found: " + path));
        return sendBytes(x, 200, a.contentType(), a.bytes());
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw new ApiError(405, "use " + allowed + " here");
        }
    }

    // ---------------------------------------------------------------- the two answer endpoints

    private record Request(Exercise exercise, String text) {}

    private Request request(HttpExchange x, RateLimiter limiter) throws IOException {
        long wait = limiter.acquire(client(x));
        if (wait > 0) throw new ApiError(429, "too many requests: try again in " + wait + " s", wait);
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiError(415, "send JSON (Content-Type: application/json)");
        }
        byte[] body = body(x);
        JsonNode n;
        try {
            n = ApiJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiError(400, "the body is not JSON");
        }
        if (n == null || !n.isObject() || !n.path("problem").isTextual() || !n.path("text").isTextual()) {
            throw new ApiError(400, "send {\"problem\": NAME, \"text\": ANSWER}");
        }
        Exercise ex = exercises.get(n.get("problem").asText());
        if (ex == null) throw new ApiError(404, "no such problem: " + shorten(n.get("problem").asText()));
        String text = n.get("text").asText();
        if (text.length() > InputLimits.MAX_ANSWER_CHARS) {
            throw new ApiError(413, "the answer is longer than " + InputLimits.MAX_ANSWER_CHARS + " characters");
        }
        return new Request(ex, text);
    }

    private int read(HttpExchange x) throws IOException {
        Request r = request(x, reads);
        Deadline deadline = Deadline.within(options.timeLimit());
        List<Checking.ChainRead> chains;
        try (Deadline.Scope s = deadline.enter()) {
            chains = Checking.read(r.exercise, r.text, readCache.get(r.exercise.name()));
        }
        return send(x, 200, ApiJson.read(r.exercise.name(), chains), 0);
    }

    private int check(HttpExchange x) throws IOException {
        long start = System.nanoTime();
        Request r = request(x, checks);
        Deadline deadline = Deadline.within(options.timeLimit());
        List<Checking.ChainRead> chains;
        try (Deadline.Scope s = deadline.enter()) {
            chains = Checking.read(r.exercise, r.text, readCache.get(r.exercise.name()));
        }
        Lru<String, List<Checking.Judged>> cache = judgedCache.get(r.exercise.name());
        Future<List<List<Checking.Judged>>> f = workers.submit(deadline, c -> {
            List<List<Checking.Judged>> out = new ArrayList<>();
            for (Checking.ChainRead chain : chains) {
                Deadline.current().check();
                if (chain.readings().isEmpty()) { out.add(List.of()); continue; }
                String key = Checking.key(chain.chain());
                List<Checking.Judged> js = cache.get(key);
                if (js == null) {
                    js = c.judge(r.exercise, chain);
                    // kept only when complete and decided: an undecided verdict may be the time limit's
                    if (!Deadline.current().expired() && js.stream().noneMatch(j -> j.verdict().equals("undecided"))) cache.put(key, js);
                }
                out.add(js);
            }
            return out;
        });
        if (f == null) throw new ApiError(503, "the server is busy: try again in a moment", 1);
        List<List<Checking.Judged>> judged = null;
        String timeout = null;
        try {
            long nanos = deadline.remaining().toNanos();
            judged = f.get(Math.max(1, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            f.cancel(true);
            timeout = "time limit of " + Deadline.seconds(options.timeLimit()) + " hit";
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Deadline.Expired) timeout = "time limit of " + Deadline.seconds(options.timeLimit()) + " hit";
            else throw new IllegalStateException("a check failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new ApiError(503, "the server is shutting down");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        ObjectNode o = ApiJson.check(r.exercise.name(), chains, judged, timeout, redactors.get(r.exercise.name()),
                options.showSolutions(), millis);
        return send(x, 200, o, 0);
    }

    /**
     * Reads and discards up to {@code limit} more bytes of a refused body, so that a client still
     * sending it receives the 413 instead of a connection reset; a larger body is cut off.
     */
    private static void drain(HttpExchange x, long limit) {
        byte[] buf = new byte[8192];
        long seen = 0;
        try (InputStream in = x.getRequestBody()) {
            int n;
            while (seen < limit && (n = in.read(buf)) > 0) seen += n;
        } catch (IOException ignored) {
            // the client went away; nothing to answer
        }
    }

    /** The body, at most the size limit: a longer one is refused before (or while) it is read. */
    private byte[] body(HttpExchange x) throws IOException {
        int max = options.maxBodyBytes();
        String length = x.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > max) throw new ApiError(413, "the request is larger than " + max + " bytes");
            } catch (NumberFormatException e) {
                throw new ApiError(400, "bad Content-Length");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = x.getRequestBody()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > max) throw new ApiError(413, "the request is larger than " + max + " bytes");
            }
        }
        return out.toByteArray();
    }

    private static String client(HttpExchange x) {
        InetSocketAddress a = x.getRemoteAddress();
        return a == null || a.getAddress() == null ? "?" : a.getAddress().getHostAddress();
    }

    private static String shorten(String s) { return s.length() > 60 ? s.substring(0, 60) + "…" : s; }

    // ---------------------------------------------------------------- responses

    private int send(HttpExchange x, int status, JsonNode body, long retryAfter) {
        try {
            if (retryAfter > 0) x.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
            return sendBytes(x, status, "application/json; charset=utf-8", ApiJson.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            return status; // the client went away (a cancelled fetch): nothing to tell it
        }
    }

    private static int sendBytes(HttpExchange x, int status, String type, byte[] bytes) throws IOException {
        var h = x.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream o = x.getResponseBody()) {
                o.write(bytes);
            }
        }
        return status;
    }

    /** An error for the client: a status code and one sentence. */
    static final class ApiError extends RuntimeException {
        final int status;
        final long retryAfter;

        ApiError(int status, String message) { this(status, message, 0); }

        ApiError(int status, String message, long retryAfter) {
            super(message, null, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    @Override public void close() {
        http.stop(0);
        handlers.shutdownNow();
        workers.close();
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
