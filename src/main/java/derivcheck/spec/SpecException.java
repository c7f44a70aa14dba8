package derivcheck.spec;

import derivcheck.expr.Pos;
import derivcheck.source.Diagnostic;

/** An error in one item of a spec; the builder records it and goes on with the next item. */
final class SpecException extends RuntimeException {
    private final transient Diagnostic diagnostic;

    SpecException(Pos pos, String message, int length) {
        super(message, null, false, false);
        this.diagnostic = new Diagnostic(pos, message, length);
    }

    Diagnostic diagnostic() { return diagnostic; }
}
