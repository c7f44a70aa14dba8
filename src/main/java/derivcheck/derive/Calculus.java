package derivcheck.derive;

import derivcheck.calculus.Gradient;
import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import java.util.Optional;

/** Gradients for strategies: the calculus package, with its refusals turned into "no". */
public final class Calculus {
    private Calculus() {}

    public static Optional<Expr> gradient(Expr f, Sym x) {
        try {
            return Optional.of(Gradient.of(f, x));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
