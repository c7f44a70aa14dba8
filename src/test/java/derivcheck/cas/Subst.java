package derivcheck.cas;

import derivcheck.expr.Expr;

import java.util.ArrayList;
import java.util.List;

/** Test helper: structural substitution. */
final class Subst {
    private Subst() {}

    static Expr replace(Expr e, Expr what, Expr by) {
        if (e.equals(what)) return by;
        List<Expr> c = e.children();
        if (c.isEmpty()) return e;
        List<Expr> out = new ArrayList<>();
        for (Expr x : c) out.add(replace(x, what, by));
        return e.withChildren(out);
    }
}
