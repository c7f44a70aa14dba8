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

    static Sym multiplier(String name) { return new Sym(name, Shape.SCALAR, SymKind.UNKNOWN, Pos.NONE); }
}
