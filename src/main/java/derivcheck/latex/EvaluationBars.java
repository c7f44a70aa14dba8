package derivcheck.latex;

import derivcheck.expr.Expr;
import derivcheck.expr.Grad;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.LetDef;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers of the evaluation bar {@code \left. f \right|_{x = a}} (see {@link AnswerReader}):
 * before x is replaced, the spec's definitions are put in, so that a name defined in terms of x
 * (`let f = w'*x`) is evaluated at a too.
 */
final class EvaluationBars {
    private EvaluationBars() {}

    /** Every `let` name in e replaced by its definition, recursively. */
    static Expr inlineLets(Problem p, Expr e) { return inline(p, e, 0); }

    private static Expr inline(Problem p, Expr e, int depth) {
        if (depth > 32) throw new IllegalArgumentException("the definitions nest too deeply");
        if (e instanceof Grad g) {
            // a derivative with respect to a defined name: putting the definition in would change what it differentiates by
            if (g.wrt() instanceof Sym w && w.kind() == SymKind.LET) {
                throw new IllegalArgumentException("a derivative with respect to the defined quantity " + w.name() + " is not taken here");
            }
            return new Grad(inline(p, g.f(), depth), g.wrt(), g.pos());
        }
        if (e instanceof Sym s && s.kind() == SymKind.LET) {
            LetDef d = p.let(s.name()).orElseThrow(() -> new IllegalArgumentException("no definition of " + s.name()));
            if (d.range().isPresent()) throw new IllegalArgumentException(s.name() + " is defined entry by entry");
            return inline(p, d.body(), depth + 1);
        }
        List<Expr> kids = e.children();
        if (kids.isEmpty()) return e;
        List<Expr> out = new ArrayList<>(kids.size());
        boolean changed = false;
        for (Expr k : kids) {
            Expr t = inline(p, k, depth);
            changed |= t != k;
            out.add(t);
        }
        return changed ? e.withChildren(out) : e;
    }
}
