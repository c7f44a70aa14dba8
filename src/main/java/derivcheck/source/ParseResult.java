package derivcheck.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading some input: the value when there were no errors, and every
 * diagnostic found (errors are collected, not thrown one at a time).
 */
public record ParseResult<T>(Optional<T> value, List<Diagnostic> diagnostics, SourceText source) {
    public ParseResult {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        Collections.sort(sorted);
        diagnostics = List.copyOf(sorted);
        if (!diagnostics.isEmpty()) value = Optional.empty();
    }

    public boolean ok() { return value.isPresent(); }

    public T get() {
        return value.orElseThrow(() -> new IllegalStateException("no value: " + diagnostics.size() + " error(s)"));
    }

    public String renderDiagnostics() {
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : diagnostics) b.append(d.render(source));
        return b.toString();
    }
}
