package derivcheck.check;

import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.latex.Answer;
import derivcheck.model.Claim;
import derivcheck.numeric.verify.NumericVerdict;
import derivcheck.source.Diagnostic;
import derivcheck.source.ParseResult;
import java.util.List;
import java.util.Optional;

/**
 * Issue 11, defect 9: an answer that reads but whose shapes do not fit (X X^T where X^T X is meant,
 * a vector added to a matrix) is a wrong answer, not unreadable input. The reader reports it as a
 * diagnostic from the expression model's shape rules; this turns such a diagnostic into an
 * {@code incorrect} verdict with the message and its position. Input with any other error stays
 * unreadable (exit 2).
 */
public final class ShapeErrors {
    private ShapeErrors() {}

    /** The shape-rule messages of derivcheck.expr (Shapes, Inner, Pow, Inverse). */
    private static final List<String> SHAPE_MESSAGES = List.of("not conformable", "cannot add a ", "<a, b> needs two vectors",
            "cannot raise a vector to a power", "only a square matrix has powers", "inv needs a square matrix", "cannot compare a ");

    /** "cannot compare a A with a B (in: LINE)" of the expression model's Relation. */
    private static final java.util.regex.Pattern COMPARE =
            java.util.regex.Pattern.compile("cannot compare a (.+?) with a (.+?)( \\(in: (.*)\\))?");

    /**
     * A shape as a grader says it: "a scalar", "a vector of length n", "a matrix of size n x d"
     * (the expression model's own words are "vector in R^n", "matrix in R^(nxd)").
     */
    public static String describe(derivcheck.expr.Shape s) {
        if (s instanceof derivcheck.expr.Shape.Vector v) return "a vector of length " + v.n();
        if (s instanceof derivcheck.expr.Shape.Matrix m && m.rows().equals(derivcheck.expr.Dim.ONE)) return "a row vector of length " + m.cols();
        if (s instanceof derivcheck.expr.Shape.Matrix m) return "a matrix of size " + m.rows() + " x " + m.cols();
        return "a scalar";
    }

    private static String described(String modelWords) {
        String w = modelWords.strip();
        if (w.equals("scalar")) return "a scalar";
        java.util.regex.Matcher m;
        if ((m = java.util.regex.Pattern.compile("row vector in R\\^\\(1x(.+)\\)").matcher(w)).matches()) return "a row vector of length " + m.group(1);
        if ((m = java.util.regex.Pattern.compile("vector in R\\^\\(?(.+?)\\)?").matcher(w)).matches()) return "a vector of length " + m.group(1);
        if ((m = java.util.regex.Pattern.compile("matrix in R\\^\\((.+)x(.+)\\)").matcher(w)).matches()) return "a matrix of size " + m.group(1) + " x " + m.group(2);
        return "a " + w;
    }

    /**
     * The reader's "cannot compare" said as the verdict's reason: for an answer `target = value`
     * (one relation), "the answer is B; the problem asks for A"; in a chain, which step compares
     * what. Other shape messages are kept as they are.
     */
    static String explained(String message) {
        java.util.regex.Matcher m = COMPARE.matcher(message);
        if (!m.matches()) return message;
        String line = m.group(4) == null ? "" : m.group(4);
        long relations = line.chars().filter(ch -> ch == '=' || ch == '<' || ch == '>').count();
        if (relations == 1) return "the answer is " + described(m.group(2)) + "; the problem asks for " + described(m.group(1)) + " (in: " + line + ")";
        return "a step equates " + described(m.group(1)) + " with " + described(m.group(2)) + (line.isEmpty() ? "" : " (in: " + line + ")");
    }

    /**
     * A target of the problem that is a scalar, stated as a vector or a matrix (E[y] = w): the
     * answer is wrong by its shape at every size, whatever its entries. (A scalar stated for a
     * vector target, w = 0, is read entrywise and judged by value.)
     */
    public static java.util.Optional<String> wrongShape(derivcheck.model.Problem p, Relation whole) {
        if (whole.op() != RelOp.EQ || !whole.lhs().isScalar() || whole.rhs().isScalar() || !target(p, whole.lhs())) return java.util.Optional.empty();
        return java.util.Optional.of("the answer is " + describe(whole.rhs().shape()) + "; the problem asks for a scalar ("
                + derivcheck.expr.TextPrinter.print(whole.lhs()) + ")");
    }

    private static boolean target(derivcheck.model.Problem p, derivcheck.expr.Expr e) {
        if (p.targets().contains(e)) return true;
        derivcheck.expr.Expr base = e instanceof derivcheck.expr.Index ix ? ix.base() : e;
        return base instanceof Sym s && (s.kind() == derivcheck.expr.SymKind.UNKNOWN || s.kind() == derivcheck.expr.SymKind.LET)
                || p.expects().stream().anyMatch(c -> c.relations().get(0).lhs().equals(e));
    }

    public static boolean isShapeError(Diagnostic d) {
        for (String m : SHAPE_MESSAGES) if (d.message().startsWith(m)) return true;
        return false;
    }

    /** A report `incorrect` when every diagnostic of a failed read is a shape error. */
    public static Optional<AnswerReport> asIncorrect(String input, Pos pos, ParseResult<?> read) {
        if (read == null || read.ok() || read.diagnostics().isEmpty()) return Optional.empty();
        for (Diagnostic d : read.diagnostics()) if (!isShapeError(d)) return Optional.empty();
        Diagnostic d = read.diagnostics().get(0);
        String where = d.pos().file() + ":" + d.pos().line() + ":" + d.pos().col();
        String message = explained(d.message());
        String target = input.contains("=") ? input.substring(0, input.indexOf('=')).strip() : input.strip();
        // the answer has no value to compare: a placeholder claim carries the position for reports
        Claim placeholder = new Claim(List.of(new Relation(RelOp.EQ, Sym.scalar("answer"), Num.ZERO, pos)), Optional.empty(), input, pos);
        Answer a = new Answer(input, pos, placeholder, List.of(pos.line()), "(not conformable, see the diagnosis)", input.contains("\\"));
        NumericVerdict nv = NumericVerdict.undecided("shapes", 0L, "the answer has no value: " + message);
        return Optional.of(new AnswerReport(a, target, AnswerReport.Word.INCORRECT, "not run: the shapes do not fit",
                Optional.of(nv), Optional.of(message + " (at " + where + ")"), List.of(), "shapes"));
    }
}
