package derivcheck.serve;

import derivcheck.expr.RelOp;
import derivcheck.numeric.verify.NumericVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Explanations in words, for the page: why a step is false, from its counterexample. */
final class Explain {
    private Explain() {}

    /** "The step does not hold: at n = 2, g = (0.31, −1.2), λ = 0.5 the left side is 1.4, the right side −0.3." */
    static String step(RelOp op, NumericVerdict.Counterexample cx) {
        Map<String, Object> m = cx.toMap();
        List<String> at = new ArrayList<>();
        Object sizes = m.get("sizes");
        if (sizes instanceof Map<?, ?> s) s.forEach((k, v) -> at.add(k + " = " + value(v)));
        Object values = m.get("values");
        if (values instanceof Map<?, ?> v) v.forEach((k, x) -> at.add(k + " = " + value(x)));
        cx.index().ifPresent(i -> at.add("index " + i));
        String where = at.isEmpty() ? "at a sampled point" : "at " + String.join(", ", at);
        String relation = op == RelOp.EQ ? "The two sides differ" : "The relation " + op.symbol() + " fails";
        return relation + " " + where + ": the left side is " + value(m.get("lhs")) + ", the right side " + value(m.get("rhs")) + ".";
    }

    /** The same sentence as HTML, the values typeset with the spec's names (for the page). */
    static String stepHtml(derivcheck.render.MathmlPrinter printer, RelOp op, NumericVerdict.Counterexample cx) {
        Map<String, Object> m = cx.toMap();
        List<String> at = new ArrayList<>();
        Object sizes = m.get("sizes");
        if (sizes instanceof Map<?, ?> s) s.forEach((k, v) -> at.add(assignment(printer, String.valueOf(k), v)));
        Object values = m.get("values");
        if (values instanceof Map<?, ?> v) v.forEach((k, x) -> at.add(assignment(printer, String.valueOf(k), x)));
        String where = at.isEmpty() ? "at a sampled point" : "at " + String.join(", ", at);
        String relation = op == RelOp.EQ ? "The two sides differ" : "The relation " + derivcheck.render.MathmlNames.escape(op.symbol()) + " fails";
        return relation + " " + where + ": the left side is " + math(mathNumber(m.get("lhs"))) + ", the right side "
                + math(mathNumber(m.get("rhs"))) + ".";
    }

    private static String assignment(derivcheck.render.MathmlPrinter printer, String name, Object v) {
        return math("<mrow>" + printer.name(name) + "<mo>=</mo>" + mathNumber(v) + "</mrow>");
    }

    private static String math(String row) { return derivcheck.render.MathmlPrinter.math(row, false); }

    private static String mathNumber(Object v) {
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("<mrow><mo stretchy=\"false\">(</mo>");
            for (int i = 0; i < l.size() && i < 6; i++) b.append(i > 0 ? "<mo>,</mo>" : "").append(mathNumber(l.get(i)));
            if (l.size() > 6) b.append("<mo>,</mo><mi>…</mi>");
            return b.append("<mo stretchy=\"false\">)</mo></mrow>").toString();
        }
        String t = value(v);
        return t.startsWith("−") ? "<mrow><mo>−</mo><mn>" + derivcheck.render.MathmlNames.escape(t.substring(1)) + "</mn></mrow>"
                : "<mn>" + derivcheck.render.MathmlNames.escape(t) + "</mn>";
    }

    static String value(Object v) {
        if (v instanceof Double d) return number(d);
        if (v instanceof Number n) return number(n.doubleValue());
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < l.size() && i < 6; i++) parts.add(value(l.get(i)));
            if (l.size() > 6) parts.add("…");
            return "(" + String.join(", ", parts) + ")";
        }
        return String.valueOf(v);
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e6) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%.3g", d).replace("-", "−");
    }
}
