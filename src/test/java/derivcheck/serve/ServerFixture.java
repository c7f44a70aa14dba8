package derivcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A server on a free port over specs of the repository, and a small client for it. */
final class ServerFixture implements AutoCloseable {
    static final Path SPEC = Path.of("problems", "prox_weight_decay.prob");

    final Server server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServerFixture(ServeOptions options, Path... specs) throws IOException {
        Exercises ex = Exercises.load(List.of(specs.length == 0 ? new Path[] {SPEC} : specs));
        if (!ex.errors().isEmpty()) throw new IllegalStateException(String.join("\n", ex.errors()));
        server = new Server(ex, options.withPort(0), System.getenv("DERIVCHECK_SERVE_LOG") != null ? System.err : null);
    }

    static ServeOptions quick() {
        return ServeOptions.defaults().withChecksPerMinute(1_000_000).withTimeLimit(Duration.ofSeconds(60));
    }

    String base() { return "http://127.0.0.1:" + server.port(); }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return ApiJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers());
    }

    Reply post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers());
    }

    Reply check(String problem, String text) throws IOException, InterruptedException {
        return post("/api/check", "application/json", request(problem, text));
    }

    static String request(String problem, String text) {
        return ApiJson.MAPPER.createObjectNode().put("problem", problem).put("text", text).toString();
    }

    @Override public void close() { server.close(); }
}
