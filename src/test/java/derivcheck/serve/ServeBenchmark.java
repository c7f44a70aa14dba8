package derivcheck.serve;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Not a test: end-to-end latency of {@code POST /api/check} over HTTP on this machine (client,
 * JSON, reading, judging, rendering), warm, for one typical line and for a three-line chain. Each
 * request sends a different answer (a common factor k/k that changes with the request), so the
 * server's caches of chains read and judged before do not answer it; "repeated" sends the same
 * text again, as the page does for lines that did not change.
 * Run with the test classpath: java derivcheck.serve.ServeBenchmark [iterations] [--no-symbolic].
 */
public final class ServeBenchmark {
    /**
     * One request as a browser sends it: headers and body in one write, on a fresh connection.
     * (java.net.http writes them separately, and Nagle's algorithm with delayed ACKs then adds
     * about 40 ms that no browser sees.)
     */
    static String post(int port, String json) throws java.io.IOException {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            String head = "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n";
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body);
            s.getOutputStream().write(out.toByteArray());
            String all = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!all.startsWith("HTTP/1.1 200")) throw new IllegalStateException(all);
            return all.substring(all.indexOf("\r\n\r\n") + 4);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String line = "\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}";
        String chain = line + "\n= \\frac{\\theta^t}{1 + \\varepsilon'\\lambda} - \\frac{\\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}\n"
                + "= \\frac{1}{1 + \\varepsilon'\\lambda}(\\theta^t - \\varepsilon'\\tilde g^t)";
        System.out.printf(Locale.ROOT, "machine: %s %s, %d cores, Java %s%n", System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        boolean numericOnly = args.length > 1 && args[1].equals("--no-symbolic");
        try (ServerFixture f = new ServerFixture(ServerFixture.quick().withSymbolic(!numericOnly), Path.of("problems", "prox_weight_decay.prob"))) {
            for (String[] c : new String[][] {{"one line", line}, {"three-line chain", chain}, {"repeated line", line}}) {
                long[] t = new long[n];
                for (int i = -30; i < n; i++) {
                    String k = Integer.toString(i + 40);
                    String text = c[0].startsWith("repeated") ? c[1]
                            : c[1].replaceFirst("\\\\frac\\{(.*?)\\}\\{(.*?)\\}", "\\\\frac{" + k + "($1)}{" + k + "($2)}");
                    long t0 = System.nanoTime();
                    String body = post(f.server.port(), ServerFixture.request("prox_weight_decay", text));
                    if (!ApiJson.MAPPER.readTree(body).get("answers").get(0).get("verdict").asText().equals("correct")) {
                        throw new IllegalStateException(body);
                    }
                    if (i >= 0) t[i] = System.nanoTime() - t0;
                }
                Arrays.sort(t);
                System.out.printf(Locale.ROOT, "%-17s median %.1f ms, p90 %.1f ms, p99 %.1f ms (%d requests)%n", c[0],
                        t[n / 2] / 1e6, t[n * 9 / 10] / 1e6, t[Math.min(n - 1, n * 99 / 100)] / 1e6, n);
            }
        }
    }
}
