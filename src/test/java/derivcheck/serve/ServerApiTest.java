package derivcheck.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.render.LatexPrinter;
import derivcheck.render.MathmlPrinter;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API of `derivcheck serve`, against a real server on a free port. */
class ServerApiTest {
    private static final String PROBLEM = "prox_weight_decay";
    private static final String RIGHT = "\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}";
    // a sign slip in the denominator: the spec's own anticipated mistake
    private static final String MISTAKE = "\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 - \\varepsilon'\\lambda}";
    // the whole right answer with its sign flipped: the diagnosis would quote the reference
    private static final String FLIPPED = "\\theta^{t+1} = \\frac{\\varepsilon'\\tilde g^t - \\theta^t}{1 + \\varepsilon'\\lambda}";
    private static final String DOUBLED = "\\theta^{t+1} = \\frac{2\\theta^t - 2\\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}";
    private static final String MISSING = "\\theta^{t+1} = \\frac{\\theta^t}{1 + \\varepsilon'\\lambda}";

    private static ServerFixture f;

    @BeforeAll
    static void start() throws Exception { f = new ServerFixture(ServerFixture.quick()); }

    @AfterAll
    static void stop() { f.close(); }

    @Test
    void aRightAnswerIsCorrectWithTheFieldsOfCheckJson() throws Exception {
        var r = f.check(PROBLEM, RIGHT);
        assertEquals(200, r.status(), r.body());
        JsonNode a = r.json().get("answers").get(0);
        assertEquals("correct", a.get("verdict").asText());
        assertEquals("✓", a.get("mark").asText());
        for (String field : List.of("target", "line", "input", "read_as", "verdict", "symbolic", "numeric", "diagnosis", "counterexample")) {
            assertTrue(a.has(field), "missing " + field);
        }
        assertEquals("theta", a.get("target").asText());
        assertTrue(a.get("mathml").asText().startsWith("<math"));
        assertTrue(r.json().get("first_false_line").isNull());
    }

    @Test
    void aWrongStepGetsACounterexampleItsLineAndAnExplanation() throws Exception {
        String text = RIGHT + "\n= \\frac{\\theta^t}{1 + \\varepsilon'\\lambda} + \\frac{\\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}\n"
                + "= \\frac{\\theta^t + \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}";
        JsonNode j = f.check(PROBLEM, text).json();
        JsonNode a = j.get("answers").get(0);
        assertEquals("incorrect", a.get("verdict").asText());
        assertFalse(a.get("counterexample").isNull());
        assertEquals(2, j.get("first_false_line").asInt());
        JsonNode steps = j.get("steps");
        assertEquals(3, steps.size());
        assertEquals(List.of("correct", "incorrect", "correct"),
                List.of(steps.get(0).get("verdict").asText(), steps.get(1).get("verdict").asText(), steps.get(2).get("verdict").asText()));
        assertEquals(2, steps.get(1).get("line").asInt());
        assertFalse(steps.get(1).get("counterexample").isNull());
        assertTrue(steps.get(1).get("explanation").asText().startsWith("The two sides differ at"), steps.get(1).toString());
        JsonNode lines = j.get("lines");
        assertEquals("✗", lines.get(1).get("mark").asText());
        assertEquals("✓", lines.get(2).get("mark").asText());
    }

    @Test
    void theSpecsMistakeFeedbackIsShownWhenItMatches() throws Exception {
        Problem p = problem();
        JsonNode a = f.check(PROBLEM, MISTAKE).json().get("answers").get(0);
        assertEquals("incorrect", a.get("verdict").asText());
        assertFalse(a.get("counterexample").isNull());
        assertEquals(p.mistakes().get(1).feedback(), a.get("feedback").asText());
    }

    @Test
    void anUnreadableLineIsLocatedAndTheOthersAreStillJudged() throws Exception {
        JsonNode j = f.check(PROBLEM, RIGHT + "\n\n\\theta^{t+1} = \\frac{\\theta^t}{1 + ").json();
        JsonNode e = j.get("errors").get(0);
        assertEquals(3, e.get("line").asInt());
        assertTrue(e.get("col").asInt() >= 1);
        assertFalse(e.get("message").asText().isBlank());
        assertEquals("correct", j.get("answers").get(0).get("verdict").asText());
        JsonNode read = f.post("/api/read", "application/json", ServerFixture.request(PROBLEM, "x = = 1")).json();
        assertEquals(1, read.get("errors").get(0).get("line").asInt());
    }

    @Test
    void theEchoTypesetsEachLine() throws Exception {
        JsonNode j = f.post("/api/read", "application/json",
                ServerFixture.request(PROBLEM, RIGHT + "\n= \\frac{\\theta^t}{1 + \\varepsilon'\\lambda} - \\frac{\\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda}")).json();
        JsonNode lines = j.get("lines");
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).get("mathml").asText().contains("<mfrac>"));
        assertTrue(lines.get(1).get("mathml").asText().startsWith("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mrow><mo>=</mo>"));
        assertEquals(0, j.get("errors").size());
    }

    @Test
    void oversizedBodiesAndAnswersAreRefused() throws Exception {
        var big = f.post("/api/check", "application/json", ServerFixture.request(PROBLEM, "x".repeat(70_000)));
        assertEquals(413, big.status());
        assertEquals(413, big.json().get("status").asInt());
        var longAnswer = f.post("/api/check", "application/json", ServerFixture.request(PROBLEM, "x".repeat(30_000)));
        assertEquals(413, longAnswer.status(), longAnswer.body());
        assertEquals(200, f.check(PROBLEM, RIGHT).status(), "the server stays up");
    }

    @Test
    void badRequestsGetJsonErrorsWithTheirStatusAndNoStackTrace() throws Exception {
        List<ServerFixture.Reply> rs = List.of(
                f.post("/api/check", "application/json", "{not json"),
                f.post("/api/check", "application/json", "[1,2]"),
                f.post("/api/check", "text/plain", ServerFixture.request(PROBLEM, RIGHT)),
                f.check("no_such_problem", RIGHT),
                f.get("/api/check"),
                f.get("/api/nothing"),
                f.get("/../../etc/passwd"),
                f.get("/problems/" + PROBLEM + ".prob"));
        List<Integer> expected = List.of(400, 400, 415, 404, 405, 404, 404, 404);
        for (int i = 0; i < rs.size(); i++) {
            var r = rs.get(i);
            assertEquals(expected.get(i), r.status(), r.body());
            assertEquals(expected.get(i), r.json().get("status").asInt());
            assertFalse(r.body().contains("Exception") || r.body().contains("at derivcheck."), r.body());
        }
        assertEquals(200, f.check(PROBLEM, RIGHT).status(), "the server stays up");
    }

    @Test
    void concurrentRequestsAllGetTheirOwnRightVerdict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                // sixteen different answers (a common factor k/k), so no cache answers for another request
                String k = Integer.toString(i + 2);
                String text = (i % 2 == 0 ? RIGHT : MISTAKE).replace("\\frac{", "\\frac{" + k + "(").replace("}{1", ")}{" + k + "(1")
                        .replaceFirst("\\}$", ")}");
                fs.add(pool.submit(() -> f.check(PROBLEM, text).json().get("answers").get(0).get("verdict").asText()));
            }
            for (int i = 0; i < fs.size(); i++) assertEquals(i % 2 == 0 ? "correct" : "incorrect", fs.get(i).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noExpectedAnswerReachesTheBrowser() throws Exception {
        Problem p = problem();
        List<String> secrets = secrets(p);
        List<String> bodies = new ArrayList<>();
        bodies.add(f.get("/").body());
        bodies.add(f.get("/app.js").body());
        bodies.add(f.get("/style.css").body());
        bodies.add(f.get("/api/problems").body());
        for (String wrong : List.of(FLIPPED, DOUBLED, MISSING, MISTAKE)) {
            bodies.add(f.check(PROBLEM, wrong).body());
            bodies.add(f.post("/api/read", "application/json", ServerFixture.request(PROBLEM, wrong)).body());
        }
        // the diagnoses really are there (redacted), so the check above is not vacuous
        String flipped = f.check(PROBLEM, FLIPPED).json().get("answers").get(0).get("diagnosis").asText();
        assertTrue(flipped.contains(Redactor.HIDDEN), flipped);
        for (String b : bodies) {
            String decoded = ApiJson.MAPPER.readTree(b.startsWith("{") ? b : ApiJson.MAPPER.writeValueAsString(b)).toString();
            for (String s : secrets) {
                assertFalse(b.contains(s) || decoded.contains(s), "the expected answer '" + s + "' was sent:\n" + b);
            }
        }
    }

    @Test
    void staffSeeTheSolutionsWithShowSolutions() throws Exception {
        try (ServerFixture staff = new ServerFixture(ServerFixture.quick().withShowSolutions(true))) {
            Problem p = problem();
            String mathml = MathmlPrinter.of(p).print(p.expects().get(0).relations());
            String listing = staff.get("/api/problems").body();
            assertTrue(ApiJson.MAPPER.readTree(listing).get("problems").get(0).get("solutions").get(0).asText().contains(mathml));
            String d = staff.check(PROBLEM, FLIPPED).json().get("answers").get(0).get("diagnosis").asText();
            assertTrue(d.contains(TextPrinter.print(p.expects().get(0).relations().get(0).rhs())), d);
        }
    }

    @Test
    void aCheckOverTheTimeLimitIsUndecidedAndTheServerAnswers() throws Exception {
        try (ServerFixture slow = new ServerFixture(ServerFixture.quick().withTimeLimit(Duration.ofMillis(1)))) {
            long t0 = System.nanoTime();
            var r = slow.check(PROBLEM, RIGHT + "\n= " + "\\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1 + \\varepsilon'\\lambda} + 0".repeat(1));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(200, r.status(), r.body());
            assertTrue(r.json().get("timeout").asBoolean(), r.body());
            JsonNode a = r.json().get("answers").get(0);
            assertEquals("undecided", a.get("verdict").asText());
            assertTrue(a.get("symbolic").asText().contains("time limit"), a.toString());
            // a hang guard only (the machine may be loaded); the outcome above is what this test proves
            assertTrue(ms < 120_000, "the answer came after " + ms + " ms");
            assertEquals(200, slow.get("/api/health").status());
        }
    }

    @Test
    void aClientOverItsRateLimitIsToldToWait() throws Exception {
        try (ServerFixture limited = new ServerFixture(ServerFixture.quick().withChecksPerMinute(3))) {
            assertEquals(200, limited.check(PROBLEM, RIGHT).status());
            var r = limited.check(PROBLEM, RIGHT);
            assertEquals(429, r.status(), r.body());
            assertEquals(429, r.json().get("status").asInt());
            assertNotNull(r.headers().firstValue("Retry-After").orElse(null));
        }
    }

    @Test
    void itListensOnLocalhostByDefault() {
        assertEquals("127.0.0.1", ServeOptions.defaults().bind());
        assertEquals("127.0.0.1", f.server.address());
        assertFalse(ServeOptions.defaults().showSolutions());
    }

    private static Problem problem() throws Exception {
        return SpecReader.read(new SourceText("p", Files.readString(ServerFixture.SPEC))).get();
    }

    /** The expected answer in every form a response could carry it: spec text, LaTeX, MathML. */
    private static List<String> secrets(Problem p) {
        List<String> out = new ArrayList<>();
        for (Claim c : p.expects()) {
            var rhs = c.relations().get(0).rhs();
            out.add(TextPrinter.print(rhs));
            out.add(LatexPrinter.of(p).print(rhs));
            out.add(MathmlPrinter.of(p).print(rhs));
        }
        return out;
    }
}
