package derivcheck.serve;

import derivcheck.expr.Exprs;
import derivcheck.expr.Expr;
import derivcheck.expr.Num;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the solution out of what a student sees. The checker's explanations may quote the
 * reference ("the answer is -(…)", "a term is missing: …", "that is the value of …"); every
 * printed form of a secret expression, and of each of its compound parts, is replaced by
 * {@code …} in those explanations, even where the student's answer contains it (a flipped sign
 * around the right value would otherwise confirm the value). The student's own text and its
 * reading are never touched.
 */
final class Redactor {
    static final String HIDDEN = "…";

    private final List<String> secrets;

    Redactor(List<Expr> secretExprs) {
        Set<String> s = new LinkedHashSet<>();
        for (Expr e : secretExprs) {
            s.add(TextPrinter.print(e));
            Exprs.anyNode(e, x -> {
                if (!(x instanceof Sym) && !(x instanceof Num)) {
                    String t = TextPrinter.print(x);
                    if (t.length() >= 3) s.add(t);
                }
                return false;
            });
        }
        List<String> sorted = new ArrayList<>(s);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
    }

    /** An explanation with every secret in it replaced by {@link #HIDDEN}. */
    String redact(String explanation) {
        if (explanation == null) return null;
        String out = explanation;
        for (String s : secrets) out = out.replace(s, HIDDEN);
        return out;
    }
}
