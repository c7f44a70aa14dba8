package derivcheck.source;

import java.util.List;

/** A named text with its lines, for quoting the line a diagnostic points at. */
public record SourceText(String name, String text) {
    public List<String> lines() { return text.lines().toList(); }

    /** Line {@code n} (1-based), or the empty string when out of range. */
    public String line(int n) {
        List<String> l = lines();
        return n >= 1 && n <= l.size() ? l.get(n - 1) : "";
    }
}
