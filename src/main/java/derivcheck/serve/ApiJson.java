package derivcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON documents of the API (docs/serve.md). The fields of {@code check --json} keep their
 * names and meanings; the page's extras ({@code mathml}, {@code lines}, {@code errors}) are added
 * beside them. Every explanation passes the {@link Redactor} unless solutions are shown.
 */
final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {}

    static ObjectNode error(int status, String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("status", status);
        o.put("error", message);
        return o;
    }

    static ObjectNode problems(List<Exercise> exercises, boolean showSolutions) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode ps = root.putArray("problems");
        for (Exercise ex : exercises) {
            ObjectNode p = ps.addObject();
            p.put("name", ex.name());
            p.put("title", ex.title());
            p.put("source", ex.source());
            p.put("statement_html", ex.statementHtml());
            ArrayNode ts = p.putArray("targets");
            ex.targetsHtml().forEach(ts::add);
            if (showSolutions) {
                ArrayNode sol = p.putArray("solutions");
                ex.solutionsHtml().forEach(sol::add);
            }
        }
        return root;
    }

    static ObjectNode read(String problem, List<Checking.ChainRead> chains) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("problem", problem);
        ArrayNode answers = root.putArray("answers");
        ArrayNode lines = root.putArray("lines");
        ArrayNode errors = root.putArray("errors");
        for (Checking.ChainRead c : chains) {
            for (Checking.Reading r : c.readings()) {
                answers.addObject().put("line", r.line()).put("input", r.input()).put("read_as", r.readAs()).put("mathml", r.mathml());
            }
            for (Checking.Reading r : c.readings()) {
                r.lineMathml().forEach((line, m) -> lines.addObject().put("line", line).put("answer_line", r.line()).put("mathml", m));
            }
            for (Checking.ReadError e : c.errors()) error(errors, e);
        }
        return root;
    }

    private static void error(ArrayNode into, Checking.ReadError e) {
        into.addObject().put("file", Checking.EDITOR).put("line", e.line()).put("col", e.col()).put("length", e.length())
                .put("message", e.message());
    }

    /** A mark for a verdict word. */
    static String mark(String verdict) {
        return switch (verdict) {
            case "correct" -> "✓";
            case "incorrect" -> "✗";
            default -> "?";
        };
    }

    private static int badness(String verdict) {
        return switch (verdict) {
            case "incorrect" -> 3;
            case "unreadable" -> 2;
            case "undecided" -> 1;
            default -> 0;
        };
    }

    /**
     * The answer to {@code /api/check}. {@code timedOut} readings (judging hit the request's limit)
     * are reported as {@code undecided} with the limit as the reason.
     */
    static ObjectNode check(String problem, List<Checking.ChainRead> chains, List<List<Checking.Judged>> judged,
                            String timeLimitReason, Redactor redactor, boolean showSolutions, long millis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("problem", problem);
        ArrayNode answers = root.putArray("answers");
        ArrayNode steps = root.putArray("steps");
        ArrayNode errors = root.putArray("errors");
        Map<Integer, String> lineVerdict = new TreeMap<>();
        Map<Integer, String> lineKind = new LinkedHashMap<>();
        Map<Integer, String> lineMessage = new LinkedHashMap<>();
        Map<Integer, String> lineHtml = new LinkedHashMap<>();
        Map<Integer, String> lineMath = new LinkedHashMap<>();
        for (Checking.ChainRead c : chains) for (Checking.Reading r : c.readings()) lineMath.putAll(r.lineMathml());
        Integer firstFalse = null;
        for (int k = 0; k < chains.size(); k++) {
            Checking.ChainRead c = chains.get(k);
            for (Checking.ReadError e : c.errors()) {
                error(errors, e);
                put(lineVerdict, e.line(), "unreadable");
                lineKind.put(e.line(), "error");
                lineMessage.putIfAbsent(e.line(), "col " + e.col() + ": " + e.message());
            }
            List<Checking.Judged> js = judged == null || judged.get(k) == null ? List.of() : judged.get(k);
            if (js.isEmpty() && !c.readings().isEmpty()) {
                for (Checking.Reading r : c.readings()) {
                    ObjectNode n = answerNode(answers, r, "", "undecided", "undecided: " + timeLimitReason);
                    n.putNull("numeric").putNull("diagnosis").putNull("feedback").putNull("counterexample").putNull("first_false_step");
                    for (int line : r.lines()) put(lineVerdict, line, "undecided");
                    lineKind.putIfAbsent(r.line(), "answer");
                    lineMessage.putIfAbsent(r.line(), timeLimitReason);
                }
            }
            for (Checking.Judged j : js) {
                String diagnosis = j.diagnosis() == null ? null
                        : j.feedback() != null || showSolutions ? j.diagnosis() : redactor.redact(j.diagnosis());
                ObjectNode n = answerNode(answers, j.reading(), j.target(), j.verdict(),
                        showSolutions ? j.symbolic() : redactor.redact(j.symbolic()));
                n.set("numeric", j.numeric() == null ? null : MAPPER.valueToTree(clean(j.numeric(), redactor, showSolutions)));
                n.put("diagnosis", diagnosis);
                n.put("feedback", j.feedback());
                n.set("counterexample", j.counterexample() == null ? null
                        : MAPPER.valueToTree(clean(j.counterexample(), redactor, showSolutions)));
                if (j.firstFalseStep() != null) n.put("first_false_step", j.firstFalseStep());
                else n.putNull("first_false_step");
                if (j.firstFalseStep() != null && firstFalse == null) firstFalse = j.firstFalseStep();
                if (j.steps().isEmpty()) {
                    for (int line : j.reading().lines()) put(lineVerdict, line, j.verdict());
                    lineKind.putIfAbsent(j.reading().line(), "answer");
                    if (diagnosis != null) lineMessage.putIfAbsent(j.reading().line(), diagnosis);
                }
                for (Checking.StepJudged s : j.steps()) {
                    ObjectNode st = steps.addObject();
                    st.put("line", s.line());
                    st.put("from", s.from());
                    st.put("to", s.to());
                    st.put("verdict", s.verdict());
                    st.set("counterexample", s.counterexample() == null ? null
                            : MAPPER.valueToTree(clean(s.counterexample(), redactor, showSolutions)));
                    st.put("explanation", s.explanation());
                    st.put("explanation_html", s.explanationHtml());
                    put(lineVerdict, s.line(), s.verdict());
                    lineKind.putIfAbsent(s.line(), "step");
                    if (s.explanation() != null && !lineMessage.containsKey(s.line())) {
                        lineMessage.put(s.line(), s.explanation());
                        lineHtml.put(s.line(), s.explanationHtml());
                    }
                }
            }
        }
        if (firstFalse == null && !answers.isEmpty()) {
            // a one-line wrong answer: that line is the first false one
            for (var n : answers) {
                if (n.get("verdict").asText().equals("incorrect")) { firstFalse = n.get("line").asInt(); break; }
            }
        }
        ArrayNode lines = root.putArray("lines");
        for (var e : lineVerdict.entrySet()) {
            ObjectNode l = lines.addObject();
            l.put("line", e.getKey());
            l.put("verdict", e.getValue());
            l.put("mark", e.getValue().equals("unreadable") ? "?" : mark(e.getValue()));
            l.put("kind", lineKind.getOrDefault(e.getKey(), "step"));
            l.put("message", lineMessage.get(e.getKey()));
            l.put("mathml", lineMath.get(e.getKey()));
            l.put("message_html", lineHtml.get(e.getKey()));
        }
        if (firstFalse != null) root.put("first_false_line", firstFalse);
        else root.putNull("first_false_line");
        if (timeLimitReason != null) root.put("timeout", true);
        root.put("millis", millis);
        return root;
    }

    private static ObjectNode answerNode(ArrayNode answers, Checking.Reading r, String target, String verdict, String symbolic) {
        ObjectNode n = answers.addObject();
        n.put("target", target);
        n.put("line", r.line());
        n.put("input", r.input());
        n.put("read_as", r.readAs());
        n.put("mathml", r.mathml());
        n.put("verdict", verdict);
        n.put("mark", mark(verdict));
        n.put("symbolic", symbolic);
        return n;
    }

    private static void put(Map<Integer, String> verdicts, int line, String verdict) {
        verdicts.merge(line, verdict, (a, b) -> badness(a) >= badness(b) ? a : b);
    }

    /** Strings inside a numeric verdict or counterexample (reasons, notes), redacted. */
    @SuppressWarnings("unchecked")
    private static Object clean(Object o, Redactor redactor, boolean show) {
        if (show) return o;
        if (o instanceof String s) return redactor.redact(s);
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), clean(v, redactor, false)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(clean(x, redactor, false));
            return out;
        }
        return o;
    }
}
