package derivcheck.calculus;

import derivcheck.expr.Expr;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import java.util.HashSet;
import java.util.Set;

/**
 * Bound-index names that no name of the differentiated expression uses (i, j, k, …, then i1, j1, …),
 * so that a sum the derivative introduces never captures a name of the expression (issue 17).
 */
final class FreshIndices {
    private static final String[] BASE = {"i", "j", "k", "l", "m", "p", "q", "r"};
    private final Set<String> used = new HashSet<>();
    private int next;

    /** Avoid every symbol and bound index of {@code e}, and {@code x}. */
    FreshIndices(Expr e, Sym x) {
        collectNames(e, used);
        used.add(x.name());
    }

    Sym next() {
        while (true) {
            int round = next / BASE.length;
            String name = BASE[next % BASE.length] + (round == 0 ? "" : Integer.toString(round));
            next++;
            if (used.add(name)) return Entries.index(name);
        }
    }

    private static void collectNames(Expr e, Set<String> out) {
        if (e instanceof Sym s) out.add(s.name());
        if (e instanceof Sum s) out.add(s.index().name());
        for (Expr c : e.children()) collectNames(c, out);
    }
}
