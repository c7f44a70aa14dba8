package derivcheck.derive;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Problem;
import java.util.Optional;

/** Makes an expression explicit: lets inlined, gradients of explicit functions computed. */
public final class Evaluation {
    private Evaluation() {}

    /** The explicit expression, or empty if a gradient in it cannot be computed. */
    public static Optional<Expr> explicit(Problem p, Expr e) {
        Optional<Expr> full = Lets.fully(p, e);
        if (full.isEmpty()) return Optional.empty();
        Expr inlined = Facts.substitute(p, full.get());
        boolean[] failed = {false};
        Expr out = innermostFirst(inlined, failed);
        if (failed[0] || Exprs.anyNode(out, x -> x instanceof Grad)) return Optional.empty();
        return Optional.of(out);
    }

    /**
     * Gradients computed innermost first, so a second derivative grad(grad(f, w), w) is the
     * gradient of the computed first derivative.
     */
    public static Expr innermostFirst(Expr e, boolean[] failed) {
        java.util.List<Expr> kids = e.children();
        Expr self = e;
        if (!kids.isEmpty()) {
            java.util.List<Expr> out = new java.util.ArrayList<>(kids.size());
            boolean changed = false;
            for (Expr k : kids) {
                Expr t = innermostFirst(k, failed);
                changed |= t != k;
                out.add(t);
            }
            if (changed) self = e.withChildren(out);
        }
        if (self instanceof Grad g && g.wrt() instanceof Sym w && !mentionsLoss(g.f()) && !Exprs.anyNode(g.f(), x -> x instanceof Grad)) {
            Optional<Expr> d = Calculus.gradient(g.f(), w);
            if (d.isEmpty()) failed[0] = true;
            return d.orElse(self);
        }
        return self;
    }

    public static boolean mentionsLoss(Expr e) {
        return Exprs.anyNode(e, x -> x instanceof Sym s && s.kind() == SymKind.LOSS);
    }
}
