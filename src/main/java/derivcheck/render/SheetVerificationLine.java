package derivcheck.render;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One line of verification printed under a result or an answer: how it was checked and what came
 * out. The figure printed beside "verified" is the error measure the decision used, with the
 * tolerance it was held to; a figure above its tolerance is never printed beside "verified" (the
 * line then says only that every sample was within its tolerance). Reasons for an undecided or
 * failed check are the author's business ({@link AuthorReport}); the line keeps to the verdict.
 *
 * @param method    symbolic or numeric
 * @param verdict   what came out
 * @param how       how the samples were compared, e.g. "at 20 random instances" (may be empty)
 * @param error     the largest error by the decision's own measure, if there is one
 * @param tolerance the tolerance that error was held to (NaN when there is none)
 * @param seed      the seed of the samples, or -1
 */
public record SheetVerificationLine(Method method, Verdict verdict, String how, OptionalDouble error, double tolerance,
                                    long seed) {
    public enum Method { SYMBOLIC, NUMERIC }

    public enum Verdict {
        VERIFIED, FAILED, UNDECIDED, NOT_RUN;

        public String word() { return this == NOT_RUN ? "not run" : this == UNDECIDED ? "not decided" : name().toLowerCase(Locale.ROOT); }
    }

    public SheetVerificationLine {
        how = how == null ? "" : how;
        error = error == null ? OptionalDouble.empty() : error;
    }

    public static SheetVerificationLine symbolic(Verdict verdict) {
        return new SheetVerificationLine(Method.SYMBOLIC, verdict, "", OptionalDouble.empty(), Double.NaN, -1);
    }

    /** A verified numeric check: how, the largest error by the decision's measure, its tolerance and the seed. */
    public static SheetVerificationLine numeric(String how, double error, double tolerance, long seed) {
        return new SheetVerificationLine(Method.NUMERIC, Verdict.VERIFIED, how, OptionalDouble.of(error), tolerance, seed);
    }

    /** A numeric check whose decision has no single error figure (Monte Carlo's confidence bounds, a condition). */
    public static SheetVerificationLine numeric(Verdict verdict, String how, long seed) {
        return new SheetVerificationLine(Method.NUMERIC, verdict, how, OptionalDouble.empty(), Double.NaN, seed);
    }

    public static SheetVerificationLine numericNotRun() {
        return new SheetVerificationLine(Method.NUMERIC, Verdict.NOT_RUN, "", OptionalDouble.empty(), Double.NaN, -1);
    }

    /** Whether a figure is printed: only one within its tolerance beside "verified". */
    public boolean printsFigure() {
        return error.isPresent() && !(verdict == Verdict.VERIFIED && !(error.getAsDouble() <= tolerance));
    }

    /** Plain text, e.g. "numeric check: verified at 20 random instances (largest error 3.1e-12, tolerance 1e-08; seed 42)". */
    public String text() { return render(false); }

    /** The same in LaTeX text mode. */
    public String latex() { return render(true); }

    private String render(boolean latex) {
        String m = method == Method.SYMBOLIC ? "symbolic check" : "numeric check";
        StringBuilder b = new StringBuilder(m).append(": ").append(verdict.word());
        if (!how.isEmpty()) b.append(' ').append(latex ? LatexText.escape(how) : how);
        StringBuilder d = new StringBuilder();
        if (printsFigure()) {
            d.append("largest error ").append(num(error.getAsDouble(), latex));
            if (!Double.isNaN(tolerance)) d.append(latex ? " $\\le$ " : " <= ").append(num(tolerance, latex));
        } else if (verdict == Verdict.VERIFIED && error.isPresent()) {
            d.append("each sample within its tolerance of ").append(num(tolerance, latex));
        }
        if (seed >= 0) d.append(d.length() > 0 ? "; " : "").append("seed ").append(seed);
        if (d.length() > 0) b.append(" (").append(d).append(')');
        return b.toString();
    }

    private static String num(double x, boolean latex) {
        String s = String.format(Locale.ROOT, "%.1e", x);
        if (!latex) return s;
        int e = s.indexOf('e');
        String mant = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        return exp == 0 ? "$" + mant + "$" : "$" + mant + " \\cdot 10^{" + exp + "}$";
    }
}
