package derivcheck.derive;

import derivcheck.expr.Expr;
import derivcheck.expr.Grad;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;

/** Symbols that name things in derivation steps (the objective f, a multiplier mu, …). */
final class Names {
    private Names() {}

    static Sym scalar(String name) { return new Sym(name, Shape.SCALAR, SymKind.GIVEN, Pos.NONE); }

    static Sym objective() { return new Sym("f", Shape.SCALAR, SymKind.LET, Pos.NONE); }

    static Expr gradientOfObjective(Sym x) { return new Grad(objective(), x, Pos.NONE); }

    /**
     * A name for a symbol a strategy introduces (a multiplier, an index, a step label) that no
     * declared name of the problem uses: the base, or the base with a number.
     */
    static String fresh(derivcheck.model.Problem p, String base) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        p.symbols().forEach(x -> taken.add(x.name()));
        p.functions().forEach(f -> taken.add(f.name()));
        derivcheck.expr.Exprs.anyNode(p.objective().map(o -> o.expr()).orElse(derivcheck.expr.Num.ZERO), e -> {
            if (e instanceof Sym y) taken.add(y.name());
            return false;
        });
        if (!taken.contains(base)) return base;
        for (int k = 2; ; k++) if (!taken.contains(base + k)) return base + k;
    }

    static Sym multiplier(String name) { return new Sym(name, Shape.SCALAR, SymKind.UNKNOWN, Pos.NONE); }
}
