package derivcheck.derive;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.LetDef;
import derivcheck.model.Problem;
import java.util.Optional;

/** Replaces names defined by `let` with their definitions. */
public final class Lets {
    private Lets() {}

    public static Expr inline(Problem p, Expr e) {
        for (int round = 0; round < 32; round++) {
            Expr next = Exprs.transform(e, x -> replace(p, x));
            if (next.equals(e)) return next;
            e = next;
        }
        return e;
    }

    /**
     * Inlined, or empty when an entrywise-defined vector is used as a whole (min(d) of
     * `let d_k = …`): there is no closed vector form to put in its place, and treating it as a
     * constant would be wrong.
     */
    public static java.util.Optional<Expr> fully(Problem p, Expr e) {
        Expr out = inline(p, e);
        boolean open = Exprs.anyNode(out, x -> x instanceof Sym s && s.kind() == SymKind.LET);
        return open ? java.util.Optional.empty() : java.util.Optional.of(out);
    }

    private static Expr replace(Problem p, Expr x) {
        if (x instanceof Sym s && s.kind() == SymKind.LET) {
            Optional<LetDef> d = p.let(s.name());
            if (d.isPresent() && d.get().range().isEmpty()) return d.get().body();
        }
        if (x instanceof Index i && i.base() instanceof Sym s && s.kind() == SymKind.LET && i.indices().size() == 1) {
            Optional<LetDef> d = p.let(s.name());
            if (d.isPresent() && d.get().range().isPresent()) {
                Expr idx = inline(p, i.indices().get(0));
                return Exprs.substitute(d.get().body(), d.get().range().get().index(), idx);
            }
        }
        return null;
    }
}
