package derivcheck.render;

import java.util.Locale;

/**
 * One line of verification printed under a result or an expected answer: how it was checked and
 * what came out. Symbolic: "symbolic check: verified"; numeric: "numeric check: verified (200
 * samples, max relative error 3.1e-12, seed 42)"; or "numeric check: not run".
 */
public record SheetVerificationLine(Method method, Verdict verdict, String detail) {
    public enum Method { SYMBOLIC, NUMERIC }

    public enum Verdict {
        VERIFIED, FAILED, UNDECIDED, NOT_RUN;

        public String word() { return this == NOT_RUN ? "not run" : name().toLowerCase(Locale.ROOT); }
    }

    public SheetVerificationLine {
        detail = detail == null ? "" : detail;
    }

    public static SheetVerificationLine symbolic(Verdict verdict, String detail) {
        return new SheetVerificationLine(Method.SYMBOLIC, verdict, detail);
    }

    /** A numeric check with its sample count, largest relative error and seed. */
    public static SheetVerificationLine numeric(Verdict verdict, int samples, double maxRelativeError, long seed) {
        String d = String.format(Locale.ROOT, "%d samples, max relative error %.1e, seed %d", samples, maxRelativeError, seed);
        return new SheetVerificationLine(Method.NUMERIC, verdict, d);
    }

    public static SheetVerificationLine numericNotRun() {
        return new SheetVerificationLine(Method.NUMERIC, Verdict.NOT_RUN, "");
    }

    /** Plain text, e.g. "numeric check: verified (200 samples, max relative error 3.1e-12, seed 42)". */
    public String text() {
        String m = method == Method.SYMBOLIC ? "symbolic check" : "numeric check";
        return m + ": " + verdict.word() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
